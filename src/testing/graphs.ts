import { loadWorkspace } from '../workspace/workspace.ts';

export { dedent as yaml } from './dedent.ts';

import { deriveGraph } from '../graph/deriveGraph.ts';
import type { EdgeKind, FlowGraph, GraphEdge, GraphNode } from '../graph/types.ts';

/**
 * Test helpers for the graph (not a test file itself): inline YAML, a graph from texts, and
 * lookups that keep assertions to small explicit shapes.
 */

/** The graph of texts loaded as one workspace (`a.yaml`, `b.yaml`…). */
export function graphOf(...texts: string[]): FlowGraph {
  return deriveGraph(
    loadWorkspace(texts.map((text, i) => ({ name: `${String.fromCharCode(97 + i)}.yaml`, text }))),
  );
}

export function node(graph: FlowGraph, id: string): GraphNode | undefined {
  return graph.nodes.find((n) => n.id === id);
}

export function nodeIds(graph: FlowGraph, kind?: GraphNode['kind']): string[] {
  return graph.nodes.filter((n) => kind === undefined || n.kind === kind).map((n) => n.id);
}

/** Edges of `kind` as `source -> target` (with ` @weight` when weighted), in graph order. */
export function edgeList(graph: FlowGraph, kind: EdgeKind): string[] {
  return graph.edges
    .filter((e) => e.kind === kind)
    .map((e) => `${e.source} -> ${e.target}${e.weight === undefined ? '' : ` @${e.weight}`}`);
}

export function edgesFrom(graph: FlowGraph, source: string, kind?: EdgeKind): GraphEdge[] {
  return graph.edges.filter((e) => e.source === source && (kind === undefined || e.kind === kind));
}

/** The invariants every graph keeps: unique ids, edges between existing nodes, parents exist. */
export function invariantProblems(graph: FlowGraph): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    if (ids.has(n.id)) problems.push(`duplicate node ${n.id}`);
    ids.add(n.id);
  }
  for (const n of graph.nodes) {
    if (n.parent !== null && !ids.has(n.parent)) problems.push(`missing parent ${n.parent}`);
  }
  const edgeIds = new Set<string>();
  for (const e of graph.edges) {
    if (edgeIds.has(e.id)) problems.push(`duplicate edge ${e.id}`);
    edgeIds.add(e.id);
    if (!ids.has(e.source)) problems.push(`edge ${e.id}: missing source`);
    if (!ids.has(e.target)) problems.push(`edge ${e.id}: missing target`);
  }
  if (graph.nodes.filter((n) => n.kind === 'client').length !== 1) problems.push('client count');
  return problems;
}
