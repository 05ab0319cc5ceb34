/**
 * One Gateway API match (HTTPRoute or GRPCRoute) as Istio converts it to a route match
 * (pilot/pkg/config/kube/gateway/conversion.go `createURIMatch`, `createGRPCURIMatch`,
 * `createHeadersMatch`, `createQueryParamsMatch`, `createMethodMatch`) and Envoy evaluates it:
 * a `PathPrefix` becomes a `path_separated_prefix` with its trailing `/` dropped (route.go, for
 * routes with gateway semantics), so `/foo` takes `/foo`, `/foo/` and `/foo/bar`, never `/foobar`.
 */
import type { GRPCRouteMatch, HTTPRouteMatch, ValueMatch } from '../../model/gatewayRoutes.ts';
import { type MatchCondition, testValue } from '../stringMatch.ts';

/** The path condition Envoy gets: `prefix` is path-separated unless it is `/`. */
export interface PathCondition {
  readonly kind: 'exact' | 'prefix' | 'regex';
  readonly value: string;
}

/** A match in Istio's terms: what `sortHTTPRoutes` ranks and Envoy evaluates. */
export interface RouteMatch {
  /** Undefined: no path condition (a GRPCRoute match without method): Envoy's `prefix: /`. */
  readonly path: PathCondition | undefined;
  readonly method: string | undefined;
  /** Lower-case names; for one name written twice the last entry counts (a map in Istio). */
  readonly headers: readonly ValueMatch[];
  readonly queryParams: readonly ValueMatch[];
}

export function httpRouteMatch(match: HTTPRouteMatch): RouteMatch {
  const { type, value } = match.path;
  const path: PathCondition =
    type === 'Exact'
      ? { kind: 'exact', value }
      : type === 'RegularExpression'
        ? { kind: 'regex', value }
        : // "When specified, a trailing `/` is ignored."
          {
            kind: 'prefix',
            value: value !== '/' && value.endsWith('/') ? value.slice(0, -1) : value,
          };
  return {
    path,
    method: match.method,
    headers: lastPerName(match.headers, true),
    queryParams: lastPerName(match.queryParams, false),
  };
}

/** gRPC's `/<service>/<method>` as Istio turns a method match into a path condition. */
export function grpcRouteMatch(match: GRPCRouteMatch): RouteMatch {
  const m = match.method;
  let path: PathCondition | undefined;
  if (m && (m.service || m.method)) {
    const regex = m.type === 'RegularExpression';
    if (!m.method)
      path = regex
        ? { kind: 'regex', value: `/${m.service}/.+` }
        : { kind: 'prefix', value: `/${m.service}` };
    else if (!m.service) path = { kind: 'regex', value: `/[^/]+/${m.method}` };
    else
      path = regex
        ? { kind: 'regex', value: `/${m.service}/${m.method}` }
        : { kind: 'exact', value: `/${m.service}/${m.method}` };
  }
  return {
    path,
    method: undefined,
    headers: lastPerName(match.headers, true),
    queryParams: [],
  };
}

function lastPerName(matches: readonly ValueMatch[], ignoreCase: boolean): ValueMatch[] {
  const byName = new Map<string, ValueMatch>();
  for (const m of matches) {
    const name = ignoreCase ? m.name.toLowerCase() : m.name;
    byName.set(name, { ...m, name });
  }
  return [...byName.values()];
}

/** Envoy's catch-all: path `/` (or no path) and no header, method or query condition. */
export function isCatchAll(match: RouteMatch): boolean {
  const path = match.path;
  const anyPath =
    path === undefined ||
    (path.kind === 'prefix' && path.value === '/') ||
    (path.kind === 'regex' && path.value === '.*');
  return (
    anyPath &&
    match.method === undefined &&
    match.headers.length === 0 &&
    match.queryParams.length === 0
  );
}

/** `getURIRank`: Exact 3, Prefix 2, RegularExpression 1, none -1. */
function uriRank(match: RouteMatch): number {
  switch (match.path?.kind) {
    case 'exact':
      return 3;
    case 'prefix':
      return 2;
    case 'regex':
      return 1;
    default:
      return -1;
  }
}

/**
 * `sortHTTPRoutes`: whether `a` goes before `b`, by the spec's precedence as Istio reads it:
 * the path type (Exact, then PathPrefix, then RegularExpression, Istio's choice where the spec
 * leaves regex to the implementation), the path's length in characters, a method, the number of
 * headers, the number of query params. A tie keeps the order the routes came in (stable).
 */
export function comparePrecedence(a: RouteMatch | undefined, b: RouteMatch | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  const rank = uriRank(b) - uriRank(a);
  if (rank !== 0) return rank;
  const length = (b.path?.value.length ?? 0) - (a.path?.value.length ?? 0);
  if (length !== 0) return length;
  if ((a.method === undefined) !== (b.method === undefined)) return a.method ? -1 : 1;
  if (a.headers.length !== b.headers.length) return b.headers.length - a.headers.length;
  return b.queryParams.length - a.queryParams.length;
}

export interface MatchInput {
  readonly path: string;
  readonly method: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly query: ReadonlyMap<string, string>;
}

export interface MatchVerdict {
  readonly matched: boolean;
  readonly detail: string;
}

/** Every condition of the match must hold; the detail names those that failed (or held). */
export function evaluateRouteMatch(match: RouteMatch | undefined, input: MatchInput): MatchVerdict {
  if (!match) return { matched: true, detail: 'no match conditions: every request' };
  const passed: string[] = [];
  const failed: string[] = [];
  const check = (label: string, condition: ValueCondition, value: string | undefined) => {
    const described = `${condition.kind === 'regex' ? 'RegularExpression' : 'Exact'} ${JSON.stringify(condition.value)}`;
    if (value === undefined) {
      failed.push(`${label}: absent`);
      return;
    }
    const result = testValue(condition, value);
    if (result.invalidRegex !== undefined)
      failed.push(`${label}: invalid regex (${result.invalidRegex}), matches nothing`);
    else if (result.ok) passed.push(`${label} ${described}`);
    else failed.push(`${label}: ${JSON.stringify(value)} is not ${described}`);
  };
  const path = match.path;
  if (path) {
    const verdict = pathMatches(path, input.path);
    if (verdict.ok) passed.push(`path ${describePath(path)}`);
    else
      failed.push(
        verdict.invalidRegex !== undefined
          ? `path: invalid regex (${verdict.invalidRegex}), matches nothing`
          : `path ${JSON.stringify(input.path)} is not ${describePath(path)}`,
      );
  }
  if (match.method !== undefined) {
    if (input.method === match.method) passed.push(`method ${match.method}`);
    else failed.push(`method ${input.method} is not ${match.method}`);
  }
  for (const h of match.headers)
    check(`header ${h.name}`, condition(h), input.headers.get(h.name.toLowerCase()));
  for (const q of match.queryParams)
    check(`query ${q.name}`, condition(q), input.query.get(q.name));
  if (failed.length > 0) return { matched: false, detail: failed.join('; ') };
  return {
    matched: true,
    detail: passed.length > 0 ? `matches: ${passed.join(', ')}` : 'every request',
  };
}

type ValueCondition = Extract<MatchCondition, { value: string }>;

function condition(m: ValueMatch): ValueCondition {
  return m.type === 'RegularExpression'
    ? { kind: 'regex', value: m.value }
    : { kind: 'exact', value: m.value };
}

export function describePath(path: PathCondition): string {
  const type =
    path.kind === 'exact' ? 'Exact' : path.kind === 'prefix' ? 'PathPrefix' : 'RegularExpression';
  return `${type} ${JSON.stringify(path.value)}`;
}

/** Envoy `path`, `path_separated_prefix` (`prefix` for `/`) and `safe_regex` on the path. */
export function pathMatches(
  path: PathCondition,
  value: string,
): { readonly ok: boolean; readonly invalidRegex?: string } {
  switch (path.kind) {
    case 'exact':
      return { ok: value === path.value };
    case 'prefix':
      return {
        ok:
          path.value === '/' ||
          value === path.value ||
          value.startsWith(path.value.endsWith('/') ? path.value : `${path.value}/`),
      };
    case 'regex':
      return testValue({ kind: 'regex', value: path.value }, value);
  }
}
