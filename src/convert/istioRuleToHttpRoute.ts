import type { StringMatch } from '../model/match.ts';
import type { HeaderOperation, HttpRoute } from '../model/virtualService.ts';
import { backendRef } from './istioBackends.ts';
import { type Context, lose, type Plain } from './istioToGatewayApiContext.ts';

export const GATEWAY_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

export function convertRule(
  ctx: Context,
  id: string,
  namespace: string,
  rule: HttpRoute,
  i: number,
): { rule: Plain; matches: Plain[] } | undefined {
  const at = `spec.http[${i}]`;
  if (rule.delegate) {
    lose(
      ctx,
      id,
      `${at}.delegate`,
      `delegate to ${rule.delegate.namespace ?? namespace}/${rule.delegate.name}: the Gateway API has no delegation (route inclusion is not standard); convert the delegate's rules into this route by hand`,
    );
    return undefined;
  }
  if (rule.directResponse) {
    lose(
      ctx,
      id,
      `${at}.directResponse`,
      `directResponse ${rule.directResponse.status ?? ''}: the Gateway API has no fixed response; the rule is not converted`,
    );
    return undefined;
  }
  const out: Plain = {};
  // A Gateway API rule name is a DNS label: lower case, digits and `-`, starting with a letter or digit.
  const ruleName = rule.name
    ?.toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  if (ruleName) out.name = ruleName;
  const matches = rule.match
    .map((m, j) => convertMatch(ctx, id, `${at}.match[${j}]`, m))
    .filter((m) => m !== undefined);
  if (matches.length) out.matches = matches;
  const filters: Plain[] = [];
  const headerFilters = (
    ops: { request?: HeaderOperation; response?: HeaderOperation } | undefined,
  ) => {
    const list: Plain[] = [];
    if (ops?.request)
      list.push({ type: 'RequestHeaderModifier', requestHeaderModifier: modifier(ops.request) });
    if (ops?.response)
      list.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: modifier(ops.response) });
    return list;
  };
  filters.push(...headerFilters(rule.headers));
  if (rule.rewrite) {
    const rewrite: Plain = {};
    if (rule.rewrite.uri !== undefined) {
      const kinds = new Set(
        rule.match.map((m) =>
          m.uri?.exact !== undefined ? 'exact' : m.uri?.prefix !== undefined ? 'prefix' : 'other',
        ),
      );
      if (kinds.size === 1 && kinds.has('prefix')) {
        const to = rule.rewrite.uri;
        rewrite.path = { type: 'ReplacePrefixMatch', replacePrefixMatch: to };
        // Istio replaces the prefix as a string, the Gateway API whole segments: they agree
        // only when both or neither end in `/`.
        const odd = rule.match.find(
          (m) => (m.uri?.prefix ?? '').endsWith('/') !== to.endsWith('/'),
        );
        const from = odd?.uri?.prefix;
        if (from !== undefined)
          lose(
            ctx,
            id,
            `${at}.rewrite.uri`,
            `rewrite ${from} → ${to}: Istio replaces the prefix as text, the Gateway API whole path segments, so with a trailing / on one side only the backend gets another path; end both with / or neither`,
          );
      } else if (kinds.size === 1 && kinds.has('exact'))
        rewrite.path = { type: 'ReplaceFullPath', replaceFullPath: rule.rewrite.uri };
      else
        lose(
          ctx,
          id,
          `${at}.rewrite.uri`,
          'rewrite.uri replaces the matched prefix; the Gateway API can only do that for rules whose every match is a path prefix (or replace the full path for exact paths)',
        );
    }
    if (rule.rewrite.uriRegexRewrite)
      lose(
        ctx,
        id,
        `${at}.rewrite.uriRegexRewrite`,
        'uriRegexRewrite: the Gateway API has no regex rewrite',
      );
    if (rule.rewrite.authority !== undefined) rewrite.hostname = rule.rewrite.authority;
    if (rewrite.path || rewrite.hostname) filters.push({ type: 'URLRewrite', urlRewrite: rewrite });
  }
  if (rule.redirect) {
    const r = rule.redirect;
    const redirect: Plain = {};
    if (r.scheme) redirect.scheme = r.scheme;
    if (r.authority) redirect.hostname = r.authority;
    if (r.uri !== undefined) redirect.path = { type: 'ReplaceFullPath', replaceFullPath: r.uri };
    if (r.port !== undefined) redirect.port = r.port;
    if (r.derivePort)
      lose(
        ctx,
        id,
        `${at}.redirect.derivePort`,
        'derivePort: the Gateway API derives the port from the scheme only',
      );
    if (r.prefixRewrite !== undefined)
      lose(
        ctx,
        id,
        `${at}.redirect.prefixRewrite`,
        'prefixRewrite: written as nothing; a ReplacePrefixMatch redirect needs a path-prefix match',
      );
    // Istio redirects with 301 by default, the Gateway API with 302: always say which.
    redirect.statusCode = r.redirectCode ?? 301;
    if (![301, 302, 303, 307, 308].includes(redirect.statusCode as number))
      lose(
        ctx,
        id,
        `${at}.redirect.redirectCode`,
        `redirectCode ${r.redirectCode}: the Gateway API allows 301, 302, 303, 307, 308`,
      );
    filters.push({ type: 'RequestRedirect', requestRedirect: redirect });
  }
  const mirrors = [
    ...(rule.mirror
      ? [{ destination: rule.mirror, percentage: rule.mirrorPercentage, path: `${at}.mirror` }]
      : []),
    ...(rule.mirrors ?? []).map((m, k) => ({
      destination: m.destination,
      percentage: m.percentage,
      path: `${at}.mirrors[${k}]`,
    })),
  ];
  for (const m of mirrors) {
    if (!m.destination) continue;
    const ref = backendRef(ctx, id, namespace, m.destination, m.path);
    const mirror: Plain = { backendRef: ref };
    if (m.percentage !== undefined && m.percentage !== 100)
      mirror.percent = Math.round(m.percentage);
    filters.push({ type: 'RequestMirror', requestMirror: mirror });
  }
  if (filters.length) out.filters = filters;
  if (!rule.redirect && rule.route.length) {
    out.backendRefs = rule.route.map((d, k) => {
      const path = `${at}.route[${k}]`;
      const ref = d.destination
        ? backendRef(ctx, id, namespace, d.destination, `${path}.destination`)
        : { name: '' };
      if (rule.route.length > 1 || d.weight !== undefined) ref.weight = d.weight ?? 0;
      const own = headerFilters(d.headers);
      if (own.length) ref.filters = own;
      return ref;
    });
  }
  if (rule.timeout) out.timeouts = { request: rule.timeout };
  if (rule.retries)
    lose(
      ctx,
      id,
      `${at}.retries`,
      "retries: the standard Gateway API has no retry policy; Istio's default retries (2 attempts) apply instead; use the experimental HTTPRoute retry (Gateway API 1.2+) for more",
    );
  if (rule.fault)
    lose(
      ctx,
      id,
      `${at}.fault`,
      'fault injection: the Gateway API has none; keep this rule in a VirtualService (on the mesh) for fault drills, or inject faults in the app',
    );
  if (rule.corsPolicy)
    lose(
      ctx,
      id,
      `${at}.corsPolicy`,
      'corsPolicy: the standard Gateway API has no CORS filter; use the experimental CORS filter (Gateway API 1.3+) or answer CORS in the app',
    );
  return { rule: out, matches };
}

export function modifier(op: HeaderOperation): Plain {
  const out: Plain = {};
  const pairs = (d: Readonly<Record<string, string>>) =>
    Object.entries(d).map(([name, value]) => ({ name, value }));
  if (op.set) out.set = pairs(op.set);
  if (op.add) out.add = pairs(op.add);
  if (op.remove) out.remove = [...op.remove];
  return out;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An Istio string match as a Gateway API value match (Exact or RegularExpression, full match). */
export function valueMatch(name: string, m: StringMatch): Plain {
  if (m.exact !== undefined) return { name, value: m.exact };
  if (m.prefix !== undefined)
    return { type: 'RegularExpression', name, value: `${escapeRegex(m.prefix)}.*` };
  if (m.regex !== undefined) return { type: 'RegularExpression', name, value: m.regex };
  return { type: 'RegularExpression', name, value: '.*' };
}

export function convertMatch(
  ctx: Context,
  id: string,
  at: string,
  m: import('../model/match.ts').HttpMatch,
): Plain | undefined {
  const out: Plain = {};
  const uri = m.uri;
  if (uri?.exact !== undefined) out.path = { type: 'Exact', value: uri.exact };
  else if (uri?.prefix !== undefined) {
    out.path = { type: 'PathPrefix', value: uri.prefix };
    if (uri.prefix !== '/')
      lose(
        ctx,
        id,
        `${at}.uri.prefix`,
        `prefix ${uri.prefix}: a Gateway API PathPrefix matches whole path segments (${uri.prefix.endsWith('/') ? `${uri.prefix.slice(0, -1)} now matches too` : `${uri.prefix}x no longer matches`})`,
      );
  } else if (uri?.regex !== undefined) {
    out.path = { type: 'RegularExpression', value: uri.regex };
    lose(
      ctx,
      id,
      `${at}.uri.regex`,
      'regex path: RegularExpression is implementation-specific in the Gateway API (Istio: RE2, whole path)',
    );
  }
  if (m.headers) out.headers = Object.entries(m.headers).map(([name, v]) => valueMatch(name, v));
  if (m.queryParams)
    out.queryParams = Object.entries(m.queryParams).map(([name, v]) => valueMatch(name, v));
  if (m.method) {
    if (m.method.exact !== undefined && GATEWAY_METHODS.has(m.method.exact))
      out.method = m.method.exact;
    else
      lose(
        ctx,
        id,
        `${at}.method`,
        'method: the Gateway API matches one exact standard method only',
      );
  }
  const unsupported: [keyof typeof m, string][] = [
    ['authority', "authority: match hosts by the route's hostnames instead"],
    ['scheme', 'scheme: the Gateway API has no scheme match (use listeners)'],
    ['withoutHeaders', 'withoutHeaders: the Gateway API has no negative header match'],
    ['ignoreUriCase', 'ignoreUriCase: Gateway API paths are case-sensitive'],
    ['port', 'port: use a parentRef with sectionName or port'],
    ['sourceLabels', 'sourceLabels: no Gateway API equivalent'],
    ['sourceNamespace', 'sourceNamespace: no Gateway API equivalent'],
    ['gateways', 'gateways: use parentRefs of a separate route'],
  ];
  for (const [key, message] of unsupported)
    if (m[key] !== undefined) lose(ctx, id, `${at}.${key}`, message);
  return out;
}
