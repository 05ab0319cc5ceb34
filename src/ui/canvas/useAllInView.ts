import { type ReactFlowState, useStore } from '@xyflow/react';

/**
 * Whether every node is inside the pane under the current view. A selector over React Flow's
 * store: it re-runs on each pan or zoom, one pass over the nodes, and re-renders only when the
 * answer flips.
 */
export function useAllInView(): boolean {
  return useStore(everyNodeInView);
}

function everyNodeInView(state: ReactFlowState): boolean {
  const [x, y, zoom] = state.transform;
  for (const node of state.nodeLookup.values()) {
    const at = node.internals.positionAbsolute;
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const right = left + (node.measured.width ?? 0) * zoom;
    const bottom = top + (node.measured.height ?? 0) * zoom;
    if (left < -1 || top < -1 || right > state.width + 1 || bottom > state.height + 1) return false;
  }
  return true;
}
