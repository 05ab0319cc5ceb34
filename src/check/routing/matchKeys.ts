import { isRecord } from '../../model/read.ts';

/** Map-typed fields of `HTTPMatchRequest` / `L4MatchAttributes` / `TLSMatchAttributes`. */
const MAP_FIELDS = new Set(['headers', 'queryParams', 'withoutHeaders', 'sourceLabels']);

/**
 * A canonical text for a match, equal for two matches exactly when Istio's `asJSON`
 * (pkg/config/validation/validation.go) gives the same JSON: the Go struct's serialisation, which
 * leaves out the match `name` (http only), zero scalars (`false`, `0`, `""`), empty lists and
 * empty maps, but keeps an empty message such as `uri: {}`.
 */
export function matchKey(match: unknown, http: boolean): string {
  if (!isRecord(match)) return JSON.stringify(match ?? null);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(match).sort()) {
    if (http && key === 'name') continue;
    const value = match[key];
    if (value === null || value === undefined || value === false || value === 0 || value === '')
      continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (MAP_FIELDS.has(key) && isRecord(value) && Object.keys(value).length === 0) continue;
    out[key] = sorted(value);
  }
  return JSON.stringify(out);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sorted(value[key]);
  return out;
}

/** `exact:` or `prefix:` and the value, as `assignExactOrPrefix`; regex and absent give ''. */
function exactOrPrefix(value: unknown): string {
  if (!isRecord(value)) return '';
  if (typeof value.exact === 'string' && value.exact !== '') return `exact:${value.exact}`;
  if (typeof value.prefix === 'string' && value.prefix !== '') return `prefix:${value.prefix}`;
  return '';
}

/** What `genMatchHTTPRoutes` keeps of a match with a URI prefix, for the overlap test. */
export interface PrefixMatch {
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly queryParams: ReadonlyMap<string, string>;
  readonly withoutHeaders: ReadonlyMap<string, string>;
}

/** The prefix match of `match`, or undefined when it has no non-empty `uri.prefix`. */
export function prefixMatch(match: unknown): PrefixMatch | undefined {
  if (!isRecord(match) || !isRecord(match.uri)) return undefined;
  const prefix = match.uri.prefix;
  if (typeof prefix !== 'string' || prefix === '') return undefined;
  const entries = (value: unknown) =>
    new Map(isRecord(value) ? Object.entries(value).map(([k, v]) => [k, exactOrPrefix(v)]) : []);
  return {
    prefix,
    port: typeof match.port === 'number' ? match.port : 0,
    // A match without a method is taken as GET (istio/istio#32701).
    method: exactOrPrefix(match.method) || 'exact:GET',
    authority: exactOrPrefix(match.authority),
    headers: entries(match.headers),
    queryParams: entries(match.queryParams),
    withoutHeaders: entries(match.withoutHeaders),
  };
}

/**
 * Istio's `coveredValidation`: whether the earlier prefix match `a` makes the later `b`
 * ineffective. `b`'s prefix extends `a`'s, the ports are equal, and each of method, authority
 * and the header, query and withoutHeaders maps (same keys) is equal or `a`'s starts with `b`'s
 * (Istio's own comparison, kept as it is).
 */
export function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix)) return false;
  if (a.port !== b.port) return false;
  if (!a.method.startsWith(b.method)) return false;
  if (!a.authority.startsWith(b.authority)) return false;
  return (
    mapCovers(a.headers, b.headers) &&
    mapCovers(a.queryParams, b.queryParams) &&
    mapCovers(a.withoutHeaders, b.withoutHeaders)
  );
}

function mapCovers(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !value.startsWith(other)) return false;
  }
  return true;
}
