import { useMemo, useRef } from 'react';
import type { FlowGraph } from '../../graph/types.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { reuseUnchanged } from './reuseUnchanged.ts';
import { type FlowElements, toFlowElements } from './toFlow.ts';

/**
 * React Flow elements for the graph, computed once per graph (graphs are memoised by workspace
 * identity), with unchanged nodes and edges carried over from the previous graph.
 */
export function useFlowElements(graph: FlowGraph, workspace: Workspace): FlowElements {
  const previous = useRef<FlowElements | undefined>(undefined);
  return useMemo(() => {
    const next = reuseUnchanged(previous.current, toFlowElements(graph, workspace));
    previous.current = next;
    return next;
  }, [graph, workspace]);
}
