import { useEffect, useRef } from 'react';
import type { XY } from '../../store/designerStore.ts';
import { sizeNodes } from './nodeSize.ts';
import type { Box } from './readableFit.ts';
import type { GraphView } from './useGraphView.ts';
import type { ReadableFit } from './useReadableFit.ts';

/**
 * Fits the view when a small graph enters or leaves a focus: the nodes keep their places, the
 * view goes to what is shown. (A large view fits itself: useBigLayout.)
 */
export function useViewChangeFit(
  view: GraphView,
  positions: Readonly<Record<string, XY>>,
  refit: ReadableFit,
): void {
  const last = useRef(view.key);
  useEffect(() => {
    if (last.current === view.key) return;
    last.current = view.key;
    if (view.big) return;
    const boxes: Box[] = [];
    for (const node of sizeNodes(view.elements.nodes, new Map())) {
      const at = positions[node.id];
      if (at) boxes.push({ id: node.id, at, size: node.size });
    }
    if (boxes.length > 0)
      refit(boxes, 250, { nodes: new Set(boxes.map((b) => b.id)), anchor: undefined });
  }, [view, positions, refit]);
}
