import type { RouteKind } from '../model/gatewayRoutes.ts';
import { formatLabels } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { RuleSection } from '../model/virtualService.ts';

/**
 * Node ids. Each is `kind:` followed by what identifies the thing: a resource id, a host, a
 * rule's position, or the labels an implied node stands for. Never a counter, so an id stays the
 * same when the text is parsed again or an unrelated document is added.
 */

export const CLIENT_ID = 'client';

/** A node standing for one resource (gateway, VirtualService, workload, autoscaler…). */
export function resourceNodeId(kind: string, resource: ResourceId): string {
  return `${kind}:${resource}`;
}

/** A rule list: a VirtualService's `http`, `tls`, `tcp`, or a Gateway API route's `rules`. */
export type RouteSection = RuleSection | 'rules';

/** `route:VirtualService/web/shop:http[0]`, `route:HTTPRoute/web/shop:rules[0]`. */
export function routeNodeId(owner: ResourceId, section: RouteSection, index: number): string {
  return `route:${owner}:${section}[${index}]`;
}

/** `listener:Gateway.gateway.networking.k8s.io/infra/gw:listeners[0]`: a Gateway API listener row. */
export function listenerNodeId(gateway: ResourceId, index: number): string {
  return `listener:${gateway}:listeners[${index}]`;
}

/** `service:reviews.bookinfo.svc.cluster.local`: one node per destination FQDN. */
export function serviceNodeId(fqdn: string): string {
  return `service:${fqdn}`;
}

/** `subset:DestinationRule/bookinfo/reviews:v1`. */
export function subsetNodeId(destinationRule: ResourceId, subset: string): string {
  return `subset:${destinationRule}:${subset}`;
}

/** Pods implied by the labels of `owner` (a subset or service node) that match no workload. */
export function impliedPodsId(owner: string, labels: Dict<string>): string {
  return `pods:implied:${owner}|${formatLabels(labels)}`;
}

/** `12` → `http[12]`: how a rule without a name is labelled. */
export function ruleLabel(section: RouteSection, index: number): string {
  return `${section}[${index}]`;
}

/** The node kind of each Gateway API route kind: `HTTPRoute` → `httpRoute`. */
export const ROUTE_NODE_KIND = {
  HTTPRoute: 'httpRoute',
  GRPCRoute: 'grpcRoute',
  TLSRoute: 'tlsRoute',
  TCPRoute: 'tcpRoute',
} as const satisfies Record<RouteKind, string>;

/**
 * The node of a Gateway API route by its resource id (`httpRoute:HTTPRoute/web/shop`), or
 * undefined when the id names no route kind.
 */
export function gatewayRouteNodeId(route: ResourceId): string | undefined {
  const kind = route.slice(0, route.indexOf('/'));
  return Object.hasOwn(ROUTE_NODE_KIND, kind)
    ? resourceNodeId(ROUTE_NODE_KIND[kind as RouteKind], route)
    : undefined;
}
