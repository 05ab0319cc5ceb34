import type { HttpMatch } from '../model/match.ts';
import { regexReplaceAll } from '../model/regex.ts';
import type {
  HeaderOperation,
  HeaderOperations,
  HttpFault,
  HttpRedirect,
  HttpRetry,
} from '../model/virtualService.ts';
import type { SimFault, SimRetries } from './types.ts';

/**
 * The part of the path Envoy's `prefix_rewrite` replaces: the matched prefix for a `prefix`
 * match (Istio's default `prefix: /` when the match has no `uri`), the whole path for `exact`
 * and `regex` matches. The query string is kept after it.
 */
export function matchedPrefixLength(match: HttpMatch | undefined, path: string): number {
  const uri = match?.uri;
  if (uri?.exact !== undefined) return path.length;
  if (uri?.prefix !== undefined) return Math.min(uri.prefix.length, path.length);
  if (uri?.regex !== undefined) return path.length;
  return 1;
}

/**
 * `rewrite.uriRegexRewrite` (Envoy `regex_rewrite`, on the path without the query) wins over
 * `rewrite.uri` (Envoy `prefix_rewrite`), as `applyHTTPRouteDestination` checks it first.
 */
export function rewritePath(
  rewrite:
    | {
        readonly uri?: string;
        readonly uriRegexRewrite?: {
          readonly match: string | undefined;
          readonly rewrite: string | undefined;
        };
      }
    | undefined,
  match: HttpMatch | undefined,
  path: string,
): { readonly path: string; readonly detail?: string } {
  const regex = rewrite?.uriRegexRewrite;
  if (regex) {
    const replaced = regexReplaceAll(regex.match ?? '', path, regex.rewrite ?? '');
    if (replaced === undefined)
      return {
        path,
        detail: `uriRegexRewrite: invalid regex ${JSON.stringify(regex.match)}, path unchanged`,
      };
    return {
      path: replaced,
      detail: `uriRegexRewrite ${JSON.stringify(regex.match)} → ${JSON.stringify(regex.rewrite)}: ${path} → ${replaced}`,
    };
  }
  if (rewrite?.uri !== undefined && rewrite.uri !== '') {
    const cut = matchedPrefixLength(match, path);
    const next = rewrite.uri + path.slice(cut);
    return {
      path: next,
      detail: `uri rewrite replaces ${JSON.stringify(path.slice(0, cut))} with ${JSON.stringify(rewrite.uri)}: ${path} → ${next}`,
    };
  }
  return { path };
}

const isInternal = (name: string) => name.startsWith(':') || name.toLowerCase() === 'host';
const isAuthority = (name: string) =>
  name.toLowerCase() === ':authority' || name.toLowerCase() === 'host';

/**
 * The authority a header operation sets (`TranslateHeadersOperations`): `set` wins over `add`.
 */
export function authorityFrom(ops: HeaderOperations | undefined): string | undefined {
  const pick = (d: Readonly<Record<string, string>> | undefined) => {
    let found: string | undefined;
    for (const [k, v] of Object.entries(d ?? {})) if (isAuthority(k)) found = v;
    return found;
  };
  return pick(ops?.request?.set) ?? pick(ops?.request?.add);
}

/**
 * Envoy's request header mutation for one level: `remove` first, then `set` (overwrite) and
 * `add` (append) in key order, as `translateAppendHeaders` sorts them. Pseudo-headers and
 * `host` are never touched here (the authority is rewritten separately).
 */
export function applyHeaderOperation(
  headers: Map<string, string>,
  op: HeaderOperation | undefined,
): string[] {
  const done: string[] = [];
  if (!op) return done;
  for (const name of op.remove ?? []) {
    if (isInternal(name)) continue;
    headers.delete(name.toLowerCase());
    done.push(`remove ${name}`);
  }
  const sorted = (d: Readonly<Record<string, string>> | undefined) =>
    Object.entries(d ?? {})
      .filter(([k]) => !isInternal(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of sorted(op.set)) {
    headers.set(k.toLowerCase(), v);
    done.push(`set ${k}: ${v}`);
  }
  for (const [k, v] of sorted(op.add)) {
    const name = k.toLowerCase();
    const existing = headers.get(name);
    headers.set(name, existing === undefined ? v : `${existing},${v}`);
    done.push(`add ${k}: ${v}`);
  }
  return done;
}

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/**
 * The `Location` of an HTTP redirect as Envoy builds it from Istio's `ApplyRedirect`: scheme
 * replaced or kept; host replaced by `authority`, else the request's with its port dropped when
 * a new port is set or the scheme changes away from that port's default; `port` or
 * `derivePort: FROM_REQUEST_PORT` (the listener port) appended unless it is the scheme's default;
 * `uri` replaces the path (the query is kept unless `uri` has its own), `prefixRewrite` only the
 * matched prefix.
 */
export function redirectLocation(
  redirect: HttpRedirect,
  request: {
    readonly scheme: 'http' | 'https';
    readonly authority: string;
    readonly path: string;
    readonly query: string;
  },
  match: HttpMatch | undefined,
  listenerPort: number,
  isTls: boolean,
): { readonly location: string; readonly status: number; readonly supported: boolean } {
  const scheme = redirect.scheme || request.scheme;
  let port: number | undefined;
  if (redirect.derivePort === 'FROM_REQUEST_PORT') port = listenerPort;
  else if (redirect.port !== undefined) port = redirect.port;
  if (port !== undefined) {
    const portScheme = redirect.scheme || (isTls ? 'https' : 'http');
    if ((port === 80 && portScheme === 'http') || (port === 443 && portScheme === 'https'))
      port = undefined;
  }
  let host: string;
  if (redirect.authority)
    host = port === undefined ? redirect.authority : stripPort(redirect.authority);
  else {
    const colon = request.authority.lastIndexOf(':');
    const requestPort =
      colon === -1 || request.authority.endsWith(']') ? '' : request.authority.slice(colon);
    const drop =
      port !== undefined ||
      (scheme !== request.scheme &&
        ((request.scheme === 'https' && requestPort === ':443') ||
          (request.scheme === 'http' && requestPort === ':80')));
    host = drop && requestPort !== '' ? request.authority.slice(0, colon) : request.authority;
  }
  const query = request.query === '' ? '' : `?${request.query}`;
  let path: string;
  if (redirect.uri) path = redirect.uri.includes('?') ? redirect.uri : redirect.uri + query;
  else if (redirect.prefixRewrite !== undefined) {
    const cut = matchedPrefixLength(match, request.path);
    path = redirect.prefixRewrite + request.path.slice(cut) + query;
  } else path = request.path + query;
  const code = redirect.redirectCode ?? 301;
  return {
    location: `${scheme}://${host}${port === undefined ? '' : `:${port}`}${path}`,
    status: code === 0 ? 301 : code,
    supported: code === 0 || REDIRECT_CODES.has(code),
  };
}

function stripPort(authority: string): string {
  const colon = authority.lastIndexOf(':');
  return colon === -1 || authority.endsWith(']') ? authority : authority.slice(0, colon);
}

/**
 * A rule's fault as Envoy's fault filter applies it (`TranslateFault`). A percentage left unset
 * is 0: Envoy's default, so such a fault never fires (istio/istio#36303, where the maintainers
 * chose to fix the docs). An abort that always fires answers for the backend.
 */
export function faultOf(fault: HttpFault | undefined): SimFault | undefined {
  if (!fault) return undefined;
  const out: { delay?: SimFault['delay']; abort?: SimFault['abort']; aborted: boolean } = {
    aborted: false,
  };
  if (fault.delay?.fixedDelay !== undefined)
    out.delay = {
      fixedDelay: fault.delay.fixedDelay,
      percentage: clampPercent(fault.delay.percentage ?? fault.delay.percent ?? 0),
    };
  const abort = fault.abort;
  if (abort && (abort.httpStatus !== undefined || abort.grpcStatus !== undefined)) {
    const percentage = clampPercent(abort.percentage ?? 0);
    out.abort = {
      httpStatus: abort.httpStatus ?? null,
      grpcStatus: abort.grpcStatus ?? null,
      percentage,
    };
    out.aborted = percentage >= 100;
  }
  return out.delay || out.abort ? (out as SimFault) : undefined;
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

const DEFAULT_RETRY_ON =
  'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';

/**
 * `retry.ConvertPolicy`: no `retries` → Istio's default (2 attempts, the default `retryOn`,
 * status 503 retriable); `attempts` ≤ 0 (or unset) disables retries; `retryOn` numbers are
 * status codes and bring `retriable-status-codes` with them.
 */
export function retriesOf(retries: HttpRetry | undefined): SimRetries | null {
  if (!retries)
    return {
      attempts: 2,
      retryOn: DEFAULT_RETRY_ON,
      retriableStatusCodes: [503],
      perTryTimeout: null,
      source: 'default',
    };
  if ((retries.attempts ?? 0) <= 0) return null;
  let retryOn = DEFAULT_RETRY_ON;
  let codes: number[] = [503];
  if (retries.retryOn) {
    const words: string[] = [];
    codes = [];
    for (const part of retries.retryOn.split(',').map((p) => p.trim())) {
      if (part === '') continue;
      if (/^\d+$/.test(part) && Number(part) >= 100 && Number(part) <= 599)
        codes.push(Number(part));
      else words.push(part);
    }
    retryOn = words.join(',');
    if (codes.length > 0 && !retryOn.includes('retriable-status-codes'))
      retryOn += retryOn === '' ? 'retriable-status-codes' : ',retriable-status-codes';
  }
  return {
    attempts: retries.attempts ?? 0,
    retryOn,
    retriableStatusCodes: codes,
    perTryTimeout: retries.perTryTimeout ?? null,
    source: 'rule',
  };
}
