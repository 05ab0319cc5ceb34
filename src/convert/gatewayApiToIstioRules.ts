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
  RouteFilter,
  ValueMatch,
} from '../model/gatewayRoutes.ts';
import { serviceFqdn } from '../model/hosts.ts';
import type { GatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import type { Loss, Written } from './types.ts';

export type Plain = Record<string, unknown>;

export interface Context {
  readonly index: GatewayApiIndex;
  readonly losses: Loss[];
  readonly written: Written[];
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
  const values = (list: readonly ValueMatch[]) => {
    const d: Plain = Object.create(null);
    for (const v of list)
      d[v.name.toLowerCase()] =
        v.type === 'RegularExpression' ? { regex: v.value } : { exact: v.value };
    return { ...d };
  };
  if (m.headers.length) out.headers = values(m.headers);
  if (m.queryParams.length) {
    const d: Plain = Object.create(null);
    for (const v of m.queryParams)
      d[v.name] = v.type === 'RegularExpression' ? { regex: v.value } : { exact: v.value };
    out.queryParams = { ...d };
  }
  if (m.method) out.method = { exact: m.method };
  return out;
}

export function actions(
  ctx: Context,
  id: string,
  at: string,
  namespace: string,
  rule: HTTPRoute['rules'][number],
  variant: PathVariant,
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
          destination: destination(ctx, id, `${at}.backendRefs[${k}]`, namespace, ref),
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
): Plain {
  const resolved = ctx.index.backend(ref, { kind: 'HTTPRoute', namespace });
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
