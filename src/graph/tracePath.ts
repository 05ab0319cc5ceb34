import type { RouteSection } from './ids.ts';
import {
  CLIENT_ID,
  gatewayRouteNodeId,
  listenerNodeId,
  resourceNodeId,
  routeNodeId,
  serviceNodeId,
} from './ids.ts';
import type { EdgeKind, FlowGraph, GraphEdge, GraphNode } from './types.ts';

/** The parts of a simulated request's answer (CONTRACT section 4) that name places on the graph. */
export interface TracedRequest {
  readonly gateway?: string | null;
  readonly virtualService?: string | null;
  readonly rootVirtualService?: string | null;
  /** Gateway API: the listener that took the request (its position in `spec.listeners`). */
  readonly listener?: { readonly index: number } | null;
  /** Gateway API: the route (HTTPRoute, GRPCRoute…) whose rule answered. */
  readonly httpRoute?: string | null;
  /** Kubernetes Ingress: the Ingress whose path (or default backend) answered. */
  readonly ingress?: string | null;
  readonly rule?: { readonly section: RouteSection; readonly index: number } | null;
  readonly destinations?: readonly {
    readonly host: string;
    readonly subset?: string | null;
    readonly probability?: number;
    /** Workload ids that receive its requests; when given, only their pods light up. */
    readonly pods?: readonly string[];
    /** `none`: Envoy has no endpoints (503), so no pods light up. */
    readonly endpoints?: 'some' | 'none' | 'unknown';
  }[];
}

/** What to light up: nodes on the path, and edges with the share of requests they carry. */
export interface LitPath {
  readonly nodes: ReadonlySet<string>;
  /** Edge id → probability (0..1) of a request taking it. */
  readonly edges: ReadonlyMap<string, number>;
}

/**
 * The path a request takes through the graph: client → load balancer → gateway pods → the
 * Gateway that took it → (root) VirtualService → the rule → delegate and its rule → each
 * destination with its probability → the pods that receive it. For the Gateway API: the Gateway
 * → the listener → the route (HTTPRoute…) → its rule → the backends, likewise; for a Kubernetes
 * Ingress: the controller pods that bind it → the Ingress → the path's row (`rule.index`, paths
 * counted across rules; the default backend's row follows the last path). Walks the
 * graph's own edges, so what lights up is exactly what is drawn; steps the graph does not have
 * are skipped.
 */
export function tracePath(graph: FlowGraph, trace: TracedRequest): LitPath {
  const nodes = new Set<string>();
  const edges = new Map<string, number>();
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    push(incoming, edge.target, edge);
    push(outgoing, edge.source, edge);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const lightEdge = (edge: GraphEdge, share = 1) => {
    edges.set(edge.id, Math.min(1, (edges.get(edge.id) ?? 0) + share));
    nodes.add(edge.source);
    nodes.add(edge.target);
  };

  // The flow chain into `start`, back to the client (first chain found: one per pods group).
  const lightChain = (start: string) => {
    let at = start;
    for (let hops = 0; at !== CLIENT_ID && hops < 8; hops++) {
      const edge = (incoming.get(at) ?? []).find((e) => e.kind === 'flow');
      if (!edge) break;
      lightEdge(edge);
      at = edge.source;
    }
  };

  const walk: Walk = { graph, outgoing, byId, nodes, lightEdge };
  let ruleNode: string | undefined;
  if (trace.ingress) {
    // An Ingress: the controller pods that bind it, their chain, then the path's row.
    const ingress = resourceNodeId('ingress', trace.ingress);
    if (!byId.has(ingress)) return { nodes, edges };
    nodes.add(ingress);
    const bind = (incoming.get(ingress) ?? []).find((e) => e.kind === 'bind');
    if (bind) {
      lightEdge(bind);
      lightChain(bind.source);
    }
    if (trace.rule?.section === 'rules')
      ruleNode = routeNodeId(trace.ingress, 'rules', trace.rule.index);
    // No path answered: the default backend's row, when the Ingress has one.
    else ruleNode = graph.nodes.find((n) => n.parent === ingress && n.path?.[1] !== 'rules')?.id;
  } else {
    if (!trace.gateway) return { nodes, edges };
    const gateway = resourceNodeId('gateway', trace.gateway);
    if (!byId.has(gateway)) return { nodes, edges };
    nodes.add(gateway);
    lightChain(gateway);
    ruleNode =
      trace.httpRoute || trace.listener
        ? gatewayApiRule(trace, gateway, walk)
        : virtualServiceRule(trace, gateway, walk);
  }
  if (ruleNode === undefined || !byId.has(ruleNode)) return { nodes, edges };
  nodes.add(ruleNode);
  // An ingress-nginx canary's backends are written by another Ingress's row for the same host
  // and path: that row (and its Ingress and bind) carries the canary's share.
  const rows = [ruleNode, ...(trace.ingress ? sameIngressPaths(walk, ruleNode) : [])];

  for (const destination of trace.destinations ?? []) {
    const share = destination.probability ?? 1;
    if (share <= 0) continue;
    const service = serviceNodeId(destination.host.toLowerCase());
    const routeFrom = (row: string) =>
      (outgoing.get(row) ?? []).find(
        (e) =>
          e.kind === 'route' &&
          (destination.subset
            ? isSubsetOf(byId, outgoing, e.target, service, destination.subset)
            : e.target === service),
      );
    const row = rows.find((r) => routeFrom(r) !== undefined);
    const route = row === undefined ? undefined : routeFrom(row);
    if (!route || row === undefined) continue;
    if (row !== ruleNode) lightRow(walk, row, incoming, share);
    lightEdge(route, share);
    // Only the pods that receive the request: none when Envoy has no endpoints (503); an implied
    // node (pods not in the workspace) when the simulator could not tell.
    if (destination.endpoints === 'none') continue;
    const receiving = destination.pods && new Set(destination.pods);
    const receives = (select: GraphEdge) => {
      const pods = byId.get(select.target);
      if (select.kind !== 'select' || !pods) return false;
      if (!receiving) return true;
      if (pods.implied) return receiving.size === 0;
      return pods.resource !== undefined && receiving.has(pods.resource);
    };
    for (const select of outgoing.get(route.target) ?? [])
      if (receives(select)) lightEdge(select, share);
    if (destination.subset || !receiving) continue;
    // A request to a Service split into subsets reaches the pods drawn behind its subsets too.
    for (const subset of outgoing.get(route.target) ?? []) {
      if (subset.kind !== 'subset') continue;
      const selects = (outgoing.get(subset.target) ?? []).filter(
        (e) => !byId.get(e.target)?.implied && receives(e),
      );
      if (selects.length === 0) continue;
      lightEdge(subset, share);
      for (const select of selects) lightEdge(select, share);
    }
  }

  return { nodes, edges };
}

/** What the parts of a walk share: the graph, its edges by source, and what is lit so far. */
interface Walk {
  readonly graph: FlowGraph;
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly byId: ReadonlyMap<string, GraphNode>;
  readonly nodes: Set<string>;
  readonly lightEdge: (edge: GraphEdge, share?: number) => void;
}

/**
 * Lights the `kind` edge from `source` to `target`; without one, lights `target` alone when
 * the graph has it (a route whose bind the graph does not draw is still the one that answered).
 */
function lightStep(
  walk: Walk,
  source: string | undefined,
  kind: EdgeKind,
  target: string | undefined,
) {
  const edge =
    source === undefined
      ? undefined
      : (walk.outgoing.get(source) ?? []).find((e) => e.kind === kind && e.target === target);
  if (edge) walk.lightEdge(edge);
  else if (target !== undefined && walk.byId.has(target)) walk.nodes.add(target);
}

/** The VirtualService part: its bind from the Gateway, a delegation; the rule's node id. */
function virtualServiceRule(trace: TracedRequest, gateway: string, walk: Walk): string | undefined {
  const root = trace.rootVirtualService ?? trace.virtualService;
  if (!root) return undefined;
  const rootNode = resourceNodeId('virtualService', root);
  lightStep(walk, gateway, 'bind', rootNode);
  if (!trace.rule || !trace.virtualService) return undefined;

  const ruleNode = routeNodeId(trace.virtualService, trace.rule.section, trace.rule.index);
  if (trace.rootVirtualService && trace.rootVirtualService !== trace.virtualService) {
    // The delegating rule of the root is the one whose delegate edge reaches the delegate.
    const delegateNode = resourceNodeId('virtualService', trace.virtualService);
    const delegating = walk.graph.edges.find(
      (e) =>
        e.kind === 'delegate' &&
        e.target === delegateNode &&
        walk.byId.get(e.source)?.parent === rootNode,
    );
    if (delegating) {
      walk.nodes.add(delegating.source);
      walk.lightEdge(delegating);
    }
  }
  return ruleNode;
}

/** The Gateway API part: the Gateway's listener row, its bind to the route; the rule's node id. */
function gatewayApiRule(trace: TracedRequest, gateway: string, walk: Walk): string | undefined {
  const route = trace.httpRoute;
  const listener =
    trace.listener && trace.gateway
      ? listenerNodeId(trace.gateway, trace.listener.index)
      : undefined;
  lightStep(walk, gateway, 'listener', listener);
  lightStep(walk, listener, 'bind', route ? gatewayRouteNodeId(route) : undefined);
  if (!route || trace.rule?.section !== 'rules') return undefined;
  return routeNodeId(route, 'rules', trace.rule.index);
}

/** Rows of other Ingresses for the same host, path and pathType as `row` (their labels say it). */
function sameIngressPaths(walk: Walk, row: string): string[] {
  const node = walk.byId.get(row);
  if (!node) return [];
  return walk.graph.nodes
    .filter(
      (n) =>
        n.kind === 'route' &&
        n.id !== row &&
        n.label === node.label &&
        n.parent !== node.parent &&
        n.parent !== null &&
        walk.byId.get(n.parent)?.kind === 'ingress',
    )
    .map((n) => n.id);
}

/** Lights another Ingress's row, its Ingress and the bind into it, with the share it carries. */
function lightRow(
  walk: Walk,
  row: string,
  incoming: ReadonlyMap<string, readonly GraphEdge[]>,
  share: number,
): void {
  const parent = walk.byId.get(row)?.parent;
  walk.nodes.add(row);
  if (!parent) return;
  walk.nodes.add(parent);
  const bind = (incoming.get(parent) ?? []).find((e) => e.kind === 'bind');
  if (bind) walk.lightEdge(bind, share);
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/** Whether `node` is the subset `name` of the service node `service` (a `subset` edge joins them). */
function isSubsetOf(
  byId: ReadonlyMap<string, GraphNode>,
  outgoing: ReadonlyMap<string, readonly GraphEdge[]>,
  node: string,
  service: string,
  name: string,
): boolean {
  const target = byId.get(node);
  if (target?.kind !== 'subset' || target.label !== name) return false;
  return (outgoing.get(service) ?? []).some((e) => e.kind === 'subset' && e.target === node);
}
