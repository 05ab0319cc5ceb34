import { type InternalNode, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useDesigner } from '../StoreContext.tsx';
import type { FlowElements } from './toFlow.ts';

/**
 * Brings the selected node into view when the selection changes (the editor's cursor selects
 * nodes too). A node whose centre is already on screen is left alone: the view only moves when
 * the user could not otherwise see what got selected. A selected rule reveals its VirtualService.
 *
 * Go to resource (the store's `centre`) always centres the node and puts the keyboard on it, so
 * Delete, F2 or Enter act on what was found, as after a click.
 */
export function useRevealSelection(selection: string | null, elements: FlowElements): void {
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  const flowStore = useStoreApi();
  const centre = useDesigner((s) => s.centre);
  // Only a change of selection moves the view, not every new graph while it stays selected.
  const latest = useRef(elements);
  latest.current = elements;

  useEffect(() => {
    if (selection === null) return;
    const node = getInternalNode(drawnId(selection, latest.current));
    if (!node) return;
    const { x: cx, y: cy } = middle(node);
    const { x, y, zoom } = getViewport();
    const { width: paneWidth, height: paneHeight } = flowStore.getState();
    const screenX = cx * zoom + x;
    const screenY = cy * zoom + y;
    if (screenX >= 0 && screenX <= paneWidth && screenY >= 0 && screenY <= paneHeight) return;
    void setCenter(cx, cy, { zoom, duration: 250 });
  }, [selection, getInternalNode, getViewport, setCenter, flowStore]);

  useEffect(() => {
    if (centre === null) return;
    const id = drawnId(centre.id, latest.current);
    const node = getInternalNode(id);
    if (!node) return;
    const { x, y } = middle(node);
    void setCenter(x, y, { zoom: getViewport().zoom, duration: 250 });
    // After the palette's dialog has closed and given focus back to where it was.
    const frame = requestAnimationFrame(() => {
      const element = document.querySelector<HTMLElement>(
        `.react-flow__node[data-id="${CSS.escape(id)}"]`,
      );
      element?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [centre, getInternalNode, getViewport, setCenter]);
}

/**
 * The node drawn for a graph node: a rule is drawn inside its route, a listener its Gateway, and
 * a node in a collapsed group by the group's node.
 */
function drawnId(id: string, elements: FlowElements): string {
  const graphNode = elements.graphNodes.get(id);
  const own =
    (graphNode?.kind === 'route' || graphNode?.kind === 'listener') && graphNode.parent
      ? graphNode.parent
      : id;
  const group = elements.nodes.find(
    (n) => n.data.group?.open === false && n.data.group.members.includes(own),
  );
  return group?.id ?? own;
}

function middle(node: InternalNode): { x: number; y: number } {
  return {
    x: node.internals.positionAbsolute.x + (node.measured.width ?? 0) / 2,
    y: node.internals.positionAbsolute.y + (node.measured.height ?? 0) / 2,
  };
}
