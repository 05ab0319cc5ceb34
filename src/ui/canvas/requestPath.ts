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
 * The nodes a request passes through: everything upstream of the focused node (its
 * VirtualService, Gateway, gateway pods, load balancer, client) and everything downstream (the
 * services, subsets and pods it routes to, delegates). The focus is the selected node, where a
 * VirtualService (or HTTPRoute…) stands for its first rule; with nothing selected, the first rule
 * of the first VirtualService or route (else the first Gateway). When a graph is too large to read whole, this is the
 * part the view shows first. Takes the graph's own nodes and edges (rules are nodes there).
 */
export interface RequestPath {
  readonly nodes: ReadonlySet<string>;
  /** The node drawn for the focus (a rule's VirtualService): what the view keeps in sight. */
  readonly anchor: string | undefined;
}

export function requestPath(
  nodes: readonly PathNode[],
  edges: readonly PathEdge[],
  selected: string | null,
): RequestPath {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const picked =
    (selected === null ? undefined : byId.get(selected)) ??
    nodes.find((node) => RULE_OWNERS.has(node.kind)) ??
    nodes.find((node) => node.kind === 'gateway');
  const firstRule =
    picked && RULE_OWNERS.has(picked.kind)
      ? nodes.find((node) => node.kind === 'route' && node.parent === picked.id)
      : undefined;
  const focus = firstRule ?? picked;
  if (!focus) return { nodes: new Set(nodes.map((node) => node.id)), anchor: undefined };
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const edge of edges) {
    push(forward, edge.source, edge.target);
    push(backward, edge.target, edge.source);
  }
  const path = new Set<string>([focus.id]);
  walk(focus.id, forward, path);
  walk(focus.id, backward, path);
  const anchor =
    (focus.kind === 'route' || focus.kind === 'listener') && focus.parent ? focus.parent : focus.id;
  return { nodes: path, anchor };
}

/** Nodes whose rules are rows: VirtualServices and the Gateway API's routes. */
export const RULE_OWNERS: ReadonlySet<NodeKind> = new Set([
  'virtualService',
  'httpRoute',
  'grpcRoute',
  'tlsRoute',
  'tcpRoute',
  'ingress',
]);

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
