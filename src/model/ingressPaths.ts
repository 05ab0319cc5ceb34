/**
 * Which rule and path of Kubernetes Ingresses answer a request: the one answer for the graph,
 * checks, converters and simulator. Three readings, named by `IngressReading`:
 *
 * - `spec`: the Kubernetes Ingress documentation's table (concepts/services-networking/ingress,
 *   "Examples"): Exact compares the whole path; Prefix compares whole path elements split by `/`,
 *   a trailing slash ignored on both sides (`/foo` matches `/foo`, `/foo/`, `/foo/bar`, not
 *   `/foobar`); ImplementationSpecific as ingress-nginx treats it; the longest path wins, Exact
 *   over Prefix at equal length; `*.foo.com` stands for exactly one label.
 * - `nginx`: ingress-nginx's locations (internal/ingress/controller/location.go and
 *   template.go `buildLocation`): a Prefix path `p` becomes the nginx prefix location `p/` plus
 *   the exact location `= p` (so Prefix `/foo/` does not take `/foo`); ImplementationSpecific is
 *   a plain nginx prefix (`/foo` takes `/foobar`). When any path of a host uses `use-regex` or a
 *   `rewrite-target`, every path of that host is the case-insensitive regex `~* "^path"`, tried
 *   longest first. Wildcard hosts become `^[\w-]+\.foo\.com$` (`buildServerName`): one label.
 * - `istio`: Istio's own Ingress conversion (pilot/pkg/config/kube/ingress/virtualservices.go):
 *   Exact stays exact; Prefix becomes Envoy's `path_separated_prefix` (trailing slash dropped,
 *   `/` takes everything); ImplementationSpecific (and no pathType) falls back to a prefix when the
 *   path ends in `/*` or `.*`, matches everything for ``, `*`, `/*`, `.*`, and is exact otherwise;
 *   routes sorted by path length, Exact first at equal length. Hosts are Envoy domains: a wildcard
 *   stands for any number of labels.
 */

import { mostSpecificHost } from './hosts.ts';
import { compileRegex } from './regex.ts';

export type IngressReading = 'spec' | 'nginx' | 'istio';

/** How one path compares request paths. */
export interface PathMatcher {
  /**
   * `exact`: equal; `prefix`: a plain string prefix; `elements`: whole path elements;
   * `regex`: a case-insensitive regex anchored at the start only; `all`: every path.
   */
  readonly kind: 'exact' | 'prefix' | 'elements' | 'regex' | 'all';
  readonly value: string;
  /** The length the controller sorts by (longest first). */
  readonly length: number;
  /**
   * ingress-nginx's exact copy of a Prefix location: not created when an Exact path of the same
   * value exists (location.go `updateServerLocations`), so a written Exact wins over it.
   */
  readonly copy?: true;
}

/** The written path and pathType of one Ingress path. */
export interface PathSpec {
  readonly path: string | undefined;
  readonly pathType: string | undefined;
}

/**
 * The matchers a path becomes under a reading. `regex` says the host's paths are regexes
 * (ingress-nginx's `use-regex` or a `rewrite-target` on any path of the host); ignored by `istio`.
 * ingress-nginx turns one Prefix path into two locations, hence a list.
 */
export function pathMatchers(
  spec: PathSpec,
  reading: IngressReading,
  regex = false,
): PathMatcher[] {
  const path = spec.path || '/';
  const type = spec.pathType ?? 'ImplementationSpecific';
  if (reading === 'istio') return [istioMatcher(spec.path ?? '', spec.pathType)];
  if (regex) return [{ kind: 'regex', value: path, length: path.length }];
  if (type === 'Exact') return [{ kind: 'exact', value: path, length: path.length }];
  if (type === 'Prefix') {
    if (reading === 'spec') return [elements(path)];
    if (path === '/') return [{ kind: 'prefix', value: '/', length: 1 }];
    const slashed = path.endsWith('/') ? path : `${path}/`;
    return [
      { kind: 'prefix', value: slashed, length: slashed.length },
      { kind: 'exact', value: path, length: path.length, copy: true },
    ];
  }
  return [{ kind: 'prefix', value: path, length: path.length }];
}

function elements(path: string): PathMatcher {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === ''
    ? { kind: 'all', value: '/', length: 1 }
    : { kind: 'elements', value: trimmed, length: path.length };
}

/** Istio's `createFallbackStringMatch` and Prefix/Exact handling. */
function istioMatcher(path: string, pathType: string | undefined): PathMatcher {
  if (pathType === 'Exact') return { kind: 'exact', value: path, length: path.length };
  if (pathType === 'Prefix') return istioPrefix(path);
  if (path === '' || path === '*' || path === '/*' || path === '.*')
    return { kind: 'all', value: '', length: 0 };
  for (const suffix of ['.*', '/*'])
    if (path.endsWith(suffix)) return istioPrefix(path.slice(0, -suffix.length));
  return { kind: 'exact', value: path, length: path.length };
}

/** A prefix under Istio's ingress route semantics: `path_separated_prefix` unless it is `/`. */
function istioPrefix(prefix: string): PathMatcher {
  if (prefix === '/') return { kind: 'prefix', value: '/', length: 1 };
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return { kind: 'elements', value: trimmed, length: prefix.length };
}

/** Whether a matcher takes a request path (the path without query). */
export function pathMatches(matcher: PathMatcher, requestPath: string): boolean {
  switch (matcher.kind) {
    case 'all':
      return true;
    case 'exact':
      return requestPath === matcher.value;
    case 'prefix':
      return requestPath.startsWith(matcher.value);
    case 'elements': {
      const rest = requestPath.slice(matcher.value.length);
      return requestPath.startsWith(matcher.value) && (rest === '' || rest.startsWith('/'));
    }
    case 'regex': {
      const re = compileRegex(`(?i)^(?:${matcher.value})`);
      return typeof re !== 'string' && re.matcher(requestPath).lookingAt();
    }
  }
}

/** Whether a regex path compiles (RE2 stands in for nginx's PCRE); the error otherwise. */
export function pathRegexProblem(path: string): string | undefined {
  const re = compileRegex(`(?i)^(?:${path})`);
  return typeof re === 'string' ? re : undefined;
}

/**
 * The candidate that answers `requestPath` under a reading, among the paths of one host (in
 * the order the controller holds them: Ingress order, then YAML order). Each candidate brings
 * its matchers from `pathMatchers`.
 *
 * - `spec` and `istio`: sorted by length, longest first, Exact before others at equal length
 *   (Istio's `sortHTTPRoutes`, stable); the first that matches.
 * - `nginx`: an exact location that matches wins; else the longest matching prefix location;
 *   regex locations (all of them when the host uses regexes) are tried longest first, then by
 *   path in descending order (ingress-nginx's two stable sorts), the first match wins.
 */
export function pickPath<T extends { readonly matchers: readonly PathMatcher[] }>(
  candidates: readonly T[],
  requestPath: string,
  reading: IngressReading,
): { candidate: T; matcher: PathMatcher } | undefined {
  const flat = candidates.flatMap((candidate) =>
    candidate.matchers.map((matcher) => ({ candidate, matcher })),
  );
  const matching = (list: typeof flat) => list.find((c) => pathMatches(c.matcher, requestPath));
  if (reading !== 'nginx') {
    const sorted = [...flat].sort(
      (a, b) =>
        b.matcher.length - a.matcher.length ||
        Number(b.matcher.kind === 'exact') - Number(a.matcher.kind === 'exact'),
    );
    return matching(sorted);
  }
  const exacts = flat.filter((c) => c.matcher.kind === 'exact');
  const exact = matching([
    ...exacts.filter((c) => !c.matcher.copy),
    ...exacts.filter((c) => c.matcher.copy),
  ]);
  if (exact) return exact;
  const prefixes = flat
    .filter((c) => c.matcher.kind === 'prefix' || c.matcher.kind === 'all')
    .filter((c) => pathMatches(c.matcher, requestPath))
    .sort((a, b) => b.matcher.value.length - a.matcher.value.length);
  if (prefixes[0]) return prefixes[0];
  const regexes = flat
    .filter((c) => c.matcher.kind === 'regex')
    .sort((a, b) =>
      a.matcher.value < b.matcher.value ? 1 : a.matcher.value > b.matcher.value ? -1 : 0,
    )
    .sort((a, b) => b.matcher.value.length - a.matcher.value.length);
  return matching(regexes);
}

/**
 * Whether a rule's host takes a request's host (no port, any case). An empty rule host takes
 * every host; `*.foo.com` takes one label before `foo.com` (`spec`, `nginx`) or any number of
 * them (`istio`, Envoy's suffix domains), never `foo.com` itself.
 */
export function ingressHostMatches(
  ruleHost: string,
  host: string,
  reading: IngressReading,
): boolean {
  const rule = ruleHost.toLowerCase();
  const name = host.toLowerCase();
  if (rule === '' || rule === '*') return true;
  if (!rule.startsWith('*.')) return rule === name;
  const suffix = rule.slice(1);
  if (!name.endsWith(suffix) || name.length === suffix.length) return false;
  const label = name.slice(0, -suffix.length);
  return reading === 'istio' || /^[^.]+$/.test(label);
}

/**
 * The rule host that answers a request's host among the hosts Ingress rules name (`''` for a
 * rule without host): the host itself, else the most specific wildcard that takes it, else the
 * rules without host. Controllers pick the host first, then a path among that host's paths only.
 */
export function pickIngressHost(
  ruleHosts: Iterable<string>,
  host: string,
  reading: IngressReading,
): string | undefined {
  const hosts = [...new Set(ruleHosts)];
  const named = hosts.filter((h) => h !== '' && ingressHostMatches(h, host, reading));
  const best = mostSpecificHost(host, named);
  if (best !== undefined) return best;
  return hosts.includes('') ? '' : undefined;
}

/** The request path without its query string. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}
