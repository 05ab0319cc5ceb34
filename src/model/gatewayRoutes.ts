/**
 * Gateway API routes: `HTTPRoute`, `GRPCRoute`, `TLSRoute`, `TCPRoute`. Defaults are the CRDs'
 * (a rule without `matches` matches every path, a match without `path` is `PathPrefix /`, a
 * backendRef's weight is 1, a redirect's status 302), filled in here once so that the graph,
 * checks and simulator read the same route. Rules, matches, filters and backendRefs keep their
 * list positions, so `rules[i].backendRefs[j]` here is `spec.rules[i].backendRefs[j]` in the YAML.
 */
import { GATEWAY_API_GROUP, type ObjectRef, readObjectRef } from './gatewayApi.ts';
import { defined, isRecord, list, num, record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute';

export const ROUTE_KINDS: readonly RouteKind[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'];

export interface ParentRef extends ObjectRef {
  readonly sectionName: string | undefined;
  readonly port: number | undefined;
}

export interface BackendRef extends ObjectRef {
  readonly port: number | undefined;
  /** 1 when unset, as the API defaults it; 0 sends nothing. */
  readonly weight: number;
  /** Filters that apply only to requests sent to this backend (HTTPRoute, GRPCRoute). */
  readonly filters: readonly RouteFilter[];
}

interface RouteBase extends ObjectHeader {
  readonly parentRefs: readonly ParentRef[];
  /** `spec.hostnames`; TCPRoute has none. */
  readonly hostnames: readonly string[];
  /** `metadata.creationTimestamp` as written: the oldest route wins a precedence tie. */
  readonly creationTimestamp: string | undefined;
}

export interface HTTPRoute extends RouteBase {
  readonly kind: 'HTTPRoute';
  readonly rules: readonly HTTPRouteRule[];
}

export interface GRPCRoute extends RouteBase {
  readonly kind: 'GRPCRoute';
  readonly rules: readonly GRPCRouteRule[];
}

export interface TLSRoute extends RouteBase {
  readonly kind: 'TLSRoute';
  readonly rules: readonly L4RouteRule[];
}

export interface TCPRoute extends RouteBase {
  readonly kind: 'TCPRoute';
  readonly rules: readonly L4RouteRule[];
}

export type GatewayRoute = HTTPRoute | GRPCRoute | TLSRoute | TCPRoute;

export interface HTTPRouteRule {
  readonly name: string | undefined;
  /** Never empty: a rule that writes none matches every request (`PathPrefix /`). */
  readonly matches: readonly HTTPRouteMatch[];
  /** Whether `matches` was written (false: the one default match stands in). */
  readonly matchesWritten: boolean;
  readonly filters: readonly RouteFilter[];
  readonly backendRefs: readonly BackendRef[];
  readonly timeouts: { readonly request?: string; readonly backendRequest?: string } | undefined;
}

export interface HTTPRouteMatch {
  /** Defaults to `PathPrefix` `/`. */
  readonly path: { readonly type: string; readonly value: string };
  readonly headers: readonly ValueMatch[];
  readonly queryParams: readonly ValueMatch[];
  readonly method: string | undefined;
}

/** A header or query parameter match; `type` defaults to `Exact`. */
export interface ValueMatch {
  readonly type: string;
  readonly name: string;
  readonly value: string;
}

export interface GRPCRouteRule {
  readonly name: string | undefined;
  readonly matches: readonly GRPCRouteMatch[];
  readonly filters: readonly RouteFilter[];
  readonly backendRefs: readonly BackendRef[];
}

export interface GRPCRouteMatch {
  readonly method:
    | {
        readonly type: string;
        readonly service: string | undefined;
        readonly method: string | undefined;
      }
    | undefined;
  readonly headers: readonly ValueMatch[];
}

export interface L4RouteRule {
  readonly name: string | undefined;
  readonly backendRefs: readonly BackendRef[];
}

export interface HeaderModifier {
  readonly set: readonly { readonly name: string; readonly value: string }[];
  readonly add: readonly { readonly name: string; readonly value: string }[];
  readonly remove: readonly string[];
}

/** `ReplaceFullPath` or `ReplacePrefixMatch`, with the value of the field its type names. */
export interface PathModifier {
  readonly type: string;
  readonly value: string | undefined;
}

export type RouteFilter =
  | { readonly type: 'RequestHeaderModifier'; readonly modifier: HeaderModifier }
  | { readonly type: 'ResponseHeaderModifier'; readonly modifier: HeaderModifier }
  | {
      readonly type: 'RequestRedirect';
      readonly scheme: string | undefined;
      readonly hostname: string | undefined;
      readonly path: PathModifier | undefined;
      readonly port: number | undefined;
      /** 302 when unset. */
      readonly statusCode: number;
    }
  | {
      readonly type: 'URLRewrite';
      readonly hostname: string | undefined;
      readonly path: PathModifier | undefined;
    }
  | {
      readonly type: 'RequestMirror';
      readonly backendRef: BackendRef;
      /** Share of requests mirrored, 0–100; 100 when neither `percent` nor `fraction` is set. */
      readonly percent: number;
    }
  /** Any other filter (`ExtensionRef`, `CORS`…): `written` is its `type` as written. */
  | { readonly type: 'other'; readonly written: string };

/** A filter's type as the manifest writes it. */
export function filterType(filter: RouteFilter): string {
  return filter.type === 'other' ? filter.written : filter.type;
}

const ROUTE_READERS = {
  HTTPRoute: (spec: Record<string, unknown>) => list(spec.rules, readHttpRule),
  GRPCRoute: (spec: Record<string, unknown>) => list(spec.rules, readGrpcRule),
  TLSRoute: (spec: Record<string, unknown>) => list(spec.rules, readL4Rule),
  TCPRoute: (spec: Record<string, unknown>) => list(spec.rules, readL4Rule),
} as const;

export function readRoute(raw: Record<string, unknown>): GatewayRoute {
  const kind = raw.kind as RouteKind;
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind,
    parentRefs: list(spec.parentRefs, readParentRef),
    hostnames: list(spec.hostnames, str),
    creationTimestamp: str(record(raw.metadata).creationTimestamp),
    rules: ROUTE_READERS[kind](spec),
  } as GatewayRoute;
}

export function readParentRef(raw: unknown): ParentRef {
  const ref = record(raw);
  return {
    ...readObjectRef(raw, GATEWAY_API_GROUP, 'Gateway'),
    sectionName: str(ref.sectionName),
    port: num(ref.port),
  };
}

export function readBackendRef(raw: unknown): BackendRef {
  const ref = record(raw);
  const weight = num(ref.weight);
  return {
    ...readObjectRef(raw, '', 'Service'),
    port: num(ref.port),
    weight: weight ?? 1,
    filters: list(ref.filters, readFilter),
  };
}

function readHttpRule(raw: unknown): HTTPRouteRule {
  const rule = record(raw);
  const written = Array.isArray(rule.matches) && rule.matches.length > 0;
  return {
    name: str(rule.name),
    matches: written ? list(rule.matches, readHttpMatch) : [readHttpMatch({})],
    matchesWritten: written,
    filters: list(rule.filters, readFilter),
    backendRefs: list(rule.backendRefs, readBackendRef),
    timeouts: isRecord(rule.timeouts)
      ? defined<{ request?: string; backendRequest?: string }>({
          request: str(rule.timeouts.request),
          backendRequest: str(rule.timeouts.backendRequest),
        })
      : undefined,
  };
}

function readHttpMatch(raw: unknown): HTTPRouteMatch {
  const match = record(raw);
  const path = isRecord(match.path) ? match.path : {};
  return {
    path: { type: str(path.type) ?? 'PathPrefix', value: str(path.value) ?? '/' },
    headers: list(match.headers, readValueMatch),
    queryParams: list(match.queryParams, readValueMatch),
    method: str(match.method),
  };
}

function readValueMatch(raw: unknown): ValueMatch {
  const match = record(raw);
  return {
    type: str(match.type) ?? 'Exact',
    name: str(match.name) ?? '',
    value: str(match.value) ?? '',
  };
}

function readGrpcRule(raw: unknown): GRPCRouteRule {
  const rule = record(raw);
  const matches = Array.isArray(rule.matches) && rule.matches.length > 0 ? rule.matches : [{}];
  return {
    name: str(rule.name),
    matches: list(matches, (m) => {
      const match = record(m);
      const method = isRecord(match.method) ? match.method : undefined;
      return {
        method: method && {
          type: str(method.type) ?? 'Exact',
          service: str(method.service),
          method: str(method.method),
        },
        headers: list(match.headers, readValueMatch),
      };
    }),
    filters: list(rule.filters, readFilter),
    backendRefs: list(rule.backendRefs, readBackendRef),
  };
}

function readL4Rule(raw: unknown): L4RouteRule {
  const rule = record(raw);
  return { name: str(rule.name), backendRefs: list(rule.backendRefs, readBackendRef) };
}

function readHeaderModifier(raw: unknown): HeaderModifier {
  const modifier = record(raw);
  const pairs = (value: unknown) =>
    list(value, (p) => {
      const pair = record(p);
      return { name: str(pair.name) ?? '', value: str(pair.value) ?? '' };
    });
  return { set: pairs(modifier.set), add: pairs(modifier.add), remove: list(modifier.remove, str) };
}

function readPathModifier(raw: unknown): PathModifier | undefined {
  if (!isRecord(raw)) return undefined;
  const type = str(raw.type) ?? '';
  const value = type === 'ReplaceFullPath' ? raw.replaceFullPath : raw.replacePrefixMatch;
  return { type, value: str(value) };
}

function readFilter(raw: unknown): RouteFilter {
  const filter = record(raw);
  const type = str(filter.type) ?? '';
  switch (type) {
    case 'RequestHeaderModifier':
      return { type, modifier: readHeaderModifier(filter.requestHeaderModifier) };
    case 'ResponseHeaderModifier':
      return { type, modifier: readHeaderModifier(filter.responseHeaderModifier) };
    case 'RequestRedirect': {
      const redirect = record(filter.requestRedirect);
      return {
        type,
        scheme: str(redirect.scheme),
        hostname: str(redirect.hostname),
        path: readPathModifier(redirect.path),
        port: num(redirect.port),
        statusCode: num(redirect.statusCode) ?? 302,
      };
    }
    case 'URLRewrite': {
      const rewrite = record(filter.urlRewrite);
      return { type, hostname: str(rewrite.hostname), path: readPathModifier(rewrite.path) };
    }
    case 'RequestMirror': {
      const mirror = record(filter.requestMirror);
      const fraction = record(mirror.fraction);
      const numerator = num(fraction.numerator);
      const denominator = num(fraction.denominator) ?? 100;
      const percent =
        num(mirror.percent) ??
        (numerator !== undefined && denominator > 0 ? (numerator / denominator) * 100 : 100);
      return { type, backendRef: readBackendRef(mirror.backendRef), percent };
    }
    default:
      return { type: 'other', written: type };
  }
}
