/**
 * Istio's API (Gateway, VirtualService) to the Kubernetes Gateway API, for Istio's gateway
 * controller (class `istio`). The mapping is the reverse of Istio's own conversion
 * (pilot/pkg/config/kube/gateway/conversion.go); what the Gateway API cannot say is a Loss,
 * never dropped silently.
 */
import type { Gateway, GatewayServer } from '../model/gateway.ts';
import { K8S_GATEWAY, NAMESPACE_NAME_LABEL } from '../model/gatewayApi.ts';
import { MESH, resolveGatewayRef } from '../model/gatewayNames.ts';
import { resolveHost } from '../model/hosts.ts';
import type { StringMatch } from '../model/match.ts';
import { fullMatch } from '../model/regex.ts';
import { resourceId } from '../model/resource.ts';
import type {
  Destination,
  HeaderOperation,
  HttpRoute,
  VirtualService,
} from '../model/virtualService.ts';
import {
  comparePrecedence,
  httpRouteMatch,
  isCatchAll,
  type RouteMatch,
} from '../simulate/gatewayApi/match.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { clientPort } from './clientPorts.ts';
import { conversionOf } from './emit.ts';
import { type ServiceLookup, serviceLookup, serviceOfHost } from './services.ts';
import type { Conversion, Loss, Origin, Written } from './types.ts';

const API = 'gateway.networking.k8s.io/v1';
const GATEWAY_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

type Plain = Record<string, unknown>;

interface ConvertedListener {
  readonly name: string;
  readonly protocol: string;
  readonly redirect: boolean;
  readonly serverIndex: number;
  /** The server's port as written (what an L4 match's `port` names). */
  readonly serverPort: number;
}

interface Context {
  readonly lookup: ServiceLookup;
  readonly losses: Loss[];
  readonly written: Written[];
  /** `ns/name` of an Istio Gateway → its listeners as converted. */
  readonly listeners: Map<string, readonly ConvertedListener[]>;
  /** Cross-namespace backendRefs: `to-ns` → `from-ns` → Service names. */
  readonly grants: Map<string, Map<string, { names: Set<string>; kinds: Set<string> }>>;
  /** The port clients reach a server of a Gateway on. */
  readonly clientPort: (gateway: string, serverPort: number) => number;
  /** Whether the input holds any Service (a missing one is then really missing). */
  readonly hasServices: boolean;
  /** HTTPRoutes Istio would reject as a whole (a backendRef without a port), by source id. */
  readonly rejected: Set<string>;
  /** Per-version Services already written. */
  readonly versions: Set<string>;
  /** Per gateway and host, the rules Envoy gets, in the order Istio merges them (workspace order). */
  readonly vhosts: Map<string, RankedRule[]>;
}

interface RankedRule {
  readonly id: string;
  readonly index: number;
  readonly matches: readonly RouteMatch[];
}

export function istioToGatewayApi(workspace: Workspace): Conversion {
  const catalog = buildCatalog(workspace);
  const ctx: Context = {
    lookup: serviceLookup(catalog),
    clientPort: clientPort(catalog),
    hasServices: catalog.services.length > 0,
    rejected: new Set(),
    losses: [],
    written: [],
    listeners: new Map(),
    grants: new Map(),
    versions: new Set(),
    vhosts: new Map(),
  };
  const replaced: string[] = [];
  for (const { id, object } of catalog.gateways) {
    replaced.push(id);
    convertGateway(ctx, object);
  }
  for (const { id, object } of catalog.virtualServices)
    if (convertVirtualService(ctx, object)) replaced.push(id);
  reportReordering(ctx);
  writeGrants(ctx);
  return conversionOf('converted-gateway-api.yaml', ctx.written, ctx.losses, replaced);
}

function lose(ctx: Context, resource: string, path: string, message: string): void {
  ctx.losses.push({ resource, path, message });
}

function convertGateway(ctx: Context, gw: Gateway): void {
  const { name, namespace } = gw.metadata;
  const id = resourceId('Gateway', namespace, name);
  const listeners: Plain[] = [];
  const converted: ConvertedListener[] = [];
  const used = new Set<string>();
  const parts: Origin[] = [];
  if (gw.selector && Object.keys(gw.selector).length > 0)
    lose(
      ctx,
      id,
      'spec.selector',
      `selector ${Object.entries(gw.selector)
        .map(([k, v]) => `${k}: ${v}`)
        .join(
          ', ',
        )}: with the Gateway API, Istio deploys the gateway pods itself (${name}-istio); the existing gateway pods are not used`,
    );
  gw.servers.forEach((server, si) => {
    const at = `spec.servers[${si}]`;
    const protocol = listenerProtocol(ctx, id, at, server);
    if (!protocol || server.port?.number === undefined) {
      if (protocol) lose(ctx, id, `${at}.port`, 'a server without a port number has no listener');
      return;
    }
    const hosts = server.hosts.length ? server.hosts : ['*'];
    hosts.forEach((written, hi) => {
      const slash = written.indexOf('/');
      const ns = slash === -1 ? '*' : written.slice(0, slash);
      const host = slash === -1 ? written : written.slice(slash + 1);
      const base = (server.port?.name ?? protocol.toLowerCase())
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-');
      let listenerName = hosts.length > 1 ? `${base}-${hi}` : base;
      for (let n = 2; used.has(listenerName); n++) listenerName = `${base}-${hi}-${n}`;
      used.add(listenerName);
      const listener: Plain = { name: listenerName };
      if (host !== '*') listener.hostname = host;
      listener.port = ctx.clientPort(id, server.port?.number as number);
      listener.protocol = protocol;
      const tls = listenerTls(ctx, id, at, server, protocol);
      if (tls) listener.tls = tls;
      listener.allowedRoutes = { namespaces: allowedFrom(ns, namespace) };
      listeners.push(listener);
      const redirect = server.tls?.httpsRedirect === true;
      converted.push({
        name: listenerName,
        protocol,
        redirect,
        serverIndex: si,
        serverPort: server.port?.number as number,
      });
      parts.push({ resource: id, path: `${at}.hosts[${hi}]` });
    });
    if (server.port?.targetPort !== undefined)
      lose(
        ctx,
        id,
        `${at}.port.targetPort`,
        'targetPort: the Gateway API listens on the listener port itself',
      );
  });
  ctx.listeners.set(`${namespace}/${name}`, converted);
  const gatewayId = resourceId(K8S_GATEWAY, namespace, name);
  ctx.written.push({
    id: gatewayId,
    comment: `Converted from Gateway ${namespace}/${name} (networking.istio.io)`,
    plain: {
      apiVersion: API,
      kind: 'Gateway',
      metadata: { name, namespace },
      spec: { gatewayClassName: 'istio', listeners },
    },
    origin: { resource: { resource: id, path: '' }, parts },
  });
  const redirects = converted.filter((l) => l.redirect);
  if (redirects.length) {
    const routeName = `${name}-https-redirect`;
    ctx.written.push({
      id: resourceId('HTTPRoute', namespace, routeName),
      comment: `Converted from Gateway ${namespace}/${name}: tls.httpsRedirect of ${[...new Set(redirects.map((l) => `servers[${l.serverIndex}]`))].join(', ')}`,
      plain: {
        apiVersion: API,
        kind: 'HTTPRoute',
        metadata: { name: routeName, namespace },
        spec: {
          parentRefs: redirects.map((l) => ({ name, sectionName: l.name })),
          rules: [
            {
              filters: [
                { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
              ],
            },
          ],
        },
      },
      origin: {
        resource: { resource: id, path: '' },
        parts: [
          {
            resource: id,
            path: `spec.servers[${redirects[0]?.serverIndex ?? 0}].tls.httpsRedirect`,
          },
        ],
      },
    });
  }
}

function listenerProtocol(
  ctx: Context,
  id: string,
  at: string,
  server: GatewayServer,
): string | undefined {
  const protocol = server.port?.protocol ?? '';
  const mode = server.tls?.mode ?? 'SIMPLE';
  switch (protocol) {
    case 'HTTP':
      return 'HTTP';
    case 'HTTP2':
    case 'GRPC':
      lose(
        ctx,
        id,
        `${at}.port.protocol`,
        `${protocol}: written as an HTTP listener (the Gateway API has no ${protocol} listener protocol; Istio serves HTTP/2 on it)`,
      );
      return 'HTTP';
    case 'HTTPS':
      return mode === 'PASSTHROUGH' ? 'TLS' : 'HTTPS';
    case 'TLS':
      return 'TLS';
    case 'TCP':
      return 'TCP';
    default:
      lose(
        ctx,
        id,
        `${at}.port.protocol`,
        `protocol ${protocol || '(none)'} has no Gateway API listener; the server is not converted`,
      );
      return undefined;
  }
}

function listenerTls(
  ctx: Context,
  id: string,
  at: string,
  server: GatewayServer,
  protocol: string,
): Plain | undefined {
  if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
  const tls = server.tls;
  const mode = tls?.mode ?? 'SIMPLE';
  if (mode === 'PASSTHROUGH') return { mode: 'Passthrough' };
  if (mode !== 'SIMPLE')
    lose(
      ctx,
      id,
      `${at}.tls.mode`,
      `tls mode ${mode}: the Gateway API listener terminates TLS without client certificates (frontend mTLS needs Gateway spec.tls.frontend)`,
    );
  const names = tls?.credentialNames?.length
    ? tls.credentialNames
    : tls?.credentialName
      ? [tls.credentialName]
      : [];
  if (names.length === 0) {
    lose(
      ctx,
      id,
      `${at}.tls`,
      'a certificate from files (serverCertificate/privateKey) has no Gateway API form; certificateRefs needs a Secret',
    );
    return { mode: 'Terminate' };
  }
  return { mode: 'Terminate', certificateRefs: names.map((n) => ({ name: n })) };
}

/** `*` → All, the Gateway's own namespace or `.` → Same, another → Selector by namespace name. */
function allowedFrom(ns: string, own: string): Plain {
  if (ns === '*') return { from: 'All' };
  if (ns === '.' || ns === own) return { from: 'Same' };
  return { from: 'Selector', selector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } };
}

function convertVirtualService(ctx: Context, vs: VirtualService): boolean {
  const { name, namespace } = vs.metadata;
  const id = resourceId('VirtualService', namespace, name);
  const gateways = vs.gateways ?? [MESH];
  if (gateways.includes(MESH))
    lose(
      ctx,
      id,
      'spec.gateways',
      'mesh: routing inside the mesh (GAMMA, parentRefs to a Service) is not converted; only the gateway part is',
    );
  const bound: Bound[] = [];
  for (const ref of gateways) {
    const gw = resolveGatewayRef(ref, namespace);
    if (!gw) continue;
    const base: Plain = { name: gw.name };
    if (gw.namespace !== namespace) base.namespace = gw.namespace;
    bound.push({ base, listeners: ctx.listeners.get(`${gw.namespace}/${gw.name}`) });
  }
  const parentRefs = refsTo(
    bound,
    (l) => !l.redirect && (l.protocol === 'HTTP' || l.protocol === 'HTTPS'),
  );
  const l4 = convertL4(ctx, id, vs, bound);
  if (parentRefs.length === 0 || vs.http.length === 0) return l4;
  const rules: Plain[] = [];
  const parts: Origin[] = [];
  const kept: { index: number; matches: Plain[] }[] = [];
  vs.http.forEach((rule, i) => {
    const converted = convertRule(ctx, id, namespace, rule, i);
    if (!converted) return;
    // Rule names are unique within an HTTPRoute; a VirtualService may repeat one.
    const name = converted.rule.name;
    if (typeof name === 'string' && rules.some((r) => r.name === name))
      converted.rule.name = `${name}-${i}`;
    rules.push(converted.rule);
    parts.push({ resource: id, path: `spec.http[${i}]` });
    kept.push({ index: i, matches: converted.matches });
  });
  for (const ref of gateways) {
    const gw = resolveGatewayRef(ref, namespace);
    if (!gw) continue;
    for (const host of vs.hosts) {
      const key = `${gw.namespace}/${gw.name}|${host.toLowerCase()}`;
      const list = ctx.vhosts.get(key) ?? [];
      ctx.vhosts.set(key, list);
      for (const k of kept)
        list.push({
          id,
          index: k.index,
          matches: (k.matches.length ? k.matches : [{}]).map((m) => httpRouteMatch(readBack(m))),
        });
    }
  }
  if (ctx.rejected.has(id))
    lose(
      ctx,
      id,
      'spec.http',
      'Istio rejects the whole HTTPRoute while one of its backendRefs has no port: none of its rules route until each has one',
    );
  // A short name is a Service's FQDN to Istio, at a gateway too (`shop` → shop.ns.svc.cluster.local).
  const hostnames = [
    ...new Set(vs.hosts.filter((h) => h !== '*').map((h) => resolveHost(h, namespace))),
  ];
  const wildcard = vs.hosts.includes('*');
  if (wildcard && hostnames.length)
    lose(
      ctx,
      id,
      'spec.hosts',
      'host *: the route takes every hostname of its listeners (no hostnames)',
    );
  const spec: Plain = { parentRefs };
  if (!wildcard && hostnames.length) spec.hostnames = hostnames;
  spec.rules = rules;
  ctx.written.push({
    id: resourceId('HTTPRoute', namespace, name),
    comment: `Converted from VirtualService ${namespace}/${name}`,
    plain: { apiVersion: API, kind: 'HTTPRoute', metadata: { name, namespace }, spec },
    origin: { resource: { resource: id, path: '' }, parts },
  });
  return true;
}

/** A Gateway a VirtualService binds, as a parentRef, with its listeners when converted here. */
interface Bound {
  readonly base: Plain;
  readonly listeners: readonly ConvertedListener[] | undefined;
}

/** parentRefs with the sectionName of each listener `take` accepts (the bare ref when unknown). */
function refsTo(bound: readonly Bound[], take: (l: ConvertedListener) => boolean): Plain[] {
  return bound.flatMap(({ base, listeners }) =>
    listeners ? listeners.filter(take).map((l) => ({ ...base, sectionName: l.name })) : [base],
  );
}

const L4_API = 'gateway.networking.k8s.io/v1alpha2';

/**
 * `tls` rules → TLSRoutes (hostnames from `sniHosts`), `tcp` rules → TCPRoutes, one route per
 * rule (`<vs>-tls-<i>`, `<vs>-tcp-<i>`) on the TLS or TCP listeners of the port a match names.
 */
function convertL4(ctx: Context, id: string, vs: VirtualService, bound: readonly Bound[]): boolean {
  const { name, namespace } = vs.metadata;
  let wrote = false;
  for (const section of ['tls', 'tcp'] as const)
    vs[section].forEach((rule, i) => {
      const at = `spec.${section}[${i}]`;
      const kind = section === 'tls' ? 'TLSRoute' : 'TCPRoute';
      const protocol = section === 'tls' ? 'TLS' : 'TCP';
      const ports = new Set(rule.match.map((m) => m.port).filter((p) => p !== undefined));
      rule.match.forEach((m, j) => {
        for (const key of ['destinationSubnets', 'sourceNamespace', 'gateways'] as const)
          if (m[key] !== undefined)
            lose(ctx, id, `${at}.match[${j}].${key}`, `${key}: a ${kind} has no such match`);
      });
      const parentRefs = refsTo(
        bound,
        (l) => l.protocol === protocol && (ports.size === 0 || ports.has(l.serverPort)),
      );
      if (parentRefs.length === 0) {
        lose(
          ctx,
          id,
          at,
          `${section} route: no ${protocol} listener of its gateways takes it; not converted`,
        );
        return;
      }
      const routeName = `${name}-${section}-${i}`;
      const spec: Plain = { parentRefs };
      const sni = [...new Set(rule.match.flatMap((m) => m.sniHosts ?? []))];
      if (section === 'tls' && sni.length && !sni.includes('*')) spec.hostnames = sni;
      spec.rules = [
        {
          backendRefs: rule.route.map((d, k) => {
            const ref = d.destination
              ? backendRef(ctx, id, namespace, d.destination, `${at}.route[${k}].destination`, kind)
              : { name: '' };
            if (rule.route.length > 1 || d.weight !== undefined) ref.weight = d.weight ?? 0;
            return ref;
          }),
        },
      ];
      ctx.written.push({
        id: resourceId(kind, namespace, routeName),
        comment: `Converted from VirtualService ${namespace}/${name} ${section}[${i}]`,
        plain: { apiVersion: L4_API, kind, metadata: { name: routeName, namespace }, spec },
        origin: { resource: { resource: id, path: at }, parts: [{ resource: id, path: at }] },
      });
      wrote = true;
    });
  return wrote;
}

/**
 * A VirtualService takes the first rule that matches; the Gateway API orders matches by
 * precedence (exact path, longer path, method, more headers, more query params). Each rule that
 * precedence would move before an earlier one is reported: a request both match changes rule.
 */
function reportReordering(ctx: Context): void {
  const reported = new Set<string>();
  for (const ranked of ctx.vhosts.values())
    for (const [j, later] of ranked.entries())
      for (const earlier of ranked.slice(0, j)) {
        // Envoy moves catch-all routes to the end of a virtual host, so one VirtualService's
        // catch-all does not shadow another's rules; within one, Istio stops at a catch-all
        // (later rules are never reached) where the Gateway API still ranks them first.
        if (earlier.id !== later.id && earlier.matches.every(isCatchAll)) continue;
        const jumps = later.matches.some((b) =>
          earlier.matches.some((a) => comparePrecedence(b, a) < 0 && mayOverlap(a, b)),
        );
        const key = `${later.id}|${later.index}`;
        if (!jumps || reported.has(key)) continue;
        reported.add(key);
        const them =
          earlier.id === later.id
            ? `http[${earlier.index}]`
            : `${earlier.id} http[${earlier.index}]`;
        lose(
          ctx,
          later.id,
          `spec.http[${later.index}]`,
          `Gateway API precedence puts http[${later.index}] before ${them} (more specific match first); a request both match goes to http[${later.index}] where the VirtualService${earlier.id === later.id ? '' : 's'} sent it to ${them}`,
        );
        break;
      }
}

/** Whether one request could meet both matches (paths, methods and exact values compatible). */
function mayOverlap(a: RouteMatch, b: RouteMatch): boolean {
  if (a.method !== undefined && b.method !== undefined && a.method !== b.method) return false;
  const clash = (x: RouteMatch['headers'], y: RouteMatch['headers']) =>
    x.some((h) =>
      y.some(
        (k) => k.name === h.name && k.type === 'Exact' && h.type === 'Exact' && k.value !== h.value,
      ),
    );
  if (clash(a.headers, b.headers) || clash(a.queryParams, b.queryParams)) return false;
  const p = a.path;
  const q = b.path;
  if (!p || !q) return true;
  // A regex against an exact path is decided; against another regex or a prefix it may meet.
  if (p.kind === 'regex' && q.kind === 'exact') return fullMatch(p.value, q.value).ok;
  if (q.kind === 'regex' && p.kind === 'exact') return fullMatch(q.value, p.value).ok;
  if (p.kind === 'regex' || q.kind === 'regex') return true;
  const under = (path: string, prefix: string) => {
    const base = prefix.replace(/\/+$/, '');
    return base === '' || path === base || path.startsWith(`${base}/`);
  };
  if (p.kind === 'exact' && q.kind === 'exact') return p.value === q.value;
  if (p.kind === 'exact') return under(p.value, q.value);
  if (q.kind === 'exact') return under(q.value, p.value);
  return under(p.value, q.value) || under(q.value, p.value);
}

/** A written HTTPRouteMatch as the model reads it (defaults filled in). */
function readBack(m: Plain): import('../model/gatewayRoutes.ts').HTTPRouteMatch {
  const path = (m.path as { type: string; value: string } | undefined) ?? {
    type: 'PathPrefix',
    value: '/',
  };
  const values = (v: unknown) =>
    ((v as { type?: string; name: string; value: string }[] | undefined) ?? []).map((x) => ({
      type: x.type ?? 'Exact',
      name: x.name,
      value: x.value,
    }));
  return {
    path,
    headers: values(m.headers),
    queryParams: values(m.queryParams),
    method: m.method as string | undefined,
  };
}

function convertRule(
  ctx: Context,
  id: string,
  namespace: string,
  rule: HttpRoute,
  i: number,
): { rule: Plain; matches: Plain[] } | undefined {
  const at = `spec.http[${i}]`;
  if (rule.delegate) {
    lose(
      ctx,
      id,
      `${at}.delegate`,
      `delegate to ${rule.delegate.namespace ?? namespace}/${rule.delegate.name}: the Gateway API has no delegation (route inclusion is not standard); convert the delegate's rules into this route by hand`,
    );
    return undefined;
  }
  if (rule.directResponse) {
    lose(
      ctx,
      id,
      `${at}.directResponse`,
      `directResponse ${rule.directResponse.status ?? ''}: the Gateway API has no fixed response; the rule is not converted`,
    );
    return undefined;
  }
  const out: Plain = {};
  // A Gateway API rule name is a DNS label: lower case, digits and `-`, starting with a letter or digit.
  const ruleName = rule.name
    ?.toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  if (ruleName) out.name = ruleName;
  const matches = rule.match
    .map((m, j) => convertMatch(ctx, id, `${at}.match[${j}]`, m))
    .filter((m) => m !== undefined);
  if (matches.length) out.matches = matches;
  const filters: Plain[] = [];
  const headerFilters = (
    ops: { request?: HeaderOperation; response?: HeaderOperation } | undefined,
  ) => {
    const list: Plain[] = [];
    if (ops?.request)
      list.push({ type: 'RequestHeaderModifier', requestHeaderModifier: modifier(ops.request) });
    if (ops?.response)
      list.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: modifier(ops.response) });
    return list;
  };
  filters.push(...headerFilters(rule.headers));
  if (rule.rewrite) {
    const rewrite: Plain = {};
    if (rule.rewrite.uri !== undefined) {
      const kinds = new Set(
        rule.match.map((m) =>
          m.uri?.exact !== undefined ? 'exact' : m.uri?.prefix !== undefined ? 'prefix' : 'other',
        ),
      );
      if (kinds.size === 1 && kinds.has('prefix')) {
        const to = rule.rewrite.uri;
        rewrite.path = { type: 'ReplacePrefixMatch', replacePrefixMatch: to };
        // Istio replaces the prefix as a string, the Gateway API whole segments: they agree
        // only when both or neither end in `/`.
        const odd = rule.match.find(
          (m) => (m.uri?.prefix ?? '').endsWith('/') !== to.endsWith('/'),
        );
        const from = odd?.uri?.prefix;
        if (from !== undefined)
          lose(
            ctx,
            id,
            `${at}.rewrite.uri`,
            `rewrite ${from} → ${to}: Istio replaces the prefix as text, the Gateway API whole path segments, so with a trailing / on one side only the backend gets another path; end both with / or neither`,
          );
      } else if (kinds.size === 1 && kinds.has('exact'))
        rewrite.path = { type: 'ReplaceFullPath', replaceFullPath: rule.rewrite.uri };
      else
        lose(
          ctx,
          id,
          `${at}.rewrite.uri`,
          'rewrite.uri replaces the matched prefix; the Gateway API can only do that for rules whose every match is a path prefix (or replace the full path for exact paths)',
        );
    }
    if (rule.rewrite.uriRegexRewrite)
      lose(
        ctx,
        id,
        `${at}.rewrite.uriRegexRewrite`,
        'uriRegexRewrite: the Gateway API has no regex rewrite',
      );
    if (rule.rewrite.authority !== undefined) rewrite.hostname = rule.rewrite.authority;
    if (rewrite.path || rewrite.hostname) filters.push({ type: 'URLRewrite', urlRewrite: rewrite });
  }
  if (rule.redirect) {
    const r = rule.redirect;
    const redirect: Plain = {};
    if (r.scheme) redirect.scheme = r.scheme;
    if (r.authority) redirect.hostname = r.authority;
    if (r.uri !== undefined) redirect.path = { type: 'ReplaceFullPath', replaceFullPath: r.uri };
    if (r.port !== undefined) redirect.port = r.port;
    if (r.derivePort)
      lose(
        ctx,
        id,
        `${at}.redirect.derivePort`,
        'derivePort: the Gateway API derives the port from the scheme only',
      );
    if (r.prefixRewrite !== undefined)
      lose(
        ctx,
        id,
        `${at}.redirect.prefixRewrite`,
        'prefixRewrite: written as nothing; a ReplacePrefixMatch redirect needs a path-prefix match',
      );
    // Istio redirects with 301 by default, the Gateway API with 302: always say which.
    redirect.statusCode = r.redirectCode ?? 301;
    if (![301, 302, 303, 307, 308].includes(redirect.statusCode as number))
      lose(
        ctx,
        id,
        `${at}.redirect.redirectCode`,
        `redirectCode ${r.redirectCode}: the Gateway API allows 301, 302, 303, 307, 308`,
      );
    filters.push({ type: 'RequestRedirect', requestRedirect: redirect });
  }
  const mirrors = [
    ...(rule.mirror
      ? [{ destination: rule.mirror, percentage: rule.mirrorPercentage, path: `${at}.mirror` }]
      : []),
    ...(rule.mirrors ?? []).map((m, k) => ({
      destination: m.destination,
      percentage: m.percentage,
      path: `${at}.mirrors[${k}]`,
    })),
  ];
  for (const m of mirrors) {
    if (!m.destination) continue;
    const ref = backendRef(ctx, id, namespace, m.destination, m.path);
    const mirror: Plain = { backendRef: ref };
    if (m.percentage !== undefined && m.percentage !== 100)
      mirror.percent = Math.round(m.percentage);
    filters.push({ type: 'RequestMirror', requestMirror: mirror });
  }
  if (filters.length) out.filters = filters;
  if (!rule.redirect && rule.route.length) {
    out.backendRefs = rule.route.map((d, k) => {
      const path = `${at}.route[${k}]`;
      const ref = d.destination
        ? backendRef(ctx, id, namespace, d.destination, `${path}.destination`)
        : { name: '' };
      if (rule.route.length > 1 || d.weight !== undefined) ref.weight = d.weight ?? 0;
      const own = headerFilters(d.headers);
      if (own.length) ref.filters = own;
      return ref;
    });
  }
  if (rule.timeout) out.timeouts = { request: rule.timeout };
  if (rule.retries)
    lose(
      ctx,
      id,
      `${at}.retries`,
      "retries: the standard Gateway API has no retry policy; Istio's default retries (2 attempts) apply instead; use the experimental HTTPRoute retry (Gateway API 1.2+) for more",
    );
  if (rule.fault)
    lose(
      ctx,
      id,
      `${at}.fault`,
      'fault injection: the Gateway API has none; keep this rule in a VirtualService (on the mesh) for fault drills, or inject faults in the app',
    );
  if (rule.corsPolicy)
    lose(
      ctx,
      id,
      `${at}.corsPolicy`,
      'corsPolicy: the standard Gateway API has no CORS filter; use the experimental CORS filter (Gateway API 1.3+) or answer CORS in the app',
    );
  return { rule: out, matches };
}

function modifier(op: HeaderOperation): Plain {
  const out: Plain = {};
  const pairs = (d: Readonly<Record<string, string>>) =>
    Object.entries(d).map(([name, value]) => ({ name, value }));
  if (op.set) out.set = pairs(op.set);
  if (op.add) out.add = pairs(op.add);
  if (op.remove) out.remove = [...op.remove];
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An Istio string match as a Gateway API value match (Exact or RegularExpression, full match). */
function valueMatch(name: string, m: StringMatch): Plain {
  if (m.exact !== undefined) return { name, value: m.exact };
  if (m.prefix !== undefined)
    return { type: 'RegularExpression', name, value: `${escapeRegex(m.prefix)}.*` };
  if (m.regex !== undefined) return { type: 'RegularExpression', name, value: m.regex };
  return { type: 'RegularExpression', name, value: '.*' };
}

function convertMatch(
  ctx: Context,
  id: string,
  at: string,
  m: import('../model/match.ts').HttpMatch,
): Plain | undefined {
  const out: Plain = {};
  const uri = m.uri;
  if (uri?.exact !== undefined) out.path = { type: 'Exact', value: uri.exact };
  else if (uri?.prefix !== undefined) {
    out.path = { type: 'PathPrefix', value: uri.prefix };
    if (uri.prefix !== '/')
      lose(
        ctx,
        id,
        `${at}.uri.prefix`,
        `prefix ${uri.prefix}: a Gateway API PathPrefix matches whole path segments (${uri.prefix.endsWith('/') ? `${uri.prefix.slice(0, -1)} now matches too` : `${uri.prefix}x no longer matches`})`,
      );
  } else if (uri?.regex !== undefined) {
    out.path = { type: 'RegularExpression', value: uri.regex };
    lose(
      ctx,
      id,
      `${at}.uri.regex`,
      'regex path: RegularExpression is implementation-specific in the Gateway API (Istio: RE2, whole path)',
    );
  }
  if (m.headers) out.headers = Object.entries(m.headers).map(([name, v]) => valueMatch(name, v));
  if (m.queryParams)
    out.queryParams = Object.entries(m.queryParams).map(([name, v]) => valueMatch(name, v));
  if (m.method) {
    if (m.method.exact !== undefined && GATEWAY_METHODS.has(m.method.exact))
      out.method = m.method.exact;
    else
      lose(
        ctx,
        id,
        `${at}.method`,
        'method: the Gateway API matches one exact standard method only',
      );
  }
  const unsupported: [keyof typeof m, string][] = [
    ['authority', "authority: match hosts by the route's hostnames instead"],
    ['scheme', 'scheme: the Gateway API has no scheme match (use listeners)'],
    ['withoutHeaders', 'withoutHeaders: the Gateway API has no negative header match'],
    ['ignoreUriCase', 'ignoreUriCase: Gateway API paths are case-sensitive'],
    ['port', 'port: use a parentRef with sectionName or port'],
    ['sourceLabels', 'sourceLabels: no Gateway API equivalent'],
    ['sourceNamespace', 'sourceNamespace: no Gateway API equivalent'],
    ['gateways', 'gateways: use parentRefs of a separate route'],
  ];
  for (const [key, message] of unsupported)
    if (m[key] !== undefined) lose(ctx, id, `${at}.${key}`, message);
  return out;
}

/** A destination as a backendRef; a subset becomes a per-version Service (the Gateway API has none). */
function backendRef(
  ctx: Context,
  id: string,
  namespace: string,
  dest: Destination,
  at: string,
  routeKind = 'HTTPRoute',
): Plain {
  const fqdn = resolveHost(dest.host, namespace);
  const svc = serviceOfHost(fqdn);
  if (!svc) {
    lose(
      ctx,
      id,
      `${at}.host`,
      `host ${dest.host} is not a Kubernetes Service: written as an Istio Hostname backendRef (ServiceEntry hosts)`,
    );
    const ref: Plain = { group: 'networking.istio.io', kind: 'Hostname', name: dest.host };
    if (dest.port !== undefined) ref.port = dest.port;
    return ref;
  }
  const service = ctx.lookup.service(fqdn);
  let name = svc.name;
  if (dest.subset) {
    const labels = ctx.lookup.subsetLabels(fqdn, dest.subset);
    name = `${svc.name}-${dest.subset}`.toLowerCase();
    const described = labels
      ? Object.entries(labels)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')
      : 'labels unknown';
    lose(
      ctx,
      id,
      `${at}.subset`,
      `subset ${dest.subset} (${described}): the Gateway API has no subsets; one Service per version is needed, written as Service ${svc.namespace}/${name}${service?.selector && labels ? '' : ' (not generated: the Service or subset is not in the input)'}`,
    );
    if (service?.selector && labels)
      writeVersionService(ctx, svc.namespace, name, service, labels, `${id} ${at}.subset`);
  }
  const ref: Plain = { name };
  if (svc.namespace !== namespace) {
    ref.namespace = svc.namespace;
    const from = ctx.grants.get(svc.namespace) ?? new Map();
    ctx.grants.set(svc.namespace, from);
    const grant = from.get(namespace) ?? { names: new Set<string>(), kinds: new Set<string>() };
    from.set(namespace, grant);
    grant.names.add(name);
    grant.kinds.add(routeKind);
  }
  const ports = service?.ports.filter((p) => p.port !== undefined) ?? [];
  const port = dest.port ?? (ports.length === 1 ? ports[0]?.port : undefined);
  if (!service && ctx.hasServices)
    lose(
      ctx,
      id,
      `${at}.host`,
      `the Service ${svc.namespace}/${svc.name} is not in the input: Envoy answers 503 for its share under a VirtualService, the Gateway API 500 (BackendNotFound)`,
    );
  if (port !== undefined) ref.port = port;
  else if (routeKind === 'HTTPRoute' && !at.includes('.mirror')) {
    ctx.rejected.add(id);
    lose(
      ctx,
      id,
      `${at}.port`,
      `a Gateway API backendRef needs a port, and the Service ${svc.namespace}/${svc.name} ${service ? 'has several' : 'is not in the input'}`,
    );
  } else
    lose(
      ctx,
      id,
      `${at}.port`,
      `a Gateway API backendRef needs a port, and the Service ${svc.namespace}/${svc.name} ${service ? 'has several' : 'is not in the input'}`,
    );
  return ref;
}

function writeVersionService(
  ctx: Context,
  namespace: string,
  name: string,
  service: import('../model/service.ts').Service,
  labels: Readonly<Record<string, string>>,
  from: string,
): void {
  const id = resourceId('Service', namespace, name);
  if (ctx.versions.has(id)) return;
  ctx.versions.add(id);
  ctx.written.push({
    id,
    comment: `One Service per version, for ${from}`,
    plain: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: {
        selector: { ...service.selector, ...labels },
        ports: service.ports.map((p) => {
          const port: Plain = {};
          if (p.name) port.name = p.name;
          port.port = p.port;
          if (p.targetPort !== undefined) port.targetPort = p.targetPort;
          if (p.protocol !== 'TCP') port.protocol = p.protocol;
          return port;
        }),
      },
    },
    origin: {
      resource: { resource: resourceId('Service', namespace, service.metadata.name), path: '' },
      parts: [],
    },
  });
}

function writeGrants(ctx: Context): void {
  for (const [to, froms] of [...ctx.grants].sort(([a], [b]) => (a < b ? -1 : 1)))
    for (const [from, { names, kinds }] of [...froms].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const name = `routes-from-${from}`;
      ctx.written.push({
        id: resourceId('ReferenceGrant', to, name),
        comment: `Lets routes of namespace ${from} send to these Services of ${to} (a VirtualService needs no grant)`,
        plain: {
          apiVersion: 'gateway.networking.k8s.io/v1beta1',
          kind: 'ReferenceGrant',
          metadata: { name, namespace: to },
          spec: {
            from: [...kinds]
              .sort()
              .map((kind) => ({ group: 'gateway.networking.k8s.io', kind, namespace: from })),
            to: [...names].sort().map((n) => ({ group: '', kind: 'Service', name: n })),
          },
        },
        origin: {
          resource: { resource: resourceId('ReferenceGrant', to, name), path: '' },
          parts: [],
        },
      });
    }
}
