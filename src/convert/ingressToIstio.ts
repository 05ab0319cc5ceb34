/**
 * Kubernetes Ingress to Istio's API: one Gateway per Ingress class and namespace on the default
 * ingress gateway (`istio: ingressgateway`), one VirtualService per Ingress host. Paths follow
 * ingress-nginx's reading (`ingressPaths.ts`, reading `nginx`): a Prefix `/a` is the exact `/a`
 * and the prefix `/a/`, ImplementationSpecific a plain prefix, and the longest path is tried
 * first (Istio takes the first rule that matches, so rules are sorted). An Ingress of a class
 * Istio serves is read as Istio reads it (`ingressIstioClass.ts`): one VirtualService per host
 * for all of them, no annotation applies.
 */
import { serviceFqdn } from '../model/hosts.ts';
import { type Ingress, type IngressBackend, ingressPathField } from '../model/ingress.ts';
import { type NginxAnnotations, nginxAnnotations } from '../model/ingressNginx.ts';
import { resourceId } from '../model/resource.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import { type IndexedIngress, ingressIndex } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { istioClassRoutes } from './ingressIstioClass.ts';
import {
  annotationPath,
  type Ctx,
  canaryHeader,
  canaryTargets,
  gatewayPodsNamespace,
  lose,
  newContext,
  reportAnnotations,
  reportController,
  reportWildcardHosts,
  routeHosts,
  safeUrl,
  serviceBackend,
} from './ingressShared.ts';
import type { IngressConversion } from './ingressToGatewayApi.ts';
import type { Origin, Written } from './types.ts';

const API = 'networking.istio.io/v1';
type Plain = Record<string, unknown>;

/** A rule with what orders it: redirects first, then the longest path, exact before prefix. */
interface Ranked {
  readonly redirect: boolean;
  readonly length: number;
  readonly exact: boolean;
  readonly rule: Plain;
  readonly origin: Origin;
}

/** The rule of one main Ingress path, kept so a canary Ingress can add to it. */
interface PathRule {
  readonly host: string;
  readonly path: string;
  readonly namespace: string;
  readonly entry: Ranked;
  readonly rules: Ranked[];
}

interface IstioGateway {
  readonly name: string;
  readonly servers: Plain[];
  readonly origins: Origin[];
}

export function ingressToIstio(workspace: Workspace): IngressConversion {
  const ctx = newContext(workspace);
  const written: Written[] = [];
  const replaced: string[] = [];
  const gateways = new Map<string, IstioGateway>();
  const pathRules: PathRule[] = [];
  const routes: { written: Written; rules: Ranked[]; parts: Origin[]; spec: Plain }[] = [];
  const canaries: IndexedIngress[] = [];
  const istioClass: IndexedIngress[] = [];
  const istioGateways = new Set<string>();
  const credentialsAt = gatewayPodsNamespace(buildCatalog(workspace));
  for (const indexed of ingressIndex(workspace).ingresses) {
    const a = nginxAnnotations(indexed.ingress.metadata.annotations);
    replaced.push(indexed.entry.id);
    if (indexed.reading === 'istio') {
      const gateway = gatewayFor(gateways, written, indexed);
      // Istio makes an HTTPS server only for a tls entry with a secretName, and already reads
      // that Secret in its gateway pods' namespace: nothing to copy.
      addTlsServers(indexed, gateway, true);
      istioGateways.add(`${indexed.ingress.metadata.namespace}/${gateway.name}`);
      istioClass.push(indexed);
      continue;
    }
    if (a.canary) {
      canaries.push(indexed);
      continue;
    }
    const gateway = gatewayFor(gateways, written, indexed);
    reportCredentials(ctx, indexed, credentialsAt);
    routes.push(...convertIngress(ctx, indexed, a, gateway, pathRules));
  }
  for (const canary of canaries) addCanary(ctx, canary, pathRules);
  written.push(...istioClassRoutes(ctx, istioClass, [...istioGateways].sort()));
  // Sorted once every canary has added its rules.
  for (const route of routes) {
    const sorted = [...route.rules].sort(
      (x, y) =>
        Number(y.redirect) - Number(x.redirect) ||
        y.length - x.length ||
        Number(y.exact) - Number(x.exact),
    );
    route.spec.http = sorted.map((r) => r.rule);
    route.parts.push(...sorted.map((r) => r.origin));
    written.push(route.written);
  }
  return { written, losses: ctx.losses, replaced };
}

function gatewayFor(
  gateways: Map<string, IstioGateway>,
  written: Written[],
  indexed: IndexedIngress,
): IstioGateway {
  const { namespace } = indexed.ingress.metadata;
  const name = indexed.className || 'ingress';
  const key = `${namespace}/${name}`;
  const found = gateways.get(key);
  if (found) return found;
  const servers: Plain[] = [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }];
  const origins: Origin[] = [{ resource: indexed.entry.id, path: 'spec.rules' }];
  const gateway = { name, servers, origins };
  gateways.set(key, gateway);
  written.push({
    id: resourceId('Gateway', namespace, name),
    comment: `Converted from the Ingresses of class ${indexed.className ?? '(none)'} in ${namespace}`,
    plain: {
      apiVersion: API,
      kind: 'Gateway',
      metadata: { name, namespace },
      spec: { selector: { istio: 'ingressgateway' }, servers },
    },
    origin: { resource: { resource: indexed.entry.id, path: 'spec' }, parts: origins },
  });
  return gateway;
}

/**
 * An HTTPS server per `spec.tls` entry (`withSecret`: only those with a secretName, as Istio's
 * Ingress support); the hosts it covers ('' for every host).
 */
function addTlsServers(
  indexed: IndexedIngress,
  gateway: IstioGateway,
  withSecret = false,
): Set<string> {
  const covered = new Set<string>();
  indexed.ingress.tls.forEach((tls, t) => {
    if (withSecret && !tls.secretName) return;
    const hosts = tls.hosts.length ? tls.hosts : ['*'];
    for (const host of tls.hosts.length ? tls.hosts : ['']) covered.add(host);
    gateway.servers.push({
      port: { number: 443, name: `https-${gateway.servers.length}`, protocol: 'HTTPS' },
      hosts,
      tls: { mode: 'SIMPLE', credentialName: tls.secretName ?? '' },
    });
    gateway.origins.push({ resource: indexed.entry.id, path: `spec.tls[${t}]` });
  });
  return covered;
}

function convertIngress(
  ctx: Ctx,
  indexed: IndexedIngress,
  a: NginxAnnotations,
  gateway: IstioGateway,
  pathRules: PathRule[],
): { written: Written; rules: Ranked[]; parts: Origin[]; spec: Plain }[] {
  const { ingress } = indexed;
  const { name, namespace } = ingress.metadata;
  const tls = addTlsServers(indexed, gateway);
  reportAnnotations(ctx, ingress, a);
  reportController(ctx, indexed);
  reportWildcardHosts(ctx, indexed, 'Istio');
  const out: { written: Written; rules: Ranked[]; parts: Origin[]; spec: Plain }[] = [];
  for (const { host, name: routeName } of routeHosts(indexed)) {
    const redirect = ((tls.has(host) || tls.has('')) && a.sslRedirect) || a.forceSslRedirect;
    if (redirect && !a.preserveTrailingSlash)
      lose(
        ctx,
        ingress,
        a.forceSslRedirect ? annotationPath('force-ssl-redirect') : 'spec.tls',
        'ingress-nginx drops a trailing / from the HTTPS redirect location (unless preserve-trailing-slash); Istio keeps the path as it is',
      );
    const rules: Ranked[] = [];
    for (const at of indexed.paths) {
      if (at.host !== host) continue;
      const field = ingressPathField(at);
      const origin = { resource: indexed.entry.id, path: field };
      const path = at.value.path || '/';
      const pathType = at.value.pathType ?? 'ImplementationSpecific';
      const regex = ctx.regexHosts.has(host.toLowerCase());
      const match = uriMatches(path, pathType, regex);
      const rank = { length: path.length, exact: pathType === 'Exact' && !regex };
      if (redirect)
        rules.push({
          ...rank,
          redirect: true,
          origin,
          rule: {
            match: match.map((m) => ({ ...m, port: 80 })),
            redirect: { scheme: 'https', redirectCode: 308 },
          },
        });
      const rule: Plain = { match, ...actions(a) };
      const destination = destinationOf(ctx, ingress, at.value.backend, `${field}.backend`);
      if (!rule.redirect) rule.route = destination ? [destination] : [];
      const entry: Ranked = { ...rank, redirect: false, origin, rule };
      rules.push(entry);
      pathRules.push({ host, path, namespace, entry, rules });
    }
    if (ingress.defaultBackend) {
      const destination = destinationOf(
        ctx,
        ingress,
        ingress.defaultBackend,
        'spec.defaultBackend',
      );
      rules.push({
        redirect: false,
        length: -1,
        exact: false,
        origin: { resource: indexed.entry.id, path: 'spec.defaultBackend' },
        rule: { route: destination ? [destination] : [] },
      });
    }
    const parts: Origin[] = [];
    const spec: Plain = { hosts: [host || '*'], gateways: [gateway.name] };
    out.push({
      rules,
      parts,
      spec,
      written: {
        id: resourceId('VirtualService', namespace, routeName),
        comment: `Converted from Ingress ${namespace}/${name}${host ? ` (host ${host})` : ''}`,
        plain: {
          apiVersion: API,
          kind: 'VirtualService',
          metadata: { name: routeName, namespace },
          spec,
        },
        origin: { resource: { resource: indexed.entry.id, path: 'spec' }, parts },
      },
    });
  }
  return out;
}

/**
 * Istio reads a credentialName in its gateway pods' namespace, ingress-nginx the Secret in the
 * Ingress's: a Secret elsewhere must be copied there (the name is kept, as Istio's own Ingress
 * conversion keeps it).
 */
function reportCredentials(ctx: Ctx, indexed: IndexedIngress, podsNamespace: string): void {
  const { namespace } = indexed.ingress.metadata;
  if (namespace === podsNamespace) return;
  indexed.ingress.tls.forEach((tls, t) => {
    if (!tls.secretName) return;
    lose(
      ctx,
      indexed.ingress,
      `spec.tls[${t}].secretName`,
      `copy Secret ${namespace}/${tls.secretName} to ${podsNamespace}: Istio's gateway reads credentialName in its own namespace`,
    );
  });
}

/** The uri matches of a path as ingress-nginx reads it. */
function uriMatches(path: string, pathType: string, regex: boolean): Plain[] {
  // nginx's `~* "^path"`: case-insensitive and anchored at the start only; Envoy's RE2 matches
  // the whole path, hence the `.*`, and takes `(?i)` for the case.
  if (regex) return [{ uri: { regex: `(?i)${path}.*` } }];
  if (pathType === 'Exact') return [{ uri: { exact: path } }];
  if (pathType !== 'Prefix' || path === '/') return [{ uri: { prefix: path } }];
  // ingress-nginx: the location `p/` and the exact location `= p`.
  return [{ uri: { exact: path } }, { uri: { prefix: path.endsWith('/') ? path : `${path}/` } }];
}

/** The redirect or rewrite every rule of the Ingress gets from its annotations. */
function actions(a: NginxAnnotations): Plain {
  const url = a.redirect ? safeUrl(a.redirect.url) : undefined;
  if (a.redirect && url)
    return {
      redirect: {
        scheme: url.protocol.replace(':', ''),
        authority: url.host,
        uri: url.pathname,
        redirectCode: a.redirect.code,
      },
    };
  const rewrite: Plain = {};
  if (a.rewriteTarget !== undefined && !/\$\d/.test(a.rewriteTarget))
    rewrite.uriRegexRewrite = { match: '/.*', rewrite: a.rewriteTarget };
  if (a.upstreamVhost) rewrite.authority = a.upstreamVhost;
  return Object.keys(rewrite).length ? { rewrite } : {};
}

function destinationOf(
  ctx: Ctx,
  ingress: Ingress,
  backend: IngressBackend | undefined,
  field: string,
): Plain | undefined {
  const found = serviceBackend(ctx, ingress, backend, field);
  if (!found) return undefined;
  const host = serviceFqdn(found.name, ingress.metadata.namespace);
  return {
    destination: { host, ...(found.port !== undefined ? { port: { number: found.port } } : {}) },
  };
}

/**
 * A canary Ingress adds a weighted destination or header-matched rules to the main Ingress's
 * path (`canaryHeader`: to the canary, and `never` to the main backend), ahead of its rule.
 */
function addCanary(ctx: Ctx, indexed: IndexedIngress, pathRules: PathRule[]): void {
  const { ingress } = indexed;
  for (const { canary, at, field, main } of canaryTargets(ctx, indexed, pathRules)) {
    const destination = destinationOf(ctx, ingress, at.value.backend, `${field}.backend`);
    if (!destination) continue;
    const route = main.entry.rule.route as Plain[] | undefined;
    const header = canaryHeader(canary);
    const headerRule = (value: Plain, to: Plain[], origin: Origin) => {
      const match = (main.entry.rule.match as Plain[]).map((m) => ({
        ...m,
        headers: { [header?.name.toLowerCase() ?? '']: value },
      }));
      // Ahead of the main rule of the same path (a longer rank than it, shorter than longer paths).
      main.rules.push({
        ...main.entry,
        length: main.entry.length + 0.5,
        origin,
        rule: { ...main.entry.rule, match, route: to },
      });
    };
    if (header?.never && route) headerRule({ exact: 'never' }, [...route], main.entry.origin);
    if (header)
      headerRule(header.toCanary, [destination], { resource: indexed.entry.id, path: field });
    if (canary.weight > 0 && route?.length === 1) {
      const share = Math.round((canary.weight * 100) / canary.weightTotal);
      route[0] = { ...route[0], weight: 100 - share };
      route.push({ ...destination, weight: share });
    }
  }
}
