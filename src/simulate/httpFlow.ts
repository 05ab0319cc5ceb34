import { hostMatches } from '../model/hosts.ts';
import type { BuiltRoute } from './httpRoutes.ts';
import { evaluateMatch } from './matchRequest.ts';
import { fullPath, hostOf, type ParsedRequest, queryParams, receivedRequest } from './request.ts';
import { applyRoute, type RouteBase } from './routeActions.ts';
import { type ServerRef, serverPath, simServer } from './servers.ts';
import type { ProxyState, SimulationIndex } from './simulationIndex.ts';
import type { Simulation, Step } from './types.ts';
import { selectVirtualHost, type VhostRoute } from './virtualHosts.ts';

export interface HttpContext {
  readonly index: SimulationIndex;
  readonly state: ProxyState;
  readonly request: ParsedRequest;
  /** The servers sharing the route table: all plain-text HTTP servers of the port, or one HTTPS server. */
  readonly servers: readonly ServerRef[];
  /** TLS terminated at the gateway: `:scheme` is https, redirects default to https. */
  readonly isTls: boolean;
  readonly steps: Step[];
}

/** A simulation with how specific its host match was, to compare gateway proxies. */
export interface Scored {
  readonly simulation: Simulation;
  readonly score: number;
}

/** Host match ranks: an exact domain beats a wildcard, which beats `*`; longer beats shorter. */
export const SCORE = { exact: 3000, wildcard: 2000, any: 1000, none: 0, failed: -1 } as const;

/**
 * Routes an HTTP request through one route table as Envoy does: the virtual host for the
 * authority's host (port ignored), its `require_tls` redirect, then the first route whose match
 * holds; no virtual host or no route is a 404 (NR) from the gateway.
 */
export function routeHttp(ctx: HttpContext): Scored {
  const { request, servers, steps } = ctx;
  const table = ctx.state.routeTable(servers);
  const host = hostOf(request.authority);
  for (const { vs, step } of table.notes)
    if (vs.hosts.some((h) => hostMatches(h, host) || hostMatches(host, h))) steps.push(step);
  const base = (server: ServerRef): RouteBase => ({
    gateway: server.gateway.id,
    server: simServer(server),
    request: receivedRequest(request),
  });
  const picked = selectVirtualHost(table, host);
  if (!picked) {
    const first = servers[0] as ServerRef;
    const domains = [...table.hosts.keys()];
    steps.push({
      kind: 'virtualHost',
      matched: false,
      detail:
        domains.length === 0
          ? `no VirtualService gives routes here: Envoy's blackhole virtual host answers 404 (NR)`
          : `no virtual host for ${host} (domains: ${domains.join(', ')}): 404 (NR)`,
      resource: first.gateway.id,
      path: serverPath(first),
    });
    return { score: SCORE.none, simulation: noRoute(base(first), steps) };
  }
  const { vhost, how } = picked;
  const rank =
    how === 'exact domain' ? SCORE.exact : how === 'wildcard domain' ? SCORE.wildcard : SCORE.any;
  const score = rank + vhost.domain.length;
  steps.push({
    kind: 'virtualHost',
    matched: true,
    detail: `virtual host ${vhost.domain} (${how}) for ${host}, ${vhost.routes.filter((r) => !r.route.skipped).length} routes`,
    resource: vhost.server.gateway.id,
    path: serverPath(vhost.server),
  });
  if (vhost.requireTls && !ctx.isTls) {
    const location = `https://${request.authority}${fullPath(request.path, request.query)}`;
    steps.push({
      kind: 'redirect',
      detail: `tls.httpsRedirect: 301 to ${location}`,
      resource: vhost.server.gateway.id,
      path: [...serverPath(vhost.server), 'tls', 'httpsRedirect'],
    });
    return {
      score,
      simulation: {
        ...unrouted(base(vhost.server), steps),
        outcome: 'redirect',
        status: 301,
        redirect: { location, status: 301 },
      },
    };
  }

  const input = {
    request,
    query: queryParams(request.query),
    scheme: ctx.isTls ? ('https' as const) : ('http' as const),
  };
  for (const entry of vhost.routes) {
    const { route } = entry;
    const at = ruleAt(route);
    if (route.skipped) {
      steps.push({
        kind: 'rule',
        matched: false,
        detail: `${at.label}: ${route.skipped}`,
        ...at.where,
      });
      continue;
    }
    const result = evaluateMatch(route.match?.match, input);
    steps.push({
      kind: 'rule',
      matched: result.matched,
      detail: `${at.label}: ${result.detail}`,
      ...at.where,
    });
    if (result.matched)
      return { score, simulation: applyRoute(routeContext(ctx, entry), base(entry.server)) };
  }
  steps.push({
    kind: 'note',
    detail: `no route of virtual host ${vhost.domain} matches: 404 (NR)`,
  });
  return { score, simulation: noRoute(base(vhost.server), steps) };
}

function routeContext(ctx: HttpContext, entry: VhostRoute) {
  return {
    catalog: ctx.index.catalog,
    rules: ctx.index.destinationRules,
    proxy: ctx.state.proxy,
    request: ctx.request,
    steps: ctx.steps,
    entry,
  };
}

function ruleAt(route: BuiltRoute) {
  const { flat } = route;
  const name = flat.rule.name ? ` (${flat.rule.name})` : '';
  const match = route.matchIndex === undefined ? '' : ` match ${route.matchIndex}`;
  return {
    label: `${flat.vs.item.id} http[${flat.index}]${name}${match}`,
    where: {
      index: flat.index,
      resource: route.match?.resource ?? flat.vs.item.id,
      path: route.match?.path ?? ['spec', 'http', flat.index],
    },
  };
}

function unrouted(base: RouteBase, steps: Step[]): Omit<Simulation, 'outcome' | 'status'> {
  return { ...base, virtualService: null, rule: null, destinations: [], steps };
}

function noRoute(base: RouteBase, steps: Step[]): Simulation {
  return { ...unrouted(base, steps), outcome: 'noRoute', status: 404 };
}
