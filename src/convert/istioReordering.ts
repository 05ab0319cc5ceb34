import type { HTTPRouteMatch } from '../model/gatewayRoutes.ts';
import { fullMatch } from '../model/regex.ts';
import { comparePrecedence, isCatchAll, type RouteMatch } from '../simulate/gatewayApi/match.ts';
import { type Context, lose, type Plain } from './istioToGatewayApiContext.ts';

/**
 * A VirtualService takes the first rule that matches; the Gateway API orders matches by
 * precedence (exact path, longer path, method, more headers, more query params). Each rule that
 * precedence would move before an earlier one is reported: a request both match changes rule.
 */
export function reportReordering(ctx: Context): void {
  const reported = new Set<string>();
  for (const ranked of ctx.vhosts.values())
    for (const [j, later] of ranked.entries())
      for (const earlier of ranked.slice(0, j)) {
        // Envoy moves catch-all routes to the end of a virtual host, so one VirtualService's
        // catch-all does not shadow another's rules; within one, Istio stops at a catch-all
        // (later rules are never reached) where the Gateway API still ranks them first.
        if (earlier.id !== later.id && earlier.matches.every(isCatchAll)) continue;
        const jumps = later.matches.some((b) =>
          earlier.matches.some((a) => comparePrecedence(b, a) < 0 && mayOverlap(a, b)),
        );
        const key = `${later.id}|${later.index}`;
        if (!jumps || reported.has(key)) continue;
        reported.add(key);
        const them =
          earlier.id === later.id
            ? `http[${earlier.index}]`
            : `${earlier.id} http[${earlier.index}]`;
        lose(
          ctx,
          later.id,
          `spec.http[${later.index}]`,
          `Gateway API precedence puts http[${later.index}] before ${them} (more specific match first); a request both match goes to http[${later.index}] where the VirtualService${earlier.id === later.id ? '' : 's'} sent it to ${them}`,
        );
        break;
      }
}

/** Whether one request could meet both matches (paths, methods and exact values compatible). */
export function mayOverlap(a: RouteMatch, b: RouteMatch): boolean {
  if (a.method !== undefined && b.method !== undefined && a.method !== b.method) return false;
  const clash = (x: RouteMatch['headers'], y: RouteMatch['headers']) =>
    x.some((h) =>
      y.some(
        (k) => k.name === h.name && k.type === 'Exact' && h.type === 'Exact' && k.value !== h.value,
      ),
    );
  if (clash(a.headers, b.headers) || clash(a.queryParams, b.queryParams)) return false;
  const p = a.path;
  const q = b.path;
  if (!p || !q) return true;
  // A regex against an exact path is decided; against another regex or a prefix it may meet.
  if (p.kind === 'regex' && q.kind === 'exact') return fullMatch(p.value, q.value).ok;
  if (q.kind === 'regex' && p.kind === 'exact') return fullMatch(q.value, p.value).ok;
  if (p.kind === 'regex' || q.kind === 'regex') return true;
  const under = (path: string, prefix: string) => {
    const base = prefix.replace(/\/+$/, '');
    return base === '' || path === base || path.startsWith(`${base}/`);
  };
  if (p.kind === 'exact' && q.kind === 'exact') return p.value === q.value;
  if (p.kind === 'exact') return under(p.value, q.value);
  if (q.kind === 'exact') return under(q.value, p.value);
  return under(p.value, q.value) || under(q.value, p.value);
}

/** A written HTTPRouteMatch as the model reads it (defaults filled in). */
export function readBack(m: Plain): HTTPRouteMatch {
  const path = (m.path as { type: string; value: string } | undefined) ?? {
    type: 'PathPrefix',
    value: '/',
  };
  const values = (v: unknown) =>
    ((v as { type?: string; name: string; value: string }[] | undefined) ?? []).map((x) => ({
      type: x.type ?? 'Exact',
      name: x.name,
      value: x.value,
    }));
  return {
    path,
    headers: values(m.headers),
    queryParams: values(m.queryParams),
    method: m.method as string | undefined,
  };
}
