import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { FlowElements } from './toFlow.ts';

/**
 * Brings the selected node into view when the selection changes (the editor's cursor selects
 * nodes too). A node whose centre is already on screen is left alone: the view only moves when
 * the user could not otherwise see what got selected. A selected rule reveals its VirtualService.
 */
export function useRevealSelection(selection: string | null, elements: FlowElements): void {
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  const flowStore = useStoreApi();
  // Only a change of selection moves the view, not every new graph while it stays selected.
  const latest = useRef(elements);
  latest.current = elements;

  useEffect(() => {
    if (selection === null) return;
    const graphNode = latest.current.graphNodes.get(selection);
    const id = graphNode?.kind === 'route' && graphNode.parent ? graphNode.parent : selection;
    const node = getInternalNode(id);
    if (!node) return;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    const cx = node.internals.positionAbsolute.x + width / 2;
    const cy = node.internals.positionAbsolute.y + height / 2;
    const { x, y, zoom } = getViewport();
    const { width: paneWidth, height: paneHeight } = flowStore.getState();
    const screenX = cx * zoom + x;
    const screenY = cy * zoom + y;
    if (screenX >= 0 && screenX <= paneWidth && screenY >= 0 && screenY <= paneHeight) return;
    void setCenter(cx, cy, { zoom, duration: 250 });
  }, [selection, getInternalNode, getViewport, setCenter, flowStore]);
}
