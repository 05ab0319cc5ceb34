import { type ReactFlowState, useStore } from '@xyflow/react';
import { COMPACT_ZOOM } from './blockLayout.ts';

/**
 * Whether the view is zoomed out below reading size: nodes then draw as compact shapes (their
 * kind's colour and their name in a large font; bigGraph.css). One subscription for the canvas,
 * which re-renders only when the answer flips; the nodes themselves never re-render for it.
 */
export function useCompact(): boolean {
  return useStore(isCompact);
}

function isCompact(state: ReactFlowState): boolean {
  return state.transform[2] < COMPACT_ZOOM;
}
