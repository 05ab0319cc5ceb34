import type { FlowGraph, GraphNode, NodeKind } from '../../graph/types.ts';
import { isModelled, type ModelledObject } from '../../model/kinds.ts';
import { entries, type Workspace } from '../../workspace/workspace.ts';
import { RULE_OWNERS } from './requestPath.ts';

/** Nodes whose hosts say which requests they take (VirtualServices, routes, Ingresses). */
const ROUTE_OWNERS = RULE_OWNERS;

/**
 * The hosts each route and Gateway node serves, as written (a VirtualService's `hosts`, a
 * route's `hostnames`, an Ingress's rule hosts, a Gateway's server hosts without their
 * `namespace/` part, a Gateway API listener's hostname), by graph node id. Memoised per graph.
 */
export function nodeHosts(
  graph: FlowGraph,
  workspace: Workspace,
): ReadonlyMap<string, readonly string[]> {
  const cached = hostCache.get(graph);
  if (cached?.workspace === workspace) return cached.hosts;
  const objects = new Map<string, ModelledObject>();
  for (const entry of entries(workspace))
    if (!objects.has(entry.id) && isModelled(entry.object)) objects.set(entry.id, entry.object);
  const hosts = new Map<string, readonly string[]>();
  for (const node of graph.nodes) {
    if (!ROUTE_OWNERS.has(node.kind) && node.kind !== 'gateway') continue;
    const object = node.resource === undefined ? undefined : objects.get(node.resource);
    const written = object ? hostsOf(object) : [];
    if (written.length > 0) hosts.set(node.id, [...new Set(written)]);
  }
  hostCache.set(graph, { workspace, hosts });
  return hosts;
}

const hostCache = new WeakMap<
  FlowGraph,
  { workspace: Workspace; hosts: ReadonlyMap<string, readonly string[]> }
>();

function hostsOf(object: ModelledObject): string[] {
  switch (object.kind) {
    case 'VirtualService':
      return [...object.hosts];
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
      return [...object.hostnames];
    case 'Ingress':
      return object.rules.flatMap((rule) => (rule.host ? [rule.host] : []));
    case 'Gateway':
      return object.servers.flatMap((s) => s.hosts.map((h) => h.slice(h.indexOf('/') + 1)));
    default:
      return 'listeners' in object
        ? object.listeners.flatMap((l) => (l.hostname ? [l.hostname] : []))
        : [];
  }
}

/** Every host a route serves, sorted: what "Focus on host…" offers. */
export function routeHosts(
  graph: FlowGraph,
  hosts: ReadonlyMap<string, readonly string[]>,
): string[] {
  const out = new Set<string>();
  for (const node of graph.nodes)
    if (ROUTE_OWNERS.has(node.kind)) for (const host of hosts.get(node.id) ?? []) out.add(host);
  return [...out].sort();
}

/** Gateways (Istio's and the Gateway API's): what "Focus on a Gateway…" offers. */
export function gatewayNodes(graph: FlowGraph): GraphNode[] {
  return graph.nodes.filter((node) => node.kind === 'gateway');
}

/** Whether a node can be focused on from the node itself (a Gateway or a route owner). */
export function isFocusable(kind: NodeKind): boolean {
  return kind === 'gateway' || ROUTE_OWNERS.has(kind);
}

/**
 * The graph nodes on the path of a host or a Gateway: from the client through the load balancer,
 * the gateway pods and the Gateway to the routes that take the host (or that the Gateway
 * binds), their services, subsets and pods, with the autoscalers and disruption budgets attached
 * along it. Everything upstream of the start (routes of the host, or the Gateway) and everything
 * downstream of it; never the other routes that share the gateway pods.
 */
export function focusPath(
  graph: FlowGraph,
  focus: { readonly kind: 'host' | 'gateway'; readonly key: string },
  hosts: ReadonlyMap<string, readonly string[]>,
): ReadonlySet<string> {
  const starts =
    focus.kind === 'gateway'
      ? graph.nodes.filter((n) => n.id === focus.key)
      : graph.nodes.filter((n) => ROUTE_OWNERS.has(n.kind) && hosts.get(n.id)?.includes(focus.key));
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  const attached = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.kind === 'attach') {
      push(attached, edge.source, edge.target);
      push(attached, edge.target, edge.source);
      continue;
    }
    push(forward, edge.source, edge.target);
    push(backward, edge.target, edge.source);
  }
  const seen = new Set<string>();
  for (const start of starts) {
    seen.add(start.id);
    walk([start.id], forward, seen);
    walk([start.id], backward, seen);
  }
  for (const id of [...seen]) for (const other of attached.get(id) ?? []) seen.add(other);
  // A rule routes to a subset directly; the service it is a subset of belongs to the path too.
  for (const edge of graph.edges)
    if (edge.kind === 'subset' && seen.has(edge.target)) seen.add(edge.source);
  // Rows (rules, listeners) come with the node that draws them.
  for (const node of graph.nodes) if (node.parent && seen.has(node.parent)) seen.add(node.id);
  return seen;
}

function push(map: Map<string, string[]>, from: string, to: string): void {
  const list = map.get(from);
  if (list) list.push(to);
  else map.set(from, [to]);
}

function walk(queue: string[], links: ReadonlyMap<string, readonly string[]>, seen: Set<string>) {
  for (let head = 0; head < queue.length; head++)
    for (const next of links.get(queue[head] as string) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
}
