/**
 * What both Ingress converters (to the Gateway API and to Istio) share: the losses for
 * ingress-nginx annotations neither API can say, and a backend's Service port.
 */
import { serviceFqdn } from '../model/hosts.ts';
import type { Ingress, IngressBackend } from '../model/ingress.ts';
import { NGINX_PREFIX, type NginxAnnotations } from '../model/ingressNginx.ts';
import { resourceId } from '../model/resource.ts';
import type { ServiceLookup } from './services.ts';
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
