import { useMemo, useRef } from 'react';
import type { FlowGraph } from '../../graph/types.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { useDesigner } from '../StoreContext.tsx';
import { focusedNodes, groupKeysOf } from './graphView.ts';
import { GROUP_OPEN_LIMIT, groupElements } from './grouping.ts';
import { reuseUnchanged } from './reuseUnchanged.ts';
import type { FlowElements } from './toFlow.ts';

export interface GraphView {
  /** What the canvas draws: focused, grouped. */
  readonly elements: FlowElements;
  /**
   * A large view: laid out in blocks (useBigLayout), not by the whole-graph layout. A graph of
   * up to `GROUP_OPEN_LIMIT` nodes with every group open keeps the view it always had.
   */
  readonly big: boolean;
  /** Which grouping or focus is shown: the view is fitted again when it changes. */
  readonly key: string;
}

/**
 * The elements the canvas draws: only the focused path while a focus is set, else grouped by
 * namespace or host with the collapsed groups as single nodes (grouping.ts).
 */
export function useGraphView(
  elements: FlowElements,
  graph: FlowGraph,
  workspace: Workspace,
): GraphView {
  const groupBy = useDesigner((s) => s.groupBy);
  const groupOpen = useDesigner((s) => s.groupOpen);
  const focus = useDesigner((s) => s.focus);
  const large = elements.nodes.length > GROUP_OPEN_LIMIT;
  const keys = useMemo(
    () => (groupBy === 'none' ? undefined : groupKeysOf(graph, workspace, groupBy)),
    [graph, workspace, groupBy],
  );
  // Group nodes and aggregated edges are made anew each time: unchanged ones keep their objects,
  // so opening one group re-renders that group, not all of them.
  const previous = useRef<FlowElements | undefined>(undefined);
  const view = useMemo((): GraphView => {
    if (focus) {
      const path = focusedNodes(graph, workspace, focus);
      if (path.size > 0)
        return {
          elements: onlyNodes(elements, path),
          big: large,
          key: `focus:${focus.kind}:${focus.key}`,
        };
    }
    if (!keys) return { elements, big: false, key: 'all' };
    const isOpen = (key: string) => groupOpen[key] ?? !large;
    const closed = new Set([...keys.values()].filter((key) => !isOpen(key)));
    const big = large || closed.size > 0;
    const grouped = groupElements(elements, keys, isOpen, big);
    return { elements: grouped, big, key: `group:${groupBy}` };
  }, [elements, graph, workspace, focus, keys, groupOpen, large, groupBy]);
  return useMemo(() => {
    // The graph's own elements are reused already (useFlowElements).
    if (view.elements === elements) {
      previous.current = undefined;
      return view;
    }
    const reused = reuseUnchanged(previous.current, view.elements);
    previous.current = reused;
    return reused === view.elements ? view : { ...view, elements: reused };
  }, [view, elements]);
}

/** The elements with only the given nodes, and the edges between them. */
function onlyNodes(elements: FlowElements, ids: ReadonlySet<string>): FlowElements {
  return {
    ...elements,
    nodes: elements.nodes.filter((n) => ids.has(n.id)),
    edges: elements.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}
