import type { NodeKind } from '../../graph/types.ts';
import { KIND_COLUMN } from './fallbackLayout.ts';

/**
 * Which layer (column, left to right) each node goes in. ELK's own layering places a node by
 * its edges alone: a Service that routes bypass (they name subsets) has no incoming edge and
 * lands in the first column, and a new VirtualService lands next to its destinations. Here a
 * node goes at least in its kind's column (KIND_COLUMN: the request path's order) and after
 * everything that sends to it, so a delegate VirtualService follows the rule that delegates.
 *
 * Longest path over a topological order (Kahn); nodes on a cycle (delegation loops, which
 * Istio rejects) keep the layer their placed predecessors give them.
 */
export function assignLayers(
  nodes: readonly { readonly id: string; readonly kind: NodeKind }[],
  edges: readonly { readonly source: string; readonly target: string }[],
): Map<string, number> {
  const layer = new Map(nodes.map((n) => [n.id, KIND_COLUMN[n.kind]]));
  const targets = new Map<string, string[]>();
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  for (const edge of edges) {
    if (!layer.has(edge.source) || !layer.has(edge.target) || edge.source === edge.target) continue;
    const list = targets.get(edge.source);
    if (list) list.push(edge.target);
    else targets.set(edge.source, [edge.target]);
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
  }
  const ready = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (let head = 0; head < ready.length; head++) {
    const id = ready[head] as string;
    const next = (layer.get(id) ?? 0) + 1;
    for (const target of targets.get(id) ?? []) {
      if ((layer.get(target) ?? 0) < next) layer.set(target, next);
      const left = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  return layer;
}
