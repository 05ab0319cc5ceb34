import { useDeferredValue, useMemo } from 'react';
import type { FlowGraph } from '../../graph/types.ts';
import { selectGraph } from '../../store/selectors.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { useDesigner } from '../StoreContext.tsx';

export interface DrawnGraph {
  readonly graph: FlowGraph;
  /** The workspace the graph was derived from (grouping by host and focus read it). */
  readonly workspace: Workspace;
}

/**
 * The graph the canvas draws: the store's, handed over as a deferred value. A keystroke's store
 * update then finishes (text, parse, graph) in its own task, and turning the new graph into
 * elements, grouping and drawing them follows in a background render that React interrupts for
 * the next key: at 1,000 resources the two together were one task of 160 ms, which held the
 * editor's echo. Graph and workspace travel as one value so the two never disagree.
 */
export function useDrawnGraph(): DrawnGraph {
  const graph = useDesigner(selectGraph);
  const workspace = useDesigner((s) => s.workspace);
  const live = useMemo(() => ({ graph, workspace }), [graph, workspace]);
  return useDeferredValue(live);
}
