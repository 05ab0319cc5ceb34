import type { NodeKind } from '../../graph/types.ts';

interface PathNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly parent?: string | null;
}

interface PathEdge {
  readonly source: string;
  readonly target: string;
}

/**
 * The nodes a request for one host passes through: everything upstream of the focused node
 * (gateway, its pods, load balancer, client) and everything downstream (rules' services,
 * subsets, pods, delegates). The focus is the selected node (a rule stands for its
 * VirtualService), else the first VirtualService, else the first Gateway. When a graph is too
 * large to read whole, this is the part the view shows first.
 */
export function requestPath(
  nodes: readonly PathNode[],
  edges: readonly PathEdge[],
  selected: string | null,
): Set<string> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const picked = selected === null ? undefined : byId.get(selected);
  const focus =
    (picked?.kind === 'route' && picked.parent ? byId.get(picked.parent) : picked) ??
    nodes.find((node) => node.kind === 'virtualService') ??
    nodes.find((node) => node.kind === 'gateway');
  if (!focus) return new Set(nodes.map((node) => node.id));
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const edge of edges) {
    push(forward, edge.source, edge.target);
    push(backward, edge.target, edge.source);
  }
  const path = new Set<string>([focus.id]);
  walk(focus.id, forward, path);
  walk(focus.id, backward, path);
  return path;
}

function push(map: Map<string, string[]>, from: string, to: string): void {
  const list = map.get(from);
  if (list) list.push(to);
  else map.set(from, [to]);
}

/** Adds every node reachable from `start` along `links` to `seen`. */
function walk(start: string, links: ReadonlyMap<string, readonly string[]>, seen: Set<string>) {
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const next of links.get(queue[head] as string) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
}
