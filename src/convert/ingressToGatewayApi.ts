/**
 * Kubernetes Ingress (as ingress-nginx serves it) to the Gateway API, for Istio's gateway
 * controller (class `istio`): one Gateway per Ingress class and namespace, one HTTPRoute per
 * Ingress host. ingress-nginx annotations the Gateway API can say become filters, weights or
 * matches; every other one is a Loss naming the annotation (compare kubernetes-sigs/ingress2gateway).
 * An Ingress of a class Istio serves is read as Istio reads it (`ingressIstioClass.ts`).
 */
import { type Ingress, type IngressBackend, ingressPathField } from '../model/ingress.ts';
import { type NginxAnnotations, nginxAnnotations } from '../model/ingressNginx.ts';
import { resourceId } from '../model/resource.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import { type IndexedIngress, ingressIndex } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { istioClassHttpRoutes, istioHosts, reportExactsOvertaken } from './ingressIstioClass.ts';
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
import { fixTrailingSlashPrefixes, type SlashPathRule } from './ingressTrailingSlash.ts';
import type { Loss, Origin, Written } from './types.ts';

const API = 'gateway.networking.k8s.io/v1';
type Plain = Record<string, unknown>;

export interface IngressConversion {
  readonly written: Written[];
  readonly losses: Loss[];
  readonly replaced: string[];
}

/**
 * A route rule written for one Ingress path, kept so a canary Ingress can add to it (`route` the
 * route's rules, `parts` their origins, index by index).
 */
interface PathRule extends SlashPathRule {
  readonly namespace: string;
}

export function ingressToGatewayApi(workspace: Workspace): IngressConversion {
  const ctx = newContext(workspace);
  const written: Written[] = [];
  const replaced: string[] = [];
  const gateways = new Map<string, { plain: Plain; listeners: Plain[]; origins: Origin[] }>();
  const pathRules: PathRule[] = [];
  const index = ingressIndex(workspace);
  const canaries: IndexedIngress[] = [];
  const podsNamespace = gatewayPodsNamespace(buildCatalog(workspace));
  const istioClass: { indexed: IndexedIngress; gateway: ReturnType<typeof gatewayFor> }[] = [];
  for (const indexed of index.ingresses) {
    const a = nginxAnnotations(indexed.ingress.metadata.annotations);
    replaced.push(indexed.entry.id);
    if (indexed.reading === 'istio') {
      // Istio serves every such Ingress on one gateway: one Gateway for the class, in the
      // gateway pods' namespace (where Istio already reads the tls Secrets), open to routes
      // from every namespace.
      const gateway = gatewayFor(gateways, written, indexed, podsNamespace);
      addTlsListeners(indexed, gateway, true);
      for (const listener of gateway.listeners)
        listener.allowedRoutes = { namespaces: { from: 'All' } };
      istioClass.push({ indexed, gateway });
      continue;
    }
    if (a.canary) {
      canaries.push(indexed);
      continue;
    }
    const gateway = gatewayFor(gateways, written, indexed);
    written.push(...convertIngress(ctx, indexed, a, gateway, pathRules));
  }
  fixTrailingSlashPrefixes(pathRules);
  for (const canary of canaries) addCanary(ctx, canary, pathRules);
  // Written once every listener is there (a later Ingress may add an HTTPS one).
  const hosted = new Set(
    istioClass.flatMap(({ indexed }) => indexed.paths.map((p) => p.host.toLowerCase())),
  );
  const byHost = istioHosts(
    ctx,
    istioClass.map((i) => i.indexed),
    'gateway-api',
  );
  reportExactsOvertaken(ctx, byHost);
  const routed = [...byHost.values()].flat().sort((a, b) => a.at.index - b.at.index);
  for (const { indexed, gateway } of istioClass) {
    const own = routed.filter((r) => r.indexed === indexed);
    written.push(...istioClassHttpRoutes(indexed, own, gateway, hosted));
  }
  return { written, losses: ctx.losses, replaced };
}

/** The Gateway of the Ingress's class in its namespace (or `namespace`), written once; its listeners grow. */
function gatewayFor(
  gateways: Map<string, { plain: Plain; listeners: Plain[]; origins: Origin[] }>,
  written: Written[],
  indexed: IndexedIngress,
  namespace = indexed.ingress.metadata.namespace,
): { name: string; namespace: string; listeners: Plain[]; origins: Origin[] } {
  const name = indexed.className || 'ingress';
  const key = `${namespace}/${name}`;
  let found = gateways.get(key);
  if (!found) {
    const listeners: Plain[] = [{ name: 'http', port: 80, protocol: 'HTTP' }];
    const origins: Origin[] = [{ resource: indexed.entry.id, path: 'spec.rules' }];
    const plain: Plain = {
      apiVersion: API,
      kind: 'Gateway',
      metadata: { name, namespace },
      spec: { gatewayClassName: 'istio', listeners },
    };
    found = { plain, listeners, origins };
    gateways.set(key, found);
    written.push({
      id: resourceId('Gateway', namespace, name),
      comment: `Converted from the Ingresses of class ${indexed.className ?? '(none)'}${namespace === indexed.ingress.metadata.namespace ? ` in ${namespace}` : ''}`,
      plain,
      origin: { resource: { resource: indexed.entry.id, path: 'spec' }, parts: origins },
    });
  }
  return { name, namespace, listeners: found.listeners, origins: found.origins };
}

/**
 * HTTPS listeners for `spec.tls`, one per host (a tls entry without hosts: one for every host);
 * `withSecret`: only for entries with a secretName, as Istio's Ingress support.
 */
function addTlsListeners(
  indexed: IndexedIngress,
  gateway: { listeners: Plain[]; origins: Origin[] },
  withSecret = false,
): Map<string, string> {
  const byHost = new Map<string, string>();
  indexed.ingress.tls.forEach((tls, t) => {
    if (withSecret && !tls.secretName) return;
    const hosts = tls.hosts.length ? tls.hosts : [''];
    for (const host of hosts) {
      const existing = gateway.listeners.find(
        (l) => l.protocol === 'HTTPS' && (l.hostname ?? '') === host,
      );
      if (existing) {
        byHost.set(host, String(existing.name));
        continue;
      }
      const name = `https-${gateway.listeners.length}`;
      gateway.listeners.push({
        name,
        ...(host ? { hostname: host } : {}),
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ name: tls.secretName ?? '' }] },
      });
      gateway.origins.push({ resource: indexed.entry.id, path: `spec.tls[${t}]` });
      byHost.set(host, name);
    }
  });
  return byHost;
}

function convertIngress(
  ctx: Ctx,
  indexed: IndexedIngress,
  a: NginxAnnotations,
  gateway: { name: string; listeners: Plain[]; origins: Origin[] },
  pathRules: PathRule[],
): Written[] {
  const { ingress } = indexed;
  const { name, namespace } = ingress.metadata;
  const tlsListeners = addTlsListeners(indexed, gateway);
  reportAnnotations(ctx, ingress, a);
  reportController(ctx, indexed);
  reportWildcardHosts(ctx, indexed, 'the Gateway API');
  if (a.redirect && a.redirect.code !== 301 && a.redirect.code !== 302)
    lose(
      ctx,
      ingress,
      annotationPath(`${a.redirect.annotation}-code`),
      `the Gateway API RequestRedirect allows only 301 or 302, not ${a.redirect.code}`,
    );
  const out: Written[] = [];
  for (const { host, name: routeName } of routeHosts(indexed)) {
    const rules: Plain[] = [];
    const parts: Origin[] = [];
    for (const at of indexed.paths) {
      if (at.host !== host) continue;
      const field = ingressPathField(at);
      const refs = backendRefs(ctx, ingress, at.value.backend, `${field}.backend`);
      const pathType = at.value.pathType ?? 'ImplementationSpecific';
      const path = at.value.path || '/';
      const rule: Plain = {
        matches: [
          {
            path: pathMatch(
              ctx,
              ingress,
              field,
              path,
              pathType,
              ctx.regexHosts.has(host.toLowerCase()),
            ),
          },
        ],
      };
      const filters = ruleFilters(a);
      if (filters.length) rule.filters = filters;
      rule.backendRefs = refs;
      rules.push(rule);
      parts.push({ resource: indexed.entry.id, path: field });
      pathRules.push({
        host,
        path,
        pathType,
        namespace,
        rule,
        route: rules,
        parts,
        indexed,
        field,
      });
    }
    if (ingress.defaultBackend) {
      rules.push({
        backendRefs: backendRefs(ctx, ingress, ingress.defaultBackend, 'spec.defaultBackend'),
      });
      parts.push({ resource: indexed.entry.id, path: 'spec.defaultBackend' });
    }
    const tls = tlsListeners.get(host) ?? (host ? tlsListeners.get('') : undefined);
    // ingress-nginx redirects HTTP to HTTPS for a host with TLS unless ssl-redirect is "false";
    // force-ssl-redirect does so without TLS too.
    const redirect = (tls !== undefined && a.sslRedirect) || a.forceSslRedirect;
    const parentRefs =
      redirect && tls ? [{ name: gateway.name, sectionName: tls }] : [{ name: gateway.name }];
    const spec: Plain = { parentRefs, ...(host ? { hostnames: [host] } : {}), rules };
    out.push({
      id: resourceId('HTTPRoute', namespace, routeName),
      comment: `Converted from Ingress ${namespace}/${name}${host ? ` (host ${host})` : ''}`,
      plain: { apiVersion: API, kind: 'HTTPRoute', metadata: { name: routeName, namespace }, spec },
      origin: { resource: { resource: indexed.entry.id, path: 'spec' }, parts },
    });
    if (redirect) {
      const redirectName = `${routeName}-https-redirect`;
      const annotation = a.forceSslRedirect ? 'force-ssl-redirect' : 'ssl-redirect';
      lose(
        ctx,
        ingress,
        a.forceSslRedirect ? annotationPath(annotation) : 'spec.tls',
        'ingress-nginx redirects HTTP to HTTPS with 308; the Gateway API RequestRedirect allows only 301 or 302, so 301 is written (a client may change POST to GET)',
      );
      out.push({
        id: resourceId('HTTPRoute', namespace, redirectName),
        comment: `HTTP to HTTPS redirect of Ingress ${namespace}/${name} (${annotation})`,
        plain: {
          apiVersion: API,
          kind: 'HTTPRoute',
          metadata: { name: redirectName, namespace },
          spec: {
            parentRefs: [{ name: gateway.name, sectionName: 'http' }],
            ...(host ? { hostnames: [host] } : {}),
            // Only the paths nginx serves redirect; others stay 404 as they were.
            rules: rules.map((rule) => ({
              ...(rule.matches ? { matches: rule.matches } : {}),
              filters: [
                { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
              ],
            })),
          },
        },
        origin: {
          resource: { resource: indexed.entry.id, path: 'spec.tls' },
          parts: [{ resource: indexed.entry.id, path: 'spec.tls' }],
        },
      });
    }
  }
  return out;
}

/** Filters every rule of the Ingress gets from its annotations. */
function ruleFilters(a: NginxAnnotations): Plain[] {
  const filters: Plain[] = [];
  if (a.redirect) {
    const url = safeUrl(a.redirect.url);
    if (url) {
      const code =
        a.redirect.code === 301 || a.redirect.code === 302
          ? a.redirect.code
          : a.redirect.annotation === 'permanent-redirect'
            ? 301
            : 302;
      filters.push({
        type: 'RequestRedirect',
        requestRedirect: {
          scheme: url.protocol.replace(':', ''),
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: { type: 'ReplaceFullPath', replaceFullPath: url.pathname },
          statusCode: code,
        },
      });
      return filters;
    }
  }
  const rewrite: Plain = {};
  if (a.rewriteTarget !== undefined && !/\$\d/.test(a.rewriteTarget))
    rewrite.path = { type: 'ReplaceFullPath', replaceFullPath: a.rewriteTarget };
  if (a.upstreamVhost) rewrite.hostname = a.upstreamVhost;
  if (Object.keys(rewrite).length) filters.push({ type: 'URLRewrite', urlRewrite: rewrite });
  return filters;
}

function backendRefs(
  ctx: Ctx,
  ingress: Ingress,
  backend: IngressBackend | undefined,
  field: string,
): Plain[] {
  const found = serviceBackend(ctx, ingress, backend, field);
  return found
    ? [{ name: found.name, ...(found.port !== undefined ? { port: found.port } : {}) }]
    : [];
}

function pathMatch(
  ctx: Ctx,
  ingress: Ingress,
  field: string,
  path: string,
  pathType: string,
  regex: boolean,
): Plain {
  if (regex) {
    lose(
      ctx,
      ingress,
      `${field}.path`,
      'ingress-nginx reads this path as a case-insensitive regex anchored at the start; the Gateway API RegularExpression is case-sensitive and matches the whole path, so ".*" is appended',
    );
    return { type: 'RegularExpression', value: `${path}.*` };
  }
  if (pathType === 'Exact') return { type: 'Exact', value: path };
  if (pathType !== 'Prefix')
    lose(
      ctx,
      ingress,
      `${field}.pathType`,
      'ImplementationSpecific is a plain string prefix under ingress-nginx (/foo takes /foobar); PathPrefix matches whole path segments',
    );
  return { type: 'PathPrefix', value: path };
}

/**
 * A canary Ingress adds weights or header-matched rules to the main Ingress's rule of the same
 * host and path. The header rules keep the main rule's filters: ingress-nginx serves canary
 * traffic in the main Ingress's location, with its rewrite (a canary's own annotations other than
 * canary-* are ignored).
 */
function addCanary(ctx: Ctx, indexed: IndexedIngress, pathRules: PathRule[]): void {
  const { ingress } = indexed;
  for (const { canary, at, field, main } of canaryTargets(ctx, indexed, pathRules)) {
    const refs = backendRefs(ctx, ingress, at.value.backend, `${field}.backend`);
    const header = canaryHeader(canary);
    const headerRule = (value: Plain, to: Plain[], origin: Origin) => {
      const matches = (main.rule.matches as Plain[]).map((m) => ({
        ...m,
        headers: [{ name: header?.name, ...value }],
      }));
      const filters = main.rule.filters as Plain[] | undefined;
      main.route.push({ matches, ...(filters ? { filters } : {}), backendRefs: to });
      main.parts.push(origin);
    };
    if (header) {
      const mainRefs = (main.rule.backendRefs as Plain[]).map((ref) => ({ ...ref }));
      if (header.never)
        headerRule({ value: 'never' }, mainRefs, {
          resource: main.indexed.entry.id,
          path: main.field,
        });
      headerRule(
        'regex' in header.toCanary
          ? { type: 'RegularExpression', value: header.toCanary.regex }
          : { value: header.toCanary.exact },
        refs,
        { resource: indexed.entry.id, path: field },
      );
    }
    if (canary.weight > 0) {
      const mainRefs = main.rule.backendRefs as Plain[];
      for (const ref of mainRefs) ref.weight = canary.weightTotal - canary.weight;
      for (const ref of refs) mainRefs.push({ ...ref, weight: canary.weight });
    }
  }
}
