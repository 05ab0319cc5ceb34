/**
 * What both Ingress converters (to the Gateway API and to Istio) share: the losses for
 * ingress-nginx annotations neither API can say, and a backend's Service port.
 */
import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { serviceFqdn } from '../model/hosts.ts';
import {
  type Ingress,
  type IngressBackend,
  type IngressPathAt,
  ingressPathField,
} from '../model/ingress.ts';
import {
  NGINX_PREFIX,
  type NginxAnnotations,
  type NginxCanary,
  nginxAnnotations,
  usesRegex,
} from '../model/ingressNginx.ts';
import { selects } from '../model/labels.ts';
import { resourceId } from '../model/resource.ts';
import { buildCatalog, type Catalog } from '../workspace/catalog.ts';
import { type IndexedIngress, ingressIndex } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type ServiceLookup, serviceLookup } from './services.ts';
import type { Loss } from './types.ts';

/** What an annotation's loss says to do instead, by annotation name. */
export const INSTEAD: Readonly<Record<string, string>> = {
  'canary-by-cookie':
    'the Gateway API matches headers, not cookies: match the Cookie header with a RegularExpression, or use canary-by-header',
  'app-root': 'add a rule with an Exact match on / and a RequestRedirect filter to the app root',
  'backend-protocol':
    'set appProtocol on the Service port (or a DestinationRule with TLS origination) for the upstream protocol',
};

export interface Ctx {
  readonly lookup: ServiceLookup;
  /** The hosts whose paths ingress-nginx reads as regexes (`regexHosts`). */
  readonly regexHosts: ReadonlySet<string>;
  /** Whether the input holds any Service (a missing one is then really missing). */
  readonly hasServices: boolean;
  readonly losses: Loss[];
}

export function lose(ctx: Ctx, ingress: Ingress, path: string, message: string): void {
  const { name, namespace } = ingress.metadata;
  ctx.losses.push({ resource: resourceId('Ingress', namespace, name), path, message });
}

export const annotationPath = (name: string) => `metadata.annotations["${NGINX_PREFIX}${name}"]`;

export function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Losses for the annotations the Gateway API cannot say (or says differently). */
export function reportAnnotations(ctx: Ctx, ingress: Ingress, a: NginxAnnotations): void {
  if (a.rewriteTarget !== undefined && /\$\d/.test(a.rewriteTarget))
    lose(
      ctx,
      ingress,
      annotationPath('rewrite-target'),
      'a rewrite with capture groups has no Gateway API filter: split the path into rules with ReplacePrefixMatch or ReplaceFullPath rewrites',
    );
  if (a.redirect && !safeUrl(a.redirect.url))
    lose(
      ctx,
      ingress,
      annotationPath(a.redirect.annotation),
      'the redirect target is not an absolute URL: write a RequestRedirect by hand',
    );
  if (a.appRoot) lose(ctx, ingress, annotationPath('app-root'), INSTEAD['app-root'] ?? '');
  if (a.backendProtocol !== 'HTTP')
    lose(ctx, ingress, annotationPath('backend-protocol'), INSTEAD['backend-protocol'] ?? '');
  for (const name of a.unmodelled)
    lose(
      ctx,
      ingress,
      annotationPath(name),
      'not converted: the Gateway API has no field for this ingress-nginx annotation; configure it on the Istio gateway (EnvoyFilter or policy) if still needed',
    );
}

/** The Service and port number a backend names (undefined for a resource backend: a loss). */
export function serviceBackend(
  ctx: Ctx,
  ingress: Ingress,
  backend: IngressBackend | undefined,
  field: string,
): { name: string; port: number | undefined } | undefined {
  const service = backend?.service;
  if (!service) {
    lose(
      ctx,
      ingress,
      field,
      'only Service backends are converted: a resource backend has no backendRef',
    );
    return undefined;
  }
  const { namespace } = ingress.metadata;
  let port = service.port;
  const known = ctx.lookup.service(serviceFqdn(service.name, namespace));
  if (!known && ctx.hasServices)
    lose(
      ctx,
      ingress,
      `${field}.service.name`,
      `Service ${namespace}/${service.name} is not in the input: ingress-nginx answers 503 for it, the Gateway API 500`,
    );
  if (port === undefined && service.portName !== undefined) {
    const found = known?.ports.find((p) => p.name === service.portName);
    port = found?.port;
    if (port === undefined)
      lose(
        ctx,
        ingress,
        `${field}.service.port.name`,
        `the named port "${service.portName}" needs its number and Service ${namespace}/${service.name} is not in the input: add the port number to the backendRef`,
      );
  }
  return { name: service.name, port };
}

export function newContext(workspace: Workspace): Ctx {
  const catalog = buildCatalog(workspace);
  return {
    lookup: serviceLookup(catalog),
    regexHosts: regexHosts(ingressIndex(workspace).ingresses),
    hasServices: catalog.services.length > 0,
    losses: [],
  };
}

/**
 * The hosts (lower case, '' for rules without host) whose every path ingress-nginx reads as a
 * case-insensitive regex: those where one main Ingress asks (`use-regex`, or a `rewrite-target`
 * other than its paths), whichever Ingress of the host a path belongs to, as nginx's server for
 * the host holds them all.
 */
function regexHosts(ingresses: readonly IndexedIngress[]): Set<string> {
  const out = new Set<string>();
  for (const indexed of ingresses) {
    const a = nginxAnnotations(indexed.ingress.metadata.annotations);
    if (indexed.reading === 'istio' || a.canary) continue;
    for (const host of new Set(indexed.paths.map((p) => p.host.toLowerCase()))) {
      const paths = indexed.paths.filter((p) => p.host.toLowerCase() === host);
      if (
        usesRegex(
          a,
          paths.map((p) => p.value.path),
        )
      )
        out.add(host);
    }
  }
  return out;
}

/**
 * The hosts an Ingress's routes are written for, in rule order ('' for every host: rules without
 * one and the defaultBackend), each with its route's name: the Ingress's own when there is one
 * host, else `<ingress>-<host>` (nginx merges a host written twice into one server).
 * The defaultBackend is a catch-all rule of each.
 */
export function routeHosts(indexed: IndexedIngress): { host: string; name: string }[] {
  const hosts: string[] = [];
  for (const at of indexed.paths) if (!hosts.includes(at.host)) hosts.push(at.host);
  // ingress-nginx: the defaultBackend serves the unmatched paths of the Ingress's hosts; every
  // host only when the Ingress has no rules.
  if (indexed.ingress.defaultBackend && hosts.length === 0) hosts.push('');
  const { name } = indexed.ingress.metadata;
  return hosts.map((host) => ({
    host,
    name:
      hosts.length === 1 ? name : `${name}-${host ? host.replace(/\*/g, 'wildcard') : 'default'}`,
  }));
}

/** A path of a main (not canary) Ingress, as converted. */
export interface MainPath {
  readonly host: string;
  readonly path: string;
  readonly namespace: string;
}

/**
 * The paths of a canary Ingress with the main Ingress path each adds to (same namespace, host and
 * path, as ingress-nginx merges canaries); a path without one, and a cookie canary, are losses.
 */
export function canaryTargets<T extends MainPath>(
  ctx: Ctx,
  indexed: IndexedIngress,
  mains: readonly T[],
): { canary: NginxCanary; at: IngressPathAt; field: string; main: T }[] {
  const { ingress } = indexed;
  const canary = nginxAnnotations(ingress.metadata.annotations).canary;
  if (!canary) return [];
  if (canary.cookie)
    lose(ctx, ingress, annotationPath('canary-by-cookie'), INSTEAD['canary-by-cookie'] ?? '');
  if (canary.headerPattern)
    lose(
      ctx,
      ingress,
      annotationPath('canary-by-header-pattern'),
      'a header pattern is converted as a regex header match; check the pattern reads the same in RE2',
    );
  const out: { canary: NginxCanary; at: IngressPathAt; field: string; main: T }[] = [];
  for (const at of indexed.paths) {
    const field = ingressPathField(at);
    const path = at.value.path || '/';
    const main = mains.find(
      (r) => r.namespace === ingress.metadata.namespace && r.host === at.host && r.path === path,
    );
    if (main) out.push({ canary, at, field, main });
    else
      lose(
        ctx,
        ingress,
        field,
        'no main Ingress serves this host and path: a canary alone is not served by ingress-nginx',
      );
  }
  return out;
}

/**
 * The namespace of the pods Istio's Ingress support (and the converted Gateway, selector
 * `istio: ingressgateway`) runs on: the first such workload's, else the default install's
 * `istio-system`. Istio reads a credentialName Secret there.
 */
export function gatewayPodsNamespace(catalog: Catalog): string {
  const pods = catalog.workloads.find((w) =>
    selects(DEFAULT_INGRESS.podLabels, w.object.podLabels),
  );
  return pods?.object.metadata.namespace ?? DEFAULT_INGRESS.namespace;
}

/**
 * Both converters read an Ingress as ingress-nginx does unless Istio serves its class
 * (`ingressIstioClass.ts`); one another controller serves says so.
 */
export function reportController(ctx: Ctx, indexed: IndexedIngress): void {
  if (indexed.reading === 'nginx' || indexed.reading === 'istio') return;
  lose(
    ctx,
    indexed.ingress,
    'spec.ingressClassName',
    `converted as ingress-nginx reads it, but its class ${indexed.className ?? '(none)'} is served by ${indexed.controller ?? 'no known controller'}: check ImplementationSpecific paths and the annotations`,
  );
}

/**
 * What a canary by header matches, as ingress-nginx's balancer.lua decides: the header equal to
 * `canary-by-header-value`, or matching `canary-by-header-pattern` anywhere in the value
 * (`ngx.re.match` searches; RE2 matches the whole value, hence `.*(?:…).*`), or else `always`,
 * sends to the canary; without a value or pattern `never` keeps the request on the main backend
 * whatever the weight. Any other value decides nothing: the request falls through to the weight.
 */
export function canaryHeader(
  canary: NginxCanary,
): { name: string; toCanary: { exact: string } | { regex: string }; never: boolean } | undefined {
  if (!canary.header) return undefined;
  if (canary.headerValue)
    return { name: canary.header, toCanary: { exact: canary.headerValue }, never: false };
  if (canary.headerPattern)
    return {
      name: canary.header,
      toCanary: { regex: `.*(?:${canary.headerPattern}).*` },
      never: false,
    };
  return { name: canary.header, toCanary: { exact: 'always' }, never: true };
}

/**
 * ingress-nginx (and the Ingress spec) read a host `*.foo.com` as exactly one label
 * (`^[\w-]+\.foo\.com$`); Istio's hosts and the Gateway API's hostnames as any number of them.
 * No host says "one label", so every wildcard host is a loss (verify explains by it only a
 * request whose host is deeper: `wildcardTooDeep`).
 */
export function reportWildcardHosts(ctx: Ctx, indexed: IndexedIngress, target: string): void {
  indexed.ingress.rules.forEach((rule, r) => {
    const host = rule.host ?? '';
    if (!host.startsWith('*.')) return;
    const suffix = host.slice(1);
    lose(
      ctx,
      indexed.ingress,
      `spec.rules[${r}].host`,
      `ingress-nginx serves ${host} for one label only (a${suffix}); ${target} matches deeper names too (b.a${suffix}): accept that they now reach these paths, or route each deeper name that must not elsewhere, by a host of its own`,
    );
  });
}

/** Whether `host` is one a wildcard Ingress host covers beyond its one label (`b.a.foo.com` for `*.foo.com`). */
export function wildcardTooDeep(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return false;
  const suffix = ruleHost.slice(1).toLowerCase();
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name.endsWith(suffix) && name.slice(0, -suffix.length).includes('.');
}
