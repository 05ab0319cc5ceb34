/**
 * The HTTP routes a Gateway API listener serves, grouped as Envoy's virtual hosts, in the order
 * Istio gives them. Istio turns each HTTPRoute (and GRPCRoute) into one VirtualService per
 * listener and hostname, one route per match (pilot/pkg/config/kube/gateway/route_collections.go
 * `HTTPRouteCollection`); the VirtualServices for the same listener and hostname are merged,
 * oldest first, then namespace/name (`mergeHTTPRoutes`, `sortRoutesByCreationTime`), and their
 * routes stably sorted by the spec's precedence (conversion.go `sortHTTPRoutes`); Envoy then
 * moves catch-all routes to the end of each virtual host (route.go `SortVHostRoutes`).
 */
import type { K8sGateway } from '../../model/gatewayApi.ts';
import type { GRPCRoute, HTTPRoute, RouteFilter } from '../../model/gatewayRoutes.ts';
import type { GatewayApiIndex, IndexedRoute } from '../../workspace/gatewayApiIndex.ts';
import type { FieldPath } from '../types.ts';
import {
  comparePrecedence,
  grpcRouteMatch,
  httpRouteMatch,
  isCatchAll,
  type RouteMatch,
} from './match.ts';

export type HttpLikeRoute = HTTPRoute | GRPCRoute;

/** One Istio route: one match of one rule of an HTTPRoute or GRPCRoute. */
export interface TableRule {
  readonly route: IndexedRoute & { readonly route: HttpLikeRoute };
  readonly ruleIndex: number;
  /** Which written match; undefined when the rule writes none. */
  readonly matchIndex: number | undefined;
  readonly match: RouteMatch | undefined;
  readonly catchAll: boolean;
}

export interface ListenerVhost {
  /** The hostname requests must carry: the route's ∩ the listener's, lower case. */
  readonly domain: string;
  readonly rules: readonly TableRule[];
}

export interface ListenerTable {
  readonly vhosts: ReadonlyMap<string, ListenerVhost>;
  /** Routes Istio cannot convert at all (a hard error): they give no route. */
  readonly rejected: readonly { readonly route: IndexedRoute; readonly reason: string }[];
}

const tables = new WeakMap<GatewayApiIndex, Map<string, ListenerTable>>();

/** The route table of listener `listenerIndex` of `gateway`, memoised per index. */
export function listenerTable(
  api: GatewayApiIndex,
  gateway: K8sGateway,
  listenerIndex: number,
): ListenerTable {
  let byListener = tables.get(api);
  if (!byListener) {
    byListener = new Map();
    tables.set(api, byListener);
  }
  const key = `${gateway.metadata.namespace}/${gateway.metadata.name}#${listenerIndex}`;
  let table = byListener.get(key);
  if (!table) {
    table = buildTable(api, gateway, listenerIndex);
    byListener.set(key, table);
  }
  return table;
}

function buildTable(
  api: GatewayApiIndex,
  gateway: K8sGateway,
  listenerIndex: number,
): ListenerTable {
  const seen = new Set<IndexedRoute>();
  const routes: { route: TableRule['route']; hostnames: readonly string[] }[] = [];
  const rejected: { route: IndexedRoute; reason: string }[] = [];
  for (const { route, attachment } of api.routesOn(gateway, listenerIndex)) {
    const kind = route.route.kind;
    if ((kind !== 'HTTPRoute' && kind !== 'GRPCRoute') || seen.has(route)) continue;
    seen.add(route);
    const reason = hardError(route.route as HttpLikeRoute);
    if (reason) {
      rejected.push({ route, reason });
      continue;
    }
    const hostnames = attachment.accepted.find((a) => a.index === listenerIndex)?.hostnames ?? [];
    routes.push({ route: route as TableRule['route'], hostnames });
  }
  routes.sort((a, b) => olderFirst(a.route.route, b.route.route));
  const all: TableRule[] = [];
  for (const { route } of routes) all.push(...rulesOf(route));
  const ordered = inPrecedenceOrder(all);
  const members = new Map<string, Set<IndexedRoute>>();
  for (const { route, hostnames } of routes)
    for (const raw of hostnames) {
      const domain = raw.toLowerCase();
      const set = members.get(domain) ?? new Set<IndexedRoute>();
      members.set(domain, set.add(route));
    }
  const vhosts = new Map<string, ListenerVhost>();
  for (const [domain, set] of members)
    vhosts.set(domain, { domain, rules: ordered.filter((r) => set.has(r.route)) });
  return { vhosts, rejected };
}

/**
 * Matches in the order Istio gives them: by the spec's precedence (`sortHTTPRoutes`), then
 * Envoy's move of catch-all routes to the end (`SortVHostRoutes`). Array.prototype.sort is
 * stable: ties keep the order given (creation order, then rule and match order).
 */
export function inPrecedenceOrder<
  T extends { readonly match: RouteMatch | undefined; readonly catchAll: boolean },
>(rules: readonly T[]): T[] {
  const sorted = [...rules].sort((a, b) => comparePrecedence(a.match, b.match));
  return [...sorted.filter((r) => !r.catchAll), ...sorted.filter((r) => r.catchAll)];
}

/** `sortRoutesByCreationTime`: the oldest first (unset is the oldest), then namespace, name. */
export function olderFirst(a: IndexedRoute['route'], b: IndexedRoute['route']): number {
  const time = created(a) - created(b);
  if (time !== 0) return time;
  const na = a.metadata.namespace;
  const nb = b.metadata.namespace;
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function created(route: IndexedRoute['route']): number {
  const t =
    route.creationTimestamp === undefined ? Number.NaN : Date.parse(route.creationTimestamp);
  return Number.isNaN(t) ? Number.MIN_SAFE_INTEGER : t;
}

function rulesOf(route: TableRule['route']): TableRule[] {
  const out: TableRule[] = [];
  const object = route.route;
  if (object.kind === 'HTTPRoute')
    object.rules.forEach((rule, ruleIndex) => {
      rule.matches.forEach((m, i) => {
        const match = httpRouteMatch(m);
        out.push({
          route,
          ruleIndex,
          matchIndex: rule.matchesWritten ? i : undefined,
          match,
          catchAll: isCatchAll(match),
        });
      });
    });
  else
    object.rules.forEach((rule, ruleIndex) => {
      const written = rule.matches.some((m) => m.method !== undefined || m.headers.length > 0);
      if (!written) {
        out.push({ route, ruleIndex, matchIndex: undefined, match: undefined, catchAll: true });
        return;
      }
      rule.matches.forEach((m, i) => {
        const match = grpcRouteMatch(m);
        out.push({ route, ruleIndex, matchIndex: i, match, catchAll: isCatchAll(match) });
      });
    });
  return out;
}

/** Where a rule (and its match) is written, for the trace and the editor. */
export function rulePath(rule: TableRule): FieldPath {
  const base = ['spec', 'rules', rule.ruleIndex];
  return rule.matchIndex === undefined ? base : [...base, 'matches', rule.matchIndex];
}

const HTTP_FILTERS = new Set([
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'RequestMirror',
  'URLRewrite',
  'CORS',
]);
const GRPC_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror']);
const BACKEND_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier']);

const typeOf = (f: RouteFilter) => (f.type === 'other' ? f.written : f.type);

/**
 * Why Istio cannot convert a route at all (a `ConfigError` that is not an invalid backend, which
 * drops every rule of the route: route_collections.go `computeRoute`): a filter type it does not
 * support, or a Service backendRef without a port or named by a hostname.
 */
export function hardError(route: HttpLikeRoute): string | undefined {
  const allowed = route.kind === 'HTTPRoute' ? HTTP_FILTERS : GRPC_FILTERS;
  for (const [i, rule] of route.rules.entries()) {
    for (const filter of rule.filters)
      if (!allowed.has(typeOf(filter)))
        return `rules[${i}]: Istio does not support filter type "${typeOf(filter)}" here, so the route gives no routes`;
    const redirect = rule.filters.some((f) => f.type === 'RequestRedirect');
    const weights = rule.backendRefs.reduce((sum, b) => sum + b.weight, 0);
    if (redirect || weights === 0) continue;
    for (const [j, ref] of rule.backendRefs.entries()) {
      if (ref.weight === 0) continue;
      for (const filter of ref.filters)
        if (!BACKEND_FILTERS.has(typeOf(filter)))
          return `rules[${i}].backendRefs[${j}]: Istio does not support filter type "${typeOf(filter)}" on a backendRef, so the route gives no routes`;
      const isService = (ref.group === '' || ref.group === 'core') && ref.kind === 'Service';
      if (isService && ref.name.includes('.'))
        return `rules[${i}].backendRefs[${j}]: the name of the Service must be used, not a hostname, so the route gives no routes`;
      if (ref.port === undefined && (isService || ref.kind === 'Hostname'))
        return `rules[${i}].backendRefs[${j}]: port is required in backendRef, so the route gives no routes`;
    }
  }
  return undefined;
}
