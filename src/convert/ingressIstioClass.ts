/**
 * Ingresses of a class Istio serves (controller `istio.io/ingress-controller`), read as Istio's
 * own Ingress support reads them (pilot/pkg/config/kube/ingress: virtualservices.go,
 * gateways.go; `model/ingressPaths.ts`, reading `istio`): Exact stays exact, Prefix is whole path
 * segments, ImplementationSpecific is exact unless it ends in `/*` or `.*` (a prefix) or is one
 * of ``, `*`, `/*`, `.*` (every path). No ingress-nginx annotation applies (no canary, rewrite or
 * redirect), `defaultBackend` is ignored, a path whose backend is no Service or whose named port
 * does not resolve is dropped, and a tls entry without secretName makes no HTTPS server. Istio
 * merges the paths of every such Ingress for one host into one VirtualService, sorted by path
 * length (Exact first at equal length), Ingresses in name then namespace order.
 */
import { serviceFqdn } from '../model/hosts.ts';
import { type IngressPathAt, ingressPathField } from '../model/ingress.ts';
import { pathMatchers } from '../model/ingressPaths.ts';
import { resourceId } from '../model/resource.ts';
import type { IndexedIngress } from '../workspace/ingressIndex.ts';
import { type Ctx, lose, routeHosts } from './ingressShared.ts';
import type { TargetApi, Written } from './types.ts';

/** How Istio matches one Ingress path: every path, exactly, or by whole path segments. */
export interface IstioPath {
  readonly kind: 'all' | 'exact' | 'prefix';
  /** The path (for `prefix`, without its trailing `/`, or `/` itself). */
  readonly value: string;
  /** The length Istio sorts by (the prefix as written). */
  readonly length: number;
}

/** An Ingress path as Istio serves it, with the Service port it routes to. */
export interface IstioRoutePath {
  readonly indexed: IndexedIngress;
  readonly at: IngressPathAt;
  readonly path: IstioPath;
  /** `port` unknown: a named port of a Service the workspace does not hold (a loss). */
  readonly service: { readonly name: string; readonly port: number | undefined };
}

export function istioPath(at: IngressPathAt): IstioPath {
  const [matcher] = pathMatchers(at.value, 'istio');
  if (!matcher || matcher.kind === 'all') return { kind: 'all', value: '/', length: 0 };
  if (matcher.kind === 'exact')
    return { kind: 'exact', value: matcher.value, length: matcher.length };
  // `elements` (path-separated prefix) or the prefix `/`.
  return { kind: 'prefix', value: matcher.value || '/', length: matcher.length };
}

/**
 * The Service port a path routes to; undefined when Istio drops the path (a resource backend, a
 * named port the workspace's Service does not have), as the simulator does. A named port of a
 * Service the workspace does not hold cannot be read: a loss, and (Istio) a destination without
 * port. A missing Service: Istio answers 503, the Gateway API 500 (a loss there).
 */
function serviceOf(
  ctx: Ctx,
  indexed: IndexedIngress,
  at: IngressPathAt,
  target: TargetApi,
): IstioRoutePath['service'] | undefined {
  const service = at.value.backend?.service;
  if (!service) return undefined;
  const { namespace } = indexed.ingress.metadata;
  const field = `${ingressPathField(at)}.backend.service`;
  const known = ctx.lookup.service(serviceFqdn(service.name, namespace));
  if (!known && ctx.hasServices && target === 'gateway-api')
    lose(
      ctx,
      indexed.ingress,
      `${field}.name`,
      `Service ${namespace}/${service.name} is not in the input: Istio answers 503 for it, the Gateway API 500`,
    );
  if (service.port !== undefined) return { name: service.name, port: service.port };
  if (!known) {
    lose(
      ctx,
      indexed.ingress,
      `${field}.port.name`,
      `the named port "${service.portName}" needs its number and Service ${namespace}/${service.name} is not in the input: ${target === 'istio' ? 'the destination is written without port' : 'the path is not converted (Istio rejects a route whose backendRef has no port)'}; write the port number`,
    );
    return target === 'istio' ? { name: service.name, port: undefined } : undefined;
  }
  const port = known.ports.find((p) => p.name === service.portName)?.port;
  return port === undefined ? undefined : { name: service.name, port };
}

/** Istio's order of Ingresses (`sortRulesByCreationTimestamp`; files hold no time: by name, namespace). */
export function inIstioOrder(ingresses: readonly IndexedIngress[]): IndexedIngress[] {
  const key = (i: IndexedIngress) => [i.ingress.metadata.name, i.ingress.metadata.namespace];
  return [...ingresses].sort((a, b) => {
    const [an = '', ans = ''] = key(a);
    const [bn = '', bns = ''] = key(b);
    return an < bn ? -1 : an > bn ? 1 : ans < bns ? -1 : ans > bns ? 1 : 0;
  });
}

/** The paths of one Ingress that Istio routes, in YAML order. */
export function istioRoutePaths(
  ctx: Ctx,
  indexed: IndexedIngress,
  target: TargetApi,
): IstioRoutePath[] {
  const out: IstioRoutePath[] = [];
  for (const at of indexed.paths) {
    const service = serviceOf(ctx, indexed, at, target);
    if (service) out.push({ indexed, at, path: istioPath(at), service });
  }
  return out;
}

/**
 * Per host (lower case, `''` for rules without host), the paths of every Ingress for it in the
 * order Istio's VirtualService holds them: longest first, Exact first at equal length, stable.
 */
export function istioHosts(
  ctx: Ctx,
  ingresses: readonly IndexedIngress[],
  target: TargetApi,
): Map<string, IstioRoutePath[]> {
  const byHost = new Map<string, IstioRoutePath[]>();
  for (const indexed of inIstioOrder(ingresses))
    for (const route of istioRoutePaths(ctx, indexed, target)) {
      const host = route.at.host.toLowerCase();
      byHost.set(host, [...(byHost.get(host) ?? []), route]);
    }
  for (const [host, routes] of byHost)
    byHost.set(
      host,
      [...routes].sort(
        (a, b) =>
          b.path.length - a.path.length ||
          Number(b.path.kind === 'exact') - Number(a.path.kind === 'exact'),
      ),
    );
  return byHost;
}

/**
 * Istio tries a Prefix `/a/` (3 characters) before an Exact `/a` (2), and the prefix takes `/a`
 * too; the Gateway API ranks Exact first. A loss at each Exact path a longer prefix overtook.
 */
export function reportExactsOvertaken(
  ctx: Ctx,
  byHost: ReadonlyMap<string, IstioRoutePath[]>,
): void {
  for (const paths of byHost.values())
    paths.forEach((exact, i) => {
      if (exact.path.kind !== 'exact') return;
      const first = paths
        .slice(0, i)
        .find((p) => p.path.kind === 'prefix' && p.path.value === exact.path.value);
      if (!first) return;
      lose(
        ctx,
        exact.indexed.ingress,
        `${ingressPathField(exact.at)}.path`,
        `Istio tries the longer Prefix ${first.at.value.path} first, which takes ${exact.path.value} too; the Gateway API ranks this Exact path first, so ${exact.path.value} now goes to ${exact.service.name}`,
      );
    });
}

/** The Istio `match` list of a path: none for every path, `p` and `p/…` for a segment prefix. */
export function istioUriMatches(path: IstioPath): Record<string, unknown>[] | undefined {
  if (path.kind === 'all') return undefined;
  if (path.kind === 'exact') return [{ uri: { exact: path.value } }];
  if (path.value === '/') return [{ uri: { prefix: '/' } }];
  return [{ uri: { exact: path.value } }, { uri: { prefix: `${path.value}/` } }];
}

/** The Gateway API path match of a path: PathPrefix already means whole segments. */
export function gatewayPathMatch(path: IstioPath): Record<string, unknown> {
  if (path.kind === 'exact') return { type: 'Exact', value: path.value };
  return { type: 'PathPrefix', value: path.kind === 'all' ? '/' : path.value };
}

/** One VirtualService per host for the Ingresses Istio serves, bound to every Gateway written for them. */
export function istioClassRoutes(
  ctx: Ctx,
  ingresses: readonly IndexedIngress[],
  gateways: readonly string[],
): Written[] {
  const out: Written[] = [];
  for (const [host, paths] of istioHosts(ctx, ingresses, 'istio')) {
    const first = paths[0];
    if (!first) continue;
    const { ingress } = first.indexed;
    const { namespace } = ingress.metadata;
    const name =
      routeHosts(first.indexed).find((h) => h.host.toLowerCase() === host)?.name ??
      ingress.metadata.name;
    const http = paths.map(({ path, service, indexed }) => {
      const match = istioUriMatches(path);
      const fqdn = serviceFqdn(service.name, indexed.ingress.metadata.namespace);
      return {
        ...(match ? { match } : {}),
        route: [
          {
            destination: {
              host: fqdn,
              ...(service.port === undefined ? {} : { port: { number: service.port } }),
            },
          },
        ],
      };
    });
    const from = [...new Set(paths.map((p) => p.indexed.entry.id))];
    out.push({
      id: resourceId('VirtualService', namespace, name),
      comment: `Converted from ${from.map((id) => id.replace(/^Ingress\//, 'Ingress ')).join(', ')}${host ? ` (host ${host})` : ''}, as Istio serves it`,
      plain: {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name, namespace },
        spec: { hosts: [host || '*'], gateways, http },
      },
      origin: {
        resource: { resource: first.indexed.entry.id, path: 'spec' },
        parts: paths.map((p) => ({ resource: p.indexed.entry.id, path: ingressPathField(p.at) })),
      },
    });
  }
  return out;
}

/**
 * The HTTPRoutes of one Ingress Istio serves: one per host, on the Gateway of its class. `hosted`:
 * the rule hosts of every such Ingress (lower case). Istio's virtual host for a named host holds
 * only that host's paths, while a Gateway API route without hostnames joins the routes of an
 * HTTPS listener's hostname: so the route for rules without host skips the listeners of hosts
 * that rules name.
 */
export function istioClassHttpRoutes(
  indexed: IndexedIngress,
  routed: readonly IstioRoutePath[],
  gateway: {
    readonly name: string;
    readonly namespace: string;
    readonly listeners: readonly Record<string, unknown>[];
  },
  hosted: ReadonlySet<string>,
): Written[] {
  const { name, namespace } = indexed.ingress.metadata;
  const parent = {
    name: gateway.name,
    ...(gateway.namespace === namespace ? {} : { namespace: gateway.namespace }),
  };
  const open = gateway.listeners.filter(
    (l) => typeof l.hostname !== 'string' || !hosted.has(l.hostname.toLowerCase()),
  );
  const out: Written[] = [];
  for (const { host, name: routeName } of routeHosts(indexed)) {
    const paths = routed.filter((p) => p.at.host === host);
    if (paths.length === 0) continue;
    const rules = paths.map(({ path, service }) => ({
      matches: [{ path: gatewayPathMatch(path) }],
      backendRefs: [
        { name: service.name, ...(service.port === undefined ? {} : { port: service.port }) },
      ],
    }));
    const parentRefs =
      host || open.length === gateway.listeners.length
        ? [parent]
        : open.map((l) => ({ ...parent, sectionName: l.name }));
    out.push({
      id: resourceId('HTTPRoute', namespace, routeName),
      comment: `Converted from Ingress ${namespace}/${name}${host ? ` (host ${host})` : ''}, as Istio serves it`,
      plain: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: routeName, namespace },
        spec: { parentRefs, ...(host ? { hostnames: [host] } : {}), rules },
      },
      origin: {
        resource: { resource: indexed.entry.id, path: 'spec' },
        parts: paths.map((p) => ({ resource: indexed.entry.id, path: ingressPathField(p.at) })),
      },
    });
  }
  return out;
}
