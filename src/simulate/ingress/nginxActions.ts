/**
 * What ingress-nginx does to a request once a location took it, each as the controller runs it:
 * the canary choice (rootfs/etc/nginx/lua/balancer.lua `route_to_alternative_balancer`), the
 * `rewrite-target` rewrite (template.go `buildProxyPass`: `rewrite "(?i)<path>" <target> break;`)
 * and the HTTPS redirect (lua_ingress.lua `redirect_to_https`).
 */

import type { NginxCanary } from '../../model/ingressNginx.ts';
import { compileRegex } from '../../model/regex.ts';

export interface CanaryChoice {
  /** `canary` or `main` when a header or cookie decides; `weight` when the weight shares. */
  readonly verdict: 'canary' | 'main' | 'weight';
  readonly detail: string;
}

/**
 * Header first: with `canary-by-header-value` the header must equal it, with
 * `canary-by-header-pattern` match it (anywhere: `ngx.re.match`), else `always` / `never`; a header
 * that decides nothing falls through to the cookie (`always` / `never`), then to the weight.
 */
export function canaryChoice(
  canary: NginxCanary,
  headers: ReadonlyMap<string, string>,
): CanaryChoice {
  const name = canary.header?.toLowerCase();
  const value = name === undefined ? undefined : headers.get(name);
  if (canary.header !== undefined && value !== undefined) {
    if (canary.headerValue !== undefined) {
      if (value === canary.headerValue)
        return { verdict: 'canary', detail: `header ${canary.header} is ${value}` };
    } else if (canary.headerPattern !== undefined) {
      const re = compileRegex(canary.headerPattern);
      if (typeof re !== 'string' && re.matcher(value).find())
        return {
          verdict: 'canary',
          detail: `header ${canary.header} ${value} matches ${canary.headerPattern}`,
        };
    } else if (value === 'always')
      return { verdict: 'canary', detail: `header ${canary.header}: always` };
    else if (value === 'never')
      return { verdict: 'main', detail: `header ${canary.header}: never` };
  }
  if (canary.cookie !== undefined) {
    const cookie = cookies(headers.get('cookie') ?? '').get(canary.cookie);
    if (cookie === 'always')
      return { verdict: 'canary', detail: `cookie ${canary.cookie}: always` };
    if (cookie === 'never') return { verdict: 'main', detail: `cookie ${canary.cookie}: never` };
  }
  return {
    verdict: 'weight',
    detail: `canary-weight ${canary.weight} of ${canary.weightTotal}`,
  };
}

function cookies(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * nginx's `rewrite "(?i)<path>" <target> break;` on the path (without query): where the regex
 * matches, the whole path becomes the target with `$1`…`$9` replaced by the groups; the query is
 * kept (after the target's own arguments when it has some). Undefined when the regex does not
 * match or compile (nginx leaves the path as it is).
 */
export function nginxRewrite(
  pathRegex: string,
  target: string,
  path: string,
  query: string,
): { path: string; query: string } | undefined {
  const re = compileRegex(`(?i)${pathRegex}`);
  if (typeof re === 'string') return undefined;
  const m = re.matcher(path);
  if (!m.find()) return undefined;
  const replaced = target.replace(/\$(\d)/g, (_, n: string) => {
    const g = Number(n) <= re.groupCount() ? m.group(Number(n)) : null;
    return g ?? '';
  });
  const q = replaced.indexOf('?');
  if (q < 0) return { path: replaced, query };
  const own = replaced.slice(q + 1);
  return {
    path: replaced.slice(0, q),
    query: own.endsWith('?') ? own.slice(0, -1) : query === '' ? own : `${own}&${query}`,
  };
}

/**
 * `redirect_to_https`: `https://<host without port><request uri>`, a trailing `/` dropped
 * unless `preserve-trailing-slash`, status 308 (the ConfigMap's `http-redirect-code`).
 */
export function httpsRedirectLocation(
  host: string,
  path: string,
  query: string,
  preserveTrailingSlash = false,
): string {
  const uri = query === '' ? path : `${path}?${query}`;
  const trimmed = uri.endsWith('/') && !preserveTrailingSlash ? uri.slice(0, -1) : uri;
  return `https://${host}${trimmed}`;
}
