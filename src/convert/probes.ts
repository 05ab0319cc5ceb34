/**
 * Requests that exercise a workspace's routing rules: for each match, one request that carries
 * what it needs (path, headers, query, method) and ones just outside it (the path one character
 * off, without a header), on every host and port the route serves.
 */

import { resolveGatewayRef } from '../model/gatewayNames.ts';
import type { HTTPRouteMatch } from '../model/gatewayRoutes.ts';
import type { HttpMatch, StringMatch } from '../model/match.ts';
import type { SimRequest } from '../simulate/types.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import { gatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { clientPort } from './clientPorts.ts';

interface Probe {
  readonly path: string;
  readonly query: readonly [string, string][];
  readonly headers: Readonly<Record<string, string>>;
  readonly method?: string;
}

const ANY: Probe = { path: '/', query: [], headers: {} };

/** The name a request carries where every host is served (`*`). */
const ANY_HOST = 'any.example.com';

/** A value a string match takes (undefined: none can be derived, as for most regexes). */
function sample(m: StringMatch): string | undefined {
  if (m.exact !== undefined) return m.exact;
  if (m.prefix !== undefined) return `${m.prefix}x`;
  if (m.regex !== undefined) return /^[\w/.-]*$/.test(m.regex) ? m.regex : undefined;
  return 'x';
}

function istioProbes(m: HttpMatch): Probe[] {
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(m.headers ?? {})) headers[name] = sample(v) ?? 'x';
  const query: [string, string][] = Object.entries(m.queryParams ?? {}).map(([k, v]) => [
    k,
    sample(v) ?? 'x',
  ]);
  const method = m.method?.exact;
  const uri = m.uri;
  const path =
    uri?.exact ?? uri?.prefix ?? (uri?.regex !== undefined ? sample(uri) : undefined) ?? '/';
  const inside: Probe = {
    path: path.startsWith('/') ? path : `/${path}`,
    query,
    headers,
    ...(method ? { method } : {}),
  };
  return [inside, ...outside(inside, uri?.prefix !== undefined)];
}

function gatewayProbes(m: HTTPRouteMatch): Probe[] {
  const headers: Record<string, string> = {};
  for (const h of m.headers) headers[h.name] = h.type === 'Exact' ? h.value : 'x';
  const query: [string, string][] = m.queryParams.map((q) => [
    q.name,
    q.type === 'Exact' ? q.value : 'x',
  ]);
  const path = m.path.type === 'RegularExpression' ? '/' : m.path.value;
  const inside: Probe = { path, query, headers, ...(m.method ? { method: m.method } : {}) };
  return [inside, ...outside(inside, m.path.type === 'PathPrefix')];
}

/** Just outside: the path with a character more (and, for a prefix, inside it too), no headers. */
function outside(inside: Probe, prefix: boolean): Probe[] {
  const out: Probe[] = [{ ...inside, path: `${inside.path}x` }];
  if (prefix) out.push({ ...inside, path: `${inside.path.replace(/\/$/, '')}/more` });
  if (Object.keys(inside.headers).length) out.push({ ...inside, headers: {} });
  if (inside.query.length) out.push({ ...inside, query: [] });
  if (inside.method) out.push({ ...inside, method: inside.method === 'GET' ? 'POST' : 'GET' });
  return out;
}

function concreteHost(host: string): string | undefined {
  if (host === '*') return undefined;
  return host.startsWith('*.') ? `www${host.slice(1)}` : host;
}

function urlOf(base: string, probe: Probe): SimRequest {
  const query = probe.query.length
    ? `?${probe.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
    : '';
  return {
    url: `${base}${probe.path}${query}`,
    ...(Object.keys(probe.headers).length ? { headers: probe.headers } : {}),
    ...(probe.method ? { method: probe.method } : {}),
  };
}

/** Every derived request, each URL once, in a stable order. */
export function probeRequests(workspace: Workspace): SimRequest[] {
  const out = new Map<string, SimRequest>();
  const add = (bases: readonly string[], probes: readonly Probe[]) => {
    for (const base of bases)
      for (const probe of [ANY, ...probes]) {
        const request = urlOf(base, probe);
        out.set(JSON.stringify(request), request);
      }
  };
  const catalog = buildCatalog(workspace);
  const portOf = clientPort(catalog);
  for (const { object: vs } of catalog.virtualServices) {
    const bases: string[] = [];
    for (const ref of vs.gateways ?? []) {
      const gw = resolveGatewayRef(ref, vs.metadata.namespace);
      const gateway =
        gw &&
        catalog.gateways.find(
          (g) => g.object.metadata.name === gw.name && g.object.metadata.namespace === gw.namespace,
        );
      for (const server of gateway?.object.servers ?? []) {
        const scheme =
          server.port?.protocol === 'HTTPS'
            ? 'https'
            : server.port?.protocol === 'HTTP'
              ? 'http'
              : undefined;
        if (!scheme || server.port?.number === undefined) continue;
        const serverHosts = server.hosts.map((h) => h.slice(h.indexOf('/') + 1));
        const hosts = [...vs.hosts, ...serverHosts]
          .map(concreteHost)
          .filter((h) => h !== undefined);
        // `*` everywhere: any name reaches the routes.
        const port = gateway ? portOf(gateway.id, server.port.number) : server.port.number;
        for (const host of hosts.length ? hosts : [ANY_HOST])
          bases.push(`${scheme}://${host}:${port}`);
      }
    }
    add(
      [...new Set(bases)],
      vs.http.flatMap((rule) => rule.match.flatMap(istioProbes)),
    );
  }
  const api = gatewayApiIndex(workspace);
  for (const route of api.routes) {
    if (route.route.kind !== 'HTTPRoute') continue;
    const bases: string[] = [];
    for (const parent of route.parents)
      for (const accepted of parent.accepted) {
        const { protocol, port } = accepted.listener;
        const scheme = protocol === 'HTTPS' ? 'https' : protocol === 'HTTP' ? 'http' : undefined;
        if (!scheme || port === undefined) continue;
        for (const host of accepted.hostnames.map(concreteHost))
          bases.push(`${scheme}://${host ?? ANY_HOST}:${port}`);
      }
    add(
      [...new Set(bases)],
      route.route.rules.flatMap((rule) => rule.matches.flatMap(gatewayProbes)),
    );
  }
  return [...out.values()];
}
