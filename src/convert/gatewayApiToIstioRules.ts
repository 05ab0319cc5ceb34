/**
 * The parts of the Gateway API to Istio conversion (`gatewayApiToIstio.ts`) that write one
 * route's rules: a match's path as Istio string matches (a PathPrefix is two variants), its
 * headers, query and method, a rule's filters as rewrite, redirect, headers and mirrors, its
 * backendRefs as weighted destinations (none: directResponse 500), and the context and loss
 * helper both files share.
 */

import type {
  BackendRef,
  HeaderModifier,
  HTTPRoute,
  HTTPRouteMatch,
  HTTPRouteRule,
  RouteFilter,
  RouteKind,
  ValueMatch,
} from '../model/gatewayRoutes.ts';
import { serviceFqdn } from '../model/hosts.ts';
import { httpRouteMatch, isCatchAll, type RouteMatch } from '../simulate/gatewayApi/match.ts';
import type { GatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import type { Loss, Written } from './types.ts';

export type Plain = Record<string, unknown>;

export interface Context {
  readonly index: GatewayApiIndex;
  readonly losses: Loss[];
  readonly written: Written[];
}

/**
 * One match of a route's rule as the simulator ranks it (`match`, `catchAll`), with the Istio
 * match of each http rule written for it (a PathPrefix writes two).
 */
export interface RuleMatch {
  readonly ruleIndex: number;
  /** Which written match; undefined when the rule writes none. */
  readonly matchIndex: number | undefined;
  readonly match: RouteMatch | undefined;
  readonly catchAll: boolean;
  readonly variants: readonly WrittenVariant[];
}

/** One http rule's `match` entry (none: every request) and the separator a prefix rewrite keeps. */
export interface WrittenVariant {
  readonly match: Plain | undefined;
  readonly slash: boolean;
}

/** An HTTPRoute's matches, each with its path variants. */
export function httpRuleMatches(route: HTTPRoute): RuleMatch[] {
  return route.rules.flatMap((rule, ruleIndex) =>
    rule.matches.map((m, i) => {
      const match = httpRouteMatch(m);
      return {
        ruleIndex,
        matchIndex: rule.matchesWritten ? i : undefined,
        match,
        catchAll: isCatchAll(match),
        variants: pathVariants(m).map((v) => ({
          match: rule.matchesWritten ? istioMatch(m, v) : undefined,
          slash: v.slash,
        })),
      };
    }),
  );
}

export function lose(ctx: Context, resource: string, path: string, message: string): void {
  ctx.losses.push({ resource, path, message });
}

/** The path as Istio's string match; a PathPrefix `/a` is `/a` exactly or `/a/…` (whole segments). */
export interface PathVariant {
  readonly uri: Plain | undefined;
  /** For a ReplacePrefixMatch rewrite on the `/a/…` variant: the separator the prefix keeps. */
  readonly slash: boolean;
}

export function pathVariants(m: HTTPRouteMatch): PathVariant[] {
  const { type, value } = m.path;
  if (type === 'Exact') return [{ uri: { exact: value }, slash: false }];
  if (type === 'RegularExpression') return [{ uri: { regex: value }, slash: false }];
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed === '') return [{ uri: { prefix: '/' }, slash: false }];
  return [
    { uri: { exact: trimmed }, slash: false },
    { uri: { prefix: `${trimmed}/` }, slash: true },
  ];
}

export function istioMatch(m: HTTPRouteMatch, variant: PathVariant): Plain {
  const out: Plain = {};
  if (variant.uri) out.uri = variant.uri;
  if (m.headers.length) out.headers = headerMatches(m.headers);
  if (m.queryParams.length) {
    const d: Plain = Object.create(null);
    for (const v of m.queryParams)
      d[v.name] = v.type === 'RegularExpression' ? { regex: v.value } : { exact: v.value };
    out.queryParams = { ...d };
  }
  if (m.method) out.method = { exact: m.method };
  return out;
}

/** Header matches as Istio's `headers` map (lower-case names: HTTP/2 sends them so). */
export function headerMatches(list: readonly ValueMatch[]): Plain {
  const d: Plain = Object.create(null);
  for (const v of list)
    d[v.name.toLowerCase()] =
      v.type === 'RegularExpression' ? { regex: v.value } : { exact: v.value };
  return { ...d };
}

/** What `actions` reads of a rule: an HTTPRoute's, or a GRPCRoute's (which has no timeouts). */
type ActionRule = Pick<HTTPRouteRule, 'filters' | 'backendRefs'> & {
  readonly timeouts?: HTTPRouteRule['timeouts'];
};

export function actions(
  ctx: Context,
  id: string,
  at: string,
  namespace: string,
  rule: ActionRule,
  variant: Pick<PathVariant, 'slash'>,
  kind: RouteKind = 'HTTPRoute',
): Plain {
  const out: Plain = {};
  const headers: Plain = {};
  let redirected = false;
  const mirrors: Plain[] = [];
  rule.filters.forEach((filter: RouteFilter, fi) => {
    const fat = `${at}.filters[${fi}]`;
    switch (filter.type) {
      case 'RequestHeaderModifier':
        headers.request = operation(filter.modifier);
        break;
      case 'ResponseHeaderModifier':
        headers.response = operation(filter.modifier);
        break;
      case 'RequestRedirect': {
        redirected = true;
        const redirect: Plain = {};
        if (filter.scheme) redirect.scheme = filter.scheme;
        if (filter.hostname) redirect.authority = filter.hostname;
        if (filter.port !== undefined) redirect.port = filter.port;
        if (filter.path?.type === 'ReplaceFullPath' && filter.path.value !== undefined)
          redirect.uri = filter.path.value;
        else if (filter.path?.type === 'ReplacePrefixMatch')
          lose(
            ctx,
            id,
            `${fat}.requestRedirect.path`,
            'ReplacePrefixMatch in a redirect: an Istio redirect replaces the whole path only',
          );
        redirect.redirectCode = filter.statusCode;
        out.redirect = redirect;
        break;
      }
      case 'URLRewrite': {
        const rewrite: Plain = {};
        if (filter.path?.type === 'ReplacePrefixMatch') {
          const to = (filter.path.value ?? '/').replace(/\/+$/, '');
          // The `/a/…` variant's prefix holds the separator: keep one after the new prefix.
          rewrite.uri = variant.slash ? `${to}/` : to || '/';
        } else if (filter.path?.type === 'ReplaceFullPath')
          rewrite.uriRegexRewrite = { match: '/.*', rewrite: filter.path.value ?? '/' };
        if (filter.hostname) rewrite.authority = filter.hostname;
        if (Object.keys(rewrite).length) out.rewrite = rewrite;
        break;
      }
      case 'RequestMirror': {
        const mirror: Plain = {
          destination: destination(
            ctx,
            id,
            `${fat}.requestMirror.backendRef`,
            namespace,
            filter.backendRef,
            kind,
          ),
        };
        if (filter.percent !== 100) mirror.percentage = { value: filter.percent };
        mirrors.push(mirror);
        break;
      }
      default:
        lose(
          ctx,
          id,
          `${fat}`,
          `filter ${filter.written}: Istio has no such VirtualService field; not converted`,
        );
    }
  });
  if (Object.keys(headers).length) out.headers = headers;
  if (mirrors.length) out.mirrors = mirrors;
  if (!redirected) {
    const refs = rule.backendRefs;
    const total = refs.reduce((sum, r) => sum + r.weight, 0);
    // As Istio's conversion: a rule with no backend that can take traffic answers 500.
    if (refs.length === 0 || total === 0) out.directResponse = { status: 500 };
    else
      out.route = refs.map((ref, k) => {
        const dest: Plain = {
          destination: destination(ctx, id, `${at}.backendRefs[${k}]`, namespace, ref, kind),
        };
        if (refs.length > 1) dest.weight = ref.weight;
        const own: Plain = {};
        for (const f of ref.filters) {
          if (f.type === 'RequestHeaderModifier') own.request = operation(f.modifier);
          else if (f.type === 'ResponseHeaderModifier') own.response = operation(f.modifier);
        }
        if (Object.keys(own).length) dest.headers = own;
        return dest;
      });
  }
  if (rule.timeouts?.request) out.timeout = rule.timeouts.request;
  if (rule.timeouts?.backendRequest)
    lose(
      ctx,
      id,
      `${at}.timeouts.backendRequest`,
      "backendRequest: written as nothing; Istio's per-try timeout is retries.perTryTimeout",
    );
  return out;
}

function operation(modifier: HeaderModifier): Plain {
  const out: Plain = {};
  const dict = (pairs: HeaderModifier['set']) =>
    Object.fromEntries(pairs.map((p) => [p.name, p.value]));
  if (modifier.set.length) out.set = dict(modifier.set);
  if (modifier.add.length) out.add = dict(modifier.add);
  if (modifier.remove.length) out.remove = [...modifier.remove];
  return out;
}

export function destination(
  ctx: Context,
  id: string,
  at: string,
  namespace: string,
  ref: BackendRef,
  kind: RouteKind = 'HTTPRoute',
): Plain {
  const resolved = ctx.index.backend(ref, { kind, namespace });
  if (!resolved.resolved)
    lose(
      ctx,
      id,
      at,
      `backendRef ${ref.name} does not resolve (${resolved.reason}): the Gateway API answers 500 for its share; a VirtualService routes to it`,
    );
  const ns = ref.namespace ?? namespace;
  const isService = (ref.group === '' || ref.group === 'core') && ref.kind === 'Service';
  const host = isService ? (ns === namespace ? ref.name : serviceFqdn(ref.name, ns)) : ref.name;
  const out: Plain = { host };
  if (ref.port !== undefined) out.port = { number: ref.port };
  return out;
}
