import { fail, ok, type Result } from '../model/result.ts';
import type { BackendRequest, SimRequest } from './types.ts';

/** The request as the gateway sees it on the wire. */
export interface ParsedRequest {
  readonly scheme: 'http' | 'https';
  /** The URL's host name, lower case: the TLS SNI for `https`. */
  readonly sni: string;
  /**
   * The port the client connects to on the external load balancer (80/443 when the URL has
   * none); the gateway's Service carries it to a port of the pods (`model/gatewayPorts.ts`).
   */
  readonly port: number;
  /** `:authority` as sent: the URL host with a non-default port, or the `host` header. */
  readonly authority: string;
  /** Path without the query string, as a URL parser normalises it (dot segments resolved). */
  readonly path: string;
  /** Query string without the `?`; empty when there is none. */
  readonly query: string;
  readonly method: string;
  /** Lower-case names; `host` and `:authority` are not here (they are `authority`). */
  readonly headers: ReadonlyMap<string, string>;
}

/** RFC 9110 token characters, plus `@` and `.` for Istio's `@request.auth.claims.x` names. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z@[\]]+$/;

/**
 * Reads a request, or says why it cannot: the URL does not parse, uses another scheme than
 * http/https, has no host, or a header name or the method is not a token.
 */
export function parseRequest(request: SimRequest): Result<ParsedRequest> {
  const raw = request.url.trim();
  if (raw === '') return fail('the URL is empty');
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail(`not a valid URL: ${raw}`);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https')
    return fail(`only http and https URLs can be simulated, not ${scheme}:`);
  if (url.hostname === '') return fail(`the URL has no host: ${raw}`);
  const port = url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port);

  const headers = new Map<string, string>();
  let authority = url.host.toLowerCase();
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const lower = name.trim().toLowerCase();
    if (lower === 'host' || lower === ':authority') {
      authority = String(value).trim();
      continue;
    }
    if (!HEADER_NAME.test(lower)) return fail(`not a valid header name: ${name}`);
    headers.set(lower, String(value));
  }
  const method = (request.method ?? 'GET').trim() || 'GET';
  if (!HEADER_NAME.test(method)) return fail(`not a valid method: ${method}`);

  return ok({
    scheme,
    sni: url.hostname.toLowerCase(),
    port,
    authority,
    path: url.pathname || '/',
    query: url.search.startsWith('?') ? url.search.slice(1) : '',
    method,
    headers,
  });
}

/** The host part of an authority, lower case, without a port (Envoy matches hosts ignoring the port). */
export function hostOf(authority: string): string {
  const lower = authority.toLowerCase();
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']');
    return end === -1 ? lower : lower.slice(0, end + 1);
  }
  const colon = lower.lastIndexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

/** The path with its query string, as `:path` carries it. */
export function fullPath(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/**
 * Query parameters as Envoy reads them for `query_parameters` matches: `name=value` pairs split
 * on `&`, values percent-decoded; the first value of a repeated name counts.
 */
export function queryParams(query: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (query === '') return out;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The request as the gateway received it (what the backend sees when nothing rewrites it). */
export function receivedRequest(request: ParsedRequest): BackendRequest {
  return {
    path: fullPath(request.path, request.query),
    authority: request.authority,
    method: request.method,
    scheme: request.scheme,
    headers: Object.fromEntries(request.headers),
  };
}
