import type { Listener } from '../../model/gatewayApi.ts';
import type {
  GatewayRoute,
  GRPCRouteMatch,
  HTTPRouteMatch,
  RouteFilter,
} from '../../model/gatewayRoutes.ts';
import { listenerRouteKinds } from '../../model/routeAttachment.ts';

/**
 * One-line texts for the Gateway API's rows: a rule's matches and filters, a listener's port,
 * hostname, TLS and allowed routes. Pure, tested without React (gatewayApiSummaries.test.ts).
 */

/** How many match texts a rule row spells out before it says `+N`. */
const SHOWN_MATCHES = 2;

/** `Exact /productpage`, `PathPrefix /api · GET · 2 headers · 1 query`. */
export function httpMatchText(match: HTTPRouteMatch): string {
  const parts = [`${match.path.type} ${match.path.value}`];
  if (match.method) parts.push(match.method);
  parts.push(...counts(match.headers.length, match.queryParams.length));
  return parts.join(' · ');
}

/** `Exact helloworld.Greeter/SayHello`, `any method · 1 header`. */
export function grpcMatchText(match: GRPCRouteMatch): string {
  const method = match.method;
  const parts = [
    method && (method.service || method.method)
      ? `${method.type} ${method.service ?? '*'}/${method.method ?? '*'}`
      : 'any method',
  ];
  parts.push(...counts(match.headers.length, 0));
  return parts.join(' · ');
}

function counts(headers: number, query: number): string[] {
  const out: string[] = [];
  if (headers > 0) out.push(`${headers} header${headers === 1 ? '' : 's'}`);
  if (query > 0) out.push(`${query} query`);
  return out;
}

/**
 * A rule's matches, any of which selects it: the first two spelled out, the rest counted
 * (`Exact /productpage, PathPrefix /static +3`). TLS and TCP rules match every connection the
 * route takes; an HTTP rule that writes no match takes every request (`PathPrefix /`).
 */
export function gatewayRuleMatch(route: GatewayRoute, index: number): string {
  const texts =
    route.kind === 'HTTPRoute'
      ? route.rules[index]?.matchesWritten
        ? route.rules[index].matches.map(httpMatchText)
        : []
      : route.kind === 'GRPCRoute'
        ? (route.rules[index]?.matches ?? [])
            .filter((m) => m.method !== undefined || m.headers.length > 0)
            .map(grpcMatchText)
        : [];
  if (texts.length === 0)
    return route.kind === 'HTTPRoute' || route.kind === 'GRPCRoute'
      ? 'any request'
      : 'any connection';
  const more = texts.length - SHOWN_MATCHES;
  return texts.slice(0, SHOWN_MATCHES).join(', ') + (more > 0 ? ` +${more}` : '');
}

/**
 * What a rule does besides routing, as short tags: `redirect 301`, `rewrite /v2`, `headers`,
 * `mirror`, a filter of another kind by its type, `timeout 5s`. Filters on a backendRef count
 * too: they shape the requests sent there.
 */
export function gatewayRuleTags(route: GatewayRoute, index: number): string[] {
  const rule = route.rules[index];
  if (!rule) return [];
  const filters: RouteFilter[] = 'filters' in rule ? [...(rule.filters as RouteFilter[])] : [];
  for (const ref of rule.backendRefs) filters.push(...ref.filters);
  const tags: string[] = [];
  for (const filter of filters) {
    const tag = filterTag(filter);
    if (!tags.includes(tag)) tags.push(tag);
  }
  const timeout = 'timeouts' in rule ? rule.timeouts?.request : undefined;
  if (timeout) tags.push(`timeout ${timeout}`);
  return tags;
}

function filterTag(filter: RouteFilter): string {
  switch (filter.type) {
    case 'RequestRedirect':
      return `redirect ${filter.statusCode}${filter.scheme ? ` ${filter.scheme}` : ''}`;
    case 'URLRewrite': {
      const path = filter.path?.value;
      return path !== undefined ? `rewrite ${path}` : 'rewrite host';
    }
    case 'RequestHeaderModifier':
    case 'ResponseHeaderModifier':
      return 'headers';
    case 'RequestMirror':
      return 'mirror';
    default:
      return filter.written || 'filter';
  }
}

/** A listener as its row shows it. */
export interface ListenerSummary {
  /** `80 HTTP`. */
  readonly port: string;
  /** `*.example.com`, or `any hostname`. */
  readonly hostname: string;
  /** `TLS Terminate · wildcard-cert`, or undefined without TLS. */
  readonly tls: string | undefined;
  /** Which routes may attach: `from Same · HTTPRoute, GRPCRoute`. */
  readonly allowed: string;
}

export function listenerSummary(listener: Listener): ListenerSummary {
  const tls = listener.tls;
  const certs = tls?.certificateRefs.map((ref) => ref.name).join(', ');
  const { from, selector } = listener.allowedRoutes;
  const fromText =
    from === 'Selector' && selector
      ? `Selector ${Object.entries(selector.matchLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}`.trim()
      : from;
  const kinds = listenerRouteKinds(listener);
  return {
    port: `${listener.port ?? '?'} ${listener.protocol || '?'}`,
    hostname: listener.hostname || 'any hostname',
    tls: tls ? `TLS ${tls.mode}${certs ? ` · ${certs}` : ''}` : undefined,
    allowed: `from ${fromText} · ${kinds.length > 0 ? kinds.join(', ') : 'no route kinds'}`,
  };
}
