import type { FlowElements } from './toFlow.ts';

/**
 * Carries over the node and edge objects that did not change since the previous graph. Every
 * edit yields a new graph and so new objects; keeping the old ones where nothing changed lets
 * React Flow and the memoised node components skip them, which keeps typing smooth at 300
 * resources. Comparison is by the JSON of what the element shows: cheap next to a render.
 */
export function reuseUnchanged(
  previous: FlowElements | undefined,
  next: FlowElements,
): FlowElements {
  if (!previous) return next;
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(previous.edges.map((e) => [e.id, e]));
  let same =
    previous.nodes.length === next.nodes.length && previous.edges.length === next.edges.length;
  const nodes = next.nodes.map((node, i) => {
    const old = oldNodes.get(node.id);
    const kept =
      old && (old === node || JSON.stringify(old.data) === JSON.stringify(node.data)) ? old : node;
    if (kept !== previous.nodes[i]) same = false;
    return kept;
  });
  const edges = next.edges.map((edge, i) => {
    const old = oldEdges.get(edge.id);
    const kept = old && (old === edge || edgeKey(old) === edgeKey(edge)) ? old : edge;
    if (kept !== previous.edges[i]) same = false;
    return kept;
  });
  // Unchanged arrays too, so effects keyed on them (the layout) do not run for nothing.
  if (same) return { ...next, nodes: previous.nodes, edges: previous.edges };
  return { ...next, nodes, edges };
}

function edgeKey(edge: FlowElements['edges'][number]): string {
  return JSON.stringify([edge.source, edge.target, edge.sourceHandle, edge.label, edge.data]);
}
