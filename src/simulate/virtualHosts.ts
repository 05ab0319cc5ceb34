import { hostMatches, mostSpecificHost } from '../model/hosts.ts';
import { namesForNamespace } from '../model/serverHosts.ts';
import { hiddenReason, type VsInfo, virtualServicesForGateway } from './bindings.ts';
import type { BuiltRoute } from './httpRoutes.ts';
import type { ServerRef } from './servers.ts';
import type { Step } from './types.ts';

/** A route of a virtual host with the server whose VirtualService put it there. */
export interface VhostRoute {
  readonly route: BuiltRoute;
  readonly server: ServerRef;
}

export interface VirtualHost {
  /** The Envoy domain: a VirtualService host ∩ server host, lower case. */
  readonly domain: string;
  readonly routes: VhostRoute[];
  /** A contributing server has `tls.httpsRedirect`: Envoy `require_tls: ALL`. */
  requireTls: boolean;
  /** The first server that contributed the domain. */
  readonly server: ServerRef;
}

export interface RouteTable {
  readonly hosts: ReadonlyMap<string, VirtualHost>;
  /**
   * What the trace should say about VirtualServices bound to these servers: left out (not
   * exported to the proxy, no route at this port) or with delegation notes. Shown for requests
   * whose host is one of `vs.hosts`.
   */
  readonly notes: readonly { readonly vs: VsInfo; readonly step: Step }[];
}

/** What building a route table needs from the simulation's index. */
export interface RouteSource {
  readonly all: readonly VsInfo[];
  readonly proxyNamespace: string;
  /** `BuildHTTPRoutesForVirtualService`, memoised by the caller. */
  readonly routesFor: (vs: VsInfo, gateway: string) => readonly BuiltRoute[];
  /** Delegation notes of a VirtualService (`flattenHttpRules`). */
  readonly notesFor: (vs: VsInfo) => readonly Step[];
}

/**
 * `buildGatewayHTTPRouteConfig` (networking/core/gateway.go) for the servers sharing one route
 * table: every plain-text HTTP server of a port (`http.<port>`), or one HTTPS server. For each
 * server, each VirtualService bound to its Gateway adds its routes to one virtual host per name
 * in (server hosts for the VirtualService's namespace) ∩ (VirtualService hosts); routes for the
 * same name are appended in that order, then catch-all routes move to the end keeping their
 * order (`SortVHostRoutes`). `httpsRedirect` marks the virtual hosts of the server
 * `require_tls` and adds one for each server host that has none.
 */
export function buildRouteTable(servers: readonly ServerRef[], source: RouteSource): RouteTable {
  const hosts = new Map<string, VirtualHost>();
  const notes: { vs: VsInfo; step: Step }[] = [];
  const noted = new Set<VsInfo>();
  for (const server of servers) {
    const redirect = server.server.tls?.httpsRedirect === true;
    const bound = virtualServicesForGateway(source.all, server.gatewayName, source.proxyNamespace);
    const visible = new Set(bound);
    for (const vs of source.all) {
      if (vs.isDelegate || !vs.gateways.has(server.gatewayName) || visible.has(vs)) continue;
      const reason = hiddenReason(vs, source.proxyNamespace);
      if (reason)
        notes.push({
          vs,
          step: {
            kind: 'virtualService',
            detail: `${vs.item.id} binds ${server.gatewayName} but ${reason}`,
            resource: vs.item.id,
            path: ['spec', 'exportTo'],
            matched: false,
          },
        });
    }
    for (const vs of bound) {
      const names = intersectHosts(namesForNamespace(server.hosts, vs.namespace), vs.hosts);
      if (names.length === 0) continue;
      if (!noted.has(vs)) {
        noted.add(vs);
        for (const step of source.notesFor(vs)) notes.push({ vs, step });
      }
      const routes = source.routesFor(vs, server.gatewayName);
      if (!routes.some((r) => r.skipped === undefined)) {
        notes.push({
          vs,
          step: {
            kind: 'virtualService',
            detail: `${vs.item.id} gives no route at ${server.gatewayName} port ${server.port}, so it is left out`,
            resource: vs.item.id,
            path: ['spec', 'http'],
            matched: false,
          },
        });
        continue;
      }
      for (const name of names) {
        const domain = name.toLowerCase();
        let vhost = hosts.get(domain);
        if (!vhost) {
          vhost = { domain, routes: [], requireTls: false, server };
          hosts.set(domain, vhost);
        }
        for (const route of routes) vhost.routes.push({ route, server });
        if (redirect) vhost.requireTls = true;
      }
    }
    // A `ns/host` server host gives a domain with the slash in it, as pilot does: it never matches.
    if (redirect)
      for (const raw of server.hosts) {
        const domain = raw.toLowerCase();
        const vhost = hosts.get(domain);
        if (vhost) vhost.requireTls = true;
        else hosts.set(domain, { domain, routes: [], requireTls: true, server });
      }
  }
  for (const vhost of hosts.values()) {
    const sorted = [
      ...vhost.routes.filter((r) => !r.route.catchAll),
      ...vhost.routes.filter((r) => r.route.catchAll),
    ];
    vhost.routes.splice(0, vhost.routes.length, ...sorted);
  }
  return { hosts, notes };
}

/** `host.Names.Intersection`: the more specific of each overlapping pair, once each. */
export function intersectHosts(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  const add = (h: string) => {
    const lower = h.toLowerCase();
    if (!out.includes(lower)) out.push(lower);
  };
  for (const x of a)
    for (const y of b) {
      if (hostMatches(y, x)) add(x);
      else if (hostMatches(x, y)) add(y);
    }
  return out;
}

/**
 * The virtual host Envoy picks for a host (port ignored): an exact domain, else the longest
 * suffix wildcard (`*.example.com`), else `*`.
 */
export function selectVirtualHost(
  table: RouteTable,
  host: string,
): { readonly vhost: VirtualHost; readonly how: string } | undefined {
  const domain = mostSpecificHost(host, table.hosts.keys());
  const vhost = domain === undefined ? undefined : table.hosts.get(domain);
  if (!vhost) return undefined;
  const how = !domain?.startsWith('*')
    ? 'exact domain'
    : domain === '*'
      ? 'domain *'
      : 'wildcard domain';
  return { vhost, how };
}
