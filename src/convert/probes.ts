/**
 * Requests that exercise a workspace's routing rules: for each match, one request that carries
 * what it needs (path, headers, query, method) and ones just outside it (the path one character
 * off, without a header), on every host and port the route serves. A GRPCRoute match gets a gRPC
 * call (POST, `content-type: application/grpc`) to its `/<service>/<method>`.
 */

import type { GatewayServer } from '../model/gateway.ts';
import { resolveGatewayRef } from '../model/gatewayNames.ts';
import type { GRPCRouteMatch, HTTPRouteMatch } from '../model/gatewayRoutes.ts';
import { nginxAnnotations } from '../model/ingressNginx.ts';
import { pathMatches } from '../model/ingressPaths.ts';
import type { HttpMatch, StringMatch } from '../model/match.ts';
import type { ResourceId } from '../model/resource.ts';
import type { VirtualService } from '../model/virtualService.ts';
import type { SimRequest } from '../simulate/types.ts';
import { buildCatalog, type Catalog } from '../workspace/catalog.ts';
import { gatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import { ingressIndex } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { clientPort } from './clientPorts.ts';
import { istioPath } from './ingressIstioClass.ts';

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

/** What a gRPC client sends: HTTP/2 POST with this content type (the simulator reads only the path and headers). */
const GRPC_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/grpc' };

/**
 * A gRPC call for a GRPCRoute match, to `/<service>/<method>` (a name the match leaves open is
 * filled in), and ones just outside: the service or the method one character off, no headers.
 */
function grpcProbes(m: GRPCRouteMatch): Probe[] {
  const headers: Record<string, string> = { ...GRPC_HEADERS };
  for (const h of m.headers) headers[h.name] = h.type === 'Exact' ? h.value : 'x';
  const regex = m.method?.type === 'RegularExpression';
  // A RegularExpression of plain name characters matches itself; any other cannot be sampled.
  const name = (value: string | undefined, fill: string) =>
    value === undefined ? fill : regex && !/^[\w.]+$/.test(value) ? undefined : value;
  const service = name(m.method?.service, 'probe.Service');
  const method = name(m.method?.method, 'Probe');
  if (service === undefined || method === undefined) return [];
  const inside: Probe = { path: `/${service}/${method}`, query: [], headers, method: 'POST' };
  const out = [inside];
  if (m.method?.service) out.push({ ...inside, path: `/${service}x/${method}` });
  if (m.method?.method) out.push({ ...inside, path: `/${service}/${method}x` });
  if (m.headers.length) out.push({ ...inside, headers: GRPC_HEADERS });
  return out;
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
    for (const { gateway, server } of boundServers(catalog, vs)) {
      const number = server.port?.number;
      if (number === undefined) continue;
      const port = portOf(gateway, number);
      const protocol = server.port?.protocol;
      if (protocol === 'HTTP' || (protocol === 'HTTPS' && server.tls?.mode !== 'PASSTHROUGH')) {
        const scheme = protocol === 'HTTPS' ? 'https' : 'http';
        const serverHosts = server.hosts.map((h) => h.slice(h.indexOf('/') + 1));
        const hosts = [...vs.hosts, ...serverHosts]
          .map(concreteHost)
          .filter((h) => h !== undefined);
        // `*` everywhere: any name reaches the routes.
        for (const host of hosts.length ? hosts : [ANY_HOST])
          bases.push(`${scheme}://${host}:${port}`);
      } else if (protocol === 'TLS' || protocol === 'HTTPS') {
        // TLS passthrough: a connection for each SNI name the rules take.
        const names = vs.tls.flatMap((rule) => rule.match.flatMap((m) => m.sniHosts ?? []));
        for (const sni of names.map(concreteHost)) add([`https://${sni ?? ANY_HOST}:${port}`], []);
      } else if (protocol === 'TCP' && vs.tcp.length) add([`http://${ANY_HOST}:${port}`], []);
    }
    add(
      [...new Set(bases)],
      vs.http.flatMap((rule) => rule.match.flatMap(istioProbes)),
    );
  }
  const api = gatewayApiIndex(workspace);
  for (const route of api.routes) {
    if (route.route.kind === 'TLSRoute' || route.route.kind === 'TCPRoute') {
      const scheme = route.route.kind === 'TLSRoute' ? 'https' : 'http';
      for (const parent of route.parents)
        for (const { listener, hostnames } of parent.accepted)
          if (listener.port !== undefined)
            for (const host of hostnames.map(concreteHost))
              add([`${scheme}://${host ?? ANY_HOST}:${listener.port}`], []);
      continue;
    }
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
      route.route.kind === 'HTTPRoute'
        ? route.route.rules.flatMap((rule) => rule.matches.flatMap(gatewayProbes))
        : route.route.rules.flatMap((rule) => rule.matches.flatMap(grpcProbes)),
    );
  }
  // Ingress: each path on its host (every host when the rule names none), on HTTP and, for the
  // hosts `spec.tls` names, on HTTPS; a request just outside each path too.
  for (const { ingress, paths, reading } of ingressIndex(workspace).ingresses) {
    const tlsHosts = ingress.tls.flatMap((t) => t.hosts);
    const hostsOf = (host: string) => {
      const name = host ? concreteHost(host) : undefined;
      const bases = [`http://${name ?? ANY_HOST}:80`];
      if (host && tlsHosts.includes(host)) bases.push(`https://${name ?? ANY_HOST}:443`);
      return bases;
    };
    const canary =
      reading === 'istio' ? undefined : nginxAnnotations(ingress.metadata.annotations).canary;
    const headers = canaryHeaderProbes(canary);
    for (const at of paths) {
      // Istio reads `/a/*` or `/a.*` as the prefix `/a`: probe the path it matches.
      const path = reading === 'istio' ? istioPath(at) : undefined;
      const written = at.value.path || '/';
      const inside: Probe = {
        path: path?.value ?? (reading === 'istio' ? written : regexPathSample(written)),
        query: [],
        headers: headers[0] ?? {},
      };
      const prefix = path ? path.kind !== 'exact' : at.value.pathType !== 'Exact';
      const others = headers.slice(1).map((h) => ({ ...inside, headers: h }));
      // ingress-nginx serves a Prefix `p/` as the location `p/` alone: `p` is where it differs.
      const bare = written.replace(/\/+$/, '');
      if (!path && at.value.pathType === 'Prefix' && bare && bare !== written)
        others.push({ ...inside, path: bare });
      add(hostsOf(at.host), [inside, ...others, ...outside(inside, prefix)]);
    }
    if (ingress.defaultBackend) add(hostsOf(''), []);
  }
  return [...out.values()];
}

/**
 * The headers a canary by header is probed with, as ingress-nginx decides: the value that sends
 * to the canary (`always`, the `-value`, or a pattern made of plain characters), `never` when
 * that keeps the main backend, and another value that falls through to the weight.
 */
function canaryHeaderProbes(
  canary: ReturnType<typeof nginxAnnotations>['canary'],
): Record<string, string>[] {
  if (!canary?.header) return [];
  const name = canary.header;
  const plain = canary.headerPattern?.replace(/^\^|\$$/g, '');
  const toCanary =
    canary.headerValue ??
    (canary.headerPattern === undefined
      ? 'always'
      : plain && /^[\w.-]+$/.test(plain)
        ? plain
        : undefined);
  const values = [toCanary, canary.headerValue || canary.headerPattern ? undefined : 'never', 'x'];
  return values.filter((v) => v !== undefined).map((v) => ({ [name]: v }));
}

/**
 * A path an ingress-nginx regex path (`use-regex`, `rewrite-target`) takes: groups and wildcards
 * that may match nothing (`(/|$)`, `(.*)`, `.*`, `?`-ed parts) left out, `.+` as one character,
 * escapes undone; the path itself when that does not give a plain path the regex takes.
 */
export function regexPathSample(path: string): string {
  if (!/[()*+?|$^[\]{}\\]/.test(path)) return path;
  let sample = path.replace(/^\^/, '').replace(/\$$/, '');
  for (let before = ''; before !== sample; ) {
    before = sample;
    sample = sample
      .replace(/\((?:\?:)?[^()]*\|\$\)/g, '')
      .replace(/\((?:\?:)?[^()]*\)[*?]/g, '')
      .replace(/\((?:\?:)?\.\*\)/g, '')
      .replace(/\((?:\?:)?\.\+\)/g, 'x');
  }
  sample = sample
    .replace(/\.\*|[^\\]\?/g, (m) => (m === '.*' ? '' : m.slice(0, -2) + m.slice(-2, -1)))
    .replace(/\.\+/g, 'x')
    .replace(/\\([./-])/g, '$1');
  const plain = /^\/[\w/.~-]*$/.test(sample) ? sample : undefined;
  return plain && pathMatches({ kind: 'regex', value: path, length: path.length }, plain)
    ? plain
    : path;
}

/** The servers of the Gateways a VirtualService binds, with the Gateway's id. */
function boundServers(
  catalog: Catalog,
  vs: VirtualService,
): { gateway: ResourceId; server: GatewayServer }[] {
  const out: { gateway: ResourceId; server: GatewayServer }[] = [];
  for (const ref of vs.gateways ?? []) {
    const gw = resolveGatewayRef(ref, vs.metadata.namespace);
    const found =
      gw &&
      catalog.gateways.find(
        (g) => g.object.metadata.name === gw.name && g.object.metadata.namespace === gw.namespace,
      );
    if (found) for (const server of found.object.servers) out.push({ gateway: found.id, server });
  }
  return out;
}
