import { K8S_GATEWAY } from '../model/gatewayApi.ts';
import type { BackendRef, GatewayRoute, RouteFilter } from '../model/gatewayRoutes.ts';
import { serviceFqdn } from '../model/hosts.ts';
import { resourceId } from '../model/resource.ts';
import type { GatewayApiIndex, IndexedRoute } from '../workspace/gatewayApiIndex.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { listenerNodeId, ROUTE_NODE_KIND, resourceNodeId, routeNodeId, ruleLabel } from './ids.ts';
import type { ServiceNodes } from './services.ts';
import type { EdgeKind } from './types.ts';

type Path = readonly (string | number)[];

/**
 * Every Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute) with one `route` node per
 * rule (`section: 'rules'`), `bind` edges from the listeners that accept it (gatewayApiIndex:
 * Istio's attachment rules; a denied parentRef draws nothing, the checks report it), and `route`
 * edges from each rule to its backendRefs with their weights, `mirror` edges for RequestMirror
 * filters. A backendRef that does not resolve is still drawn, `broken` with the reason; one into
 * another namespace names the ReferenceGrant that permits it.
 */
export function addGatewayApiRoutes(
  index: GatewayApiIndex,
  graph: GraphBuilder,
  services: ServiceNodes,
): void {
  for (const indexed of index.routes) {
    const { entry, route } = indexed;
    const routeNode = resourceNodeId(ROUTE_NODE_KIND[route.kind], entry.id);
    graph.addNode({
      id: routeNode,
      kind: ROUTE_NODE_KIND[route.kind],
      label: route.metadata.name,
      resource: entry.id,
      parent: null,
    });
    for (const [listener, paths] of boundListeners(indexed))
      graph.addEdge('bind', listener, routeNode, { origin: { resource: entry.id, paths } });

    const backends = new BackendEdges(index, graph, services, route, entry.id);
    route.rules.forEach((rule, i) => {
      const id = routeNodeId(entry.id, 'rules', i);
      const rulePath: Path = ['spec', 'rules', i];
      graph.addNode({
        id,
        kind: 'route',
        label: rule.name || ruleLabel('rules', i),
        resource: entry.id,
        parent: routeNode,
        section: 'rules',
        index: i,
        path: rulePath,
      });
      graph.addEdge('rule', routeNode, id);
      rule.backendRefs.forEach((ref, j) => {
        const path = [...rulePath, 'backendRefs', j];
        backends.add('route', id, ref, `backendRefs[${j}]`, path, ref.weight);
        backends.mirrors(id, ref.filters, path);
      });
      backends.mirrors(id, ruleFilters(rule), rulePath);
    });
  }
}

/** A rule's own filters: HTTPRoute and GRPCRoute rules have them, TLS and TCP ones none. */
function ruleFilters(rule: GatewayRoute['rules'][number]): readonly RouteFilter[] {
  return 'filters' in rule ? (rule.filters as readonly RouteFilter[]) : [];
}

/**
 * The listener nodes that accept the route, each with the parentRefs that attach it there (a
 * route may name a Gateway twice: by sectionName and as a whole).
 */
function boundListeners({ parents }: IndexedRoute): Map<string, Path[]> {
  const out = new Map<string, Path[]>();
  for (const attachment of parents) {
    const gateway = attachment.gateway;
    if (!gateway) continue;
    const gatewayId = resourceId(K8S_GATEWAY, gateway.metadata.namespace, gateway.metadata.name);
    for (const accepted of attachment.accepted) {
      const listener = listenerNodeId(gatewayId, accepted.index);
      const paths = out.get(listener) ?? [];
      if (paths.length === 0) out.set(listener, paths);
      paths.push(['spec', 'parentRefs', attachment.index]);
    }
  }
  return out;
}

/** Draws a route's backendRefs and mirrors, resolved as the index resolves them. */
class BackendEdges {
  constructor(
    private readonly index: GatewayApiIndex,
    private readonly graph: GraphBuilder,
    private readonly services: ServiceNodes,
    private readonly route: GatewayRoute,
    private readonly routeId: string,
  ) {}

  /** One edge from `ruleNode` to the backend `ref` names, broken when it does not resolve. */
  add(
    kind: EdgeKind,
    ruleNode: string,
    ref: BackendRef,
    slot: string,
    path: Path,
    weight: number | undefined,
  ): void {
    const from = { kind: this.route.kind, namespace: this.route.metadata.namespace };
    const resolution = this.index.backend(ref, from);
    let target: string;
    if (resolution.resolved) target = this.services.ensure(resolution.host);
    else if (resolution.reason === 'InvalidKind') target = this.invalidKindNode(ref, resolution);
    else target = this.services.ensure(serviceFqdn(ref.name, resolution.namespace));
    const grant = resolution.resolved ? resolution.grant : undefined;
    this.graph.addEdge(kind, ruleNode, target, {
      slot,
      weight,
      origin: { resource: this.routeId, paths: [path] },
      grant: grant && resourceId('ReferenceGrant', grant.metadata.namespace, grant.metadata.name),
      broken: resolution.resolved ? undefined : resolution.reason,
    });
  }

  /** `mirror` edges for the RequestMirror filters written at `path` (a rule or a backendRef). */
  mirrors(ruleNode: string, filters: readonly RouteFilter[], path: Path): void {
    const at = path.length > 3 ? `backendRefs[${path[4]}].` : '';
    filters.forEach((filter, k) => {
      if (filter.type !== 'RequestMirror') return;
      const filterPath = [...path, 'filters', k];
      this.add('mirror', ruleNode, filter.backendRef, `${at}filters[${k}]`, filterPath, undefined);
    });
  }

  /**
   * A reference to a kind Istio does not route to (a ConfigMap, a Deployment…): an implied node
   * where the requests were meant to go, so the broken edge has an end.
   */
  private invalidKindNode(ref: BackendRef, resolution: { readonly namespace: string }): string {
    const group = ref.group === '' ? 'core' : ref.group;
    const id = `service:implied:${group}/${ref.kind}/${resolution.namespace}/${ref.name}`;
    this.graph.addNode({
      id,
      kind: 'service',
      label: `${ref.name} (${ref.kind} is not a backend Istio routes to)`,
      parent: null,
      implied: true,
    });
    return id;
  }
}
