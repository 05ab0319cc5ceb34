/**
 * What a matched Gateway API rule does, as Istio converts its filters (conversion.go
 * `convertHTTPRoute`, `createRedirectFilter`, `createRewriteFilter`, `createHeadersFilter`,
 * `createMirrorFilter`) and Envoy runs them: a RequestRedirect answers with its Location; a rule
 * whose backendRefs weigh 0 in total (or has none) answers 500; otherwise the request, rewritten
 * (URLRewrite) and with its headers modified, goes to the weighted backends.
 */

import type {
  GRPCRouteRule,
  HeaderModifier,
  HTTPRouteRule,
  RouteFilter,
} from '../../model/gatewayRoutes.ts';
import type { HttpMatch } from '../../model/match.ts';
import type { HeaderOperation, HttpRedirect } from '../../model/virtualService.ts';
import { formatShare } from '../../model/weights.ts';
import type { GatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { applyHeaderOperation, redirectLocation, retriesOf } from '../actions.ts';
import type { DestinationContext } from '../destinations.ts';
import { fullPath, type ParsedRequest } from '../request.ts';
import type { FieldPath, SimMirror, Simulation, Step } from '../types.ts';
import { weightedBackends } from './backends.ts';
import type { PathCondition } from './match.ts';
import { rulePath, type TableRule } from './routeTable.ts';

export interface RuleContext {
  readonly api: GatewayApiIndex;
  readonly dctx: DestinationContext;
  readonly request: ParsedRequest;
  /** TLS terminated at the listener (HTTPS): redirects keep https. */
  readonly isTls: boolean;
  /** The listener's port, as written: a redirect without port or scheme keeps it. */
  readonly listenerPort: number;
  readonly steps: Step[];
}

/** The simulation fields every answer of a listener carries (gateway, listener, request). */
export type ListenerBase = Pick<Simulation, 'gateway' | 'server' | 'listener' | 'request'>;

export function applyRule(ctx: RuleContext, matched: TableRule, base: ListenerBase): Simulation {
  const { route } = matched;
  const object = route.route;
  const routeId = route.entry.id;
  const rule = object.rules[matched.ruleIndex] as HTTPRouteRule | GRPCRouteRule;
  const rulePathBase: FieldPath = ['spec', 'rules', matched.ruleIndex];
  const { steps, request } = ctx;
  const head = {
    ...base,
    virtualService: null,
    httpRoute: routeId,
    rule: {
      index: matched.ruleIndex,
      name: rule.name ?? null,
      section: 'rules' as const,
      ...(matched.matchIndex === undefined ? {} : { matchIndex: matched.matchIndex }),
    },
    destinations: [],
    steps,
  };
  const filterAt = (i: number): { resource: string; path: FieldPath } => ({
    resource: routeId,
    path: [...rulePathBase, 'filters', i],
  });

  const redirectIndex = rule.filters.findIndex((f) => f.type === 'RequestRedirect');
  const redirect = rule.filters[redirectIndex];
  if (redirect?.type === 'RequestRedirect') {
    const built = redirectLocation(
      toIstioRedirect(redirect),
      request,
      prefixMatch(matched.match?.path),
      ctx.listenerPort,
      ctx.isTls,
    );
    steps.push({
      kind: 'redirect',
      detail: `RequestRedirect: ${built.status} to ${built.location}`,
      ...filterAt(redirectIndex),
    });
    return {
      ...head,
      outcome: 'redirect',
      status: built.status,
      redirect: { location: built.location, status: built.status },
    };
  }

  if (rule.backendRefs.reduce((sum, b) => sum + b.weight, 0) === 0) {
    steps.push({
      kind: 'directResponse',
      detail:
        rule.backendRefs.length === 0
          ? 'the rule has no backendRefs: the gateway answers 500'
          : 'every backendRef has weight 0: the gateway answers 500',
      resource: routeId,
      path: [...rulePathBase, 'backendRefs'],
    });
    return {
      ...head,
      outcome: 'directResponse',
      status: 500,
      directResponse: { status: 500, body: null },
    };
  }

  const headers = new Map(request.headers);
  let path = request.path;
  let authority = request.authority;
  const mirrors: SimMirror[] = [];
  rule.filters.forEach((filter, i) => {
    const at = filterAt(i);
    switch (filter.type) {
      case 'RequestHeaderModifier': {
        const done = applyHeaderOperation(headers, toOperation(filter.modifier));
        if (done.length > 0)
          steps.push({ kind: 'headers', detail: `request headers: ${done.join(', ')}`, ...at });
        return;
      }
      case 'ResponseHeaderModifier': {
        const done = describeOperation(toOperation(filter.modifier));
        if (done.length > 0)
          steps.push({ kind: 'headers', detail: `response headers: ${done.join(', ')}`, ...at });
        return;
      }
      case 'URLRewrite': {
        const rewritten = rewrite(filter, matched.match?.path, path);
        if (rewritten.path !== path)
          steps.push({
            kind: 'rewrite',
            detail: `URLRewrite path: ${path} → ${rewritten.path}`,
            ...at,
          });
        path = rewritten.path;
        if (filter.hostname) {
          steps.push({
            kind: 'rewrite',
            detail: `URLRewrite hostname: ${authority} → ${filter.hostname}`,
            ...at,
          });
          authority = filter.hostname;
        }
        return;
      }
      case 'RequestMirror': {
        const resolution = ctx.api.backend(filter.backendRef, {
          kind: object.kind,
          namespace: object.metadata.namespace,
        });
        if (!resolution.resolved) {
          steps.push({
            kind: 'mirror',
            detail: `RequestMirror to ${filter.backendRef.name} is dropped: ${resolution.reason}: ${resolution.message}`,
            matched: false,
            ...at,
          });
          return;
        }
        mirrors.push({
          host: resolution.host,
          subset: null,
          port: filter.backendRef.port ?? null,
          percentage: filter.percent,
        });
        steps.push({
          kind: 'mirror',
          detail: `RequestMirror: ${formatShare(filter.percent / 100)} of requests copied to ${resolution.host}${filter.backendRef.port ? `:${filter.backendRef.port}` : ''} (responses ignored)`,
          ...at,
        });
        return;
      }
      default:
        if (filter.type === 'other' && filter.written === 'CORS')
          steps.push({
            kind: 'note',
            detail: 'CORS filter: applies to cross-origin requests only',
            ...at,
          });
    }
  });

  const backends = weightedBackends(
    ctx.api,
    ctx.dctx,
    rule.backendRefs,
    { kind: object.kind, namespace: object.metadata.namespace },
    { resource: routeId, path: rulePathBase },
  );
  steps.push(...backends.steps);
  const { destinations } = backends;
  const taken = destinations.filter((d) => d.probability > 0);
  // One backend: its own header filters join the rule's and show in the request.
  const lone =
    taken.length === 1
      ? rule.backendRefs.indexOf(
          rule.backendRefs.filter((b) => b.weight > 0)[0] as (typeof rule.backendRefs)[number],
        )
      : -1;
  rule.backendRefs.forEach((ref, j) => {
    ref.filters.forEach((filter, k) => {
      if (filter.type !== 'RequestHeaderModifier' && filter.type !== 'ResponseHeaderModifier')
        return;
      const op = toOperation(filter.modifier);
      const applied =
        filter.type === 'RequestHeaderModifier' && j === lone
          ? applyHeaderOperation(headers, op)
          : describeOperation(op);
      if (applied.length === 0) return;
      steps.push({
        kind: 'headers',
        detail: `${filter.type === 'RequestHeaderModifier' ? 'request' : 'response'} headers for ${ref.name}: ${applied.join(', ')}`,
        resource: routeId,
        path: [...rulePathBase, 'backendRefs', j, 'filters', k],
      });
    });
  });

  const received = {
    path: fullPath(path, request.query),
    authority,
    method: request.method,
    scheme: request.scheme,
    headers: Object.fromEntries(headers),
  };
  const timeouts = 'timeouts' in rule ? rule.timeouts : undefined;
  const timeout = timeouts?.request ?? timeouts?.backendRequest;
  const common = {
    ...head,
    request: received,
    destinations,
    ...(mirrors.length > 0 ? { mirrors } : {}),
    timeout: timeout && !/^0+[a-z]*$/.test(timeout) ? timeout : null,
    retries: retriesOf(undefined),
  };
  if (taken.length > 0 && taken.every((d) => d.unresolved !== undefined)) {
    steps.push({
      kind: 'directResponse',
      detail: 'no backendRef of the rule resolves: the gateway answers 500',
      resource: routeId,
      path: [...rulePathBase, 'backendRefs'],
    });
    return {
      ...common,
      outcome: 'directResponse',
      status: 500,
      directResponse: { status: 500, body: null },
    };
  }
  const failing = taken.every((d) => d.endpoints === 'none');
  return { ...common, outcome: 'route', status: failing ? 503 : null };
}

/** `createRedirectFilter`: no port → the scheme's default when a scheme is set, else the listener's. */
export function toIstioRedirect(
  filter: Extract<RouteFilter, { type: 'RequestRedirect' }>,
): HttpRedirect {
  const out: { -readonly [K in keyof HttpRedirect]: HttpRedirect[K] } = {
    redirectCode: filter.statusCode,
  };
  if (filter.hostname) out.authority = filter.hostname;
  if (filter.scheme) out.scheme = filter.scheme;
  if (filter.port !== undefined) out.port = filter.port;
  else out.derivePort = filter.scheme ? 'FROM_PROTOCOL_DEFAULT' : 'FROM_REQUEST_PORT';
  if (filter.path?.type === 'ReplaceFullPath') out.uri = filter.path.value ?? '';
  else if (filter.path?.type === 'ReplacePrefixMatch') out.prefixRewrite = filter.path.value ?? '';
  return out;
}

/** The Istio match whose prefix Envoy's `prefix_rewrite` replaces. */
function prefixMatch(path: PathCondition | undefined): HttpMatch | undefined {
  if (!path) return undefined;
  return {
    uri:
      path.kind === 'prefix'
        ? { prefix: path.value }
        : path.kind === 'exact'
          ? { exact: path.value }
          : { regex: path.value },
  };
}

/**
 * `createRewriteFilter` as Envoy runs it: ReplaceFullPath is a regex rewrite of `/.*` (the whole
 * path; the query stays); ReplacePrefixMatch drops a trailing `/` and replaces the matched
 * prefix, and an empty or `/` replacement removes the prefix, keeping one `/`
 * (route.go: `^<prefix>(/?)(.*)` → `/\2`).
 */
export function rewrite(
  filter: Extract<RouteFilter, { type: 'URLRewrite' }>,
  match: PathCondition | undefined,
  path: string,
): { readonly path: string } {
  const modifier = filter.path;
  if (!modifier) return { path };
  if (modifier.type === 'ReplaceFullPath') return { path: modifier.value ?? path };
  if (modifier.type !== 'ReplacePrefixMatch') return { path };
  let uri = (modifier.value ?? '').replace(/\/$/, '');
  if (uri === '') uri = '/';
  const prefix = match?.kind === 'prefix' ? match.value : undefined;
  if (uri === '/') {
    const separated = prefix !== undefined && prefix !== '/' ? prefix : '';
    const rest = path.slice(separated.length).replace(/^\//, '');
    return { path: `/${rest}` };
  }
  const cut = prefix === undefined ? path.length : Math.min(prefix.length, path.length);
  return { path: uri + path.slice(cut) };
}

/** `headerListToMap`: names lower-cased, a repeated name's later entries ignored. */
function toOperation(modifier: HeaderModifier): HeaderOperation {
  const map = (pairs: HeaderModifier['set']) => {
    const out: Record<string, string> = Object.create(null);
    for (const { name, value } of pairs) {
      const key = name.toLowerCase();
      if (!(key in out)) out[key] = value;
    }
    return out;
  };
  return { set: map(modifier.set), add: map(modifier.add), remove: modifier.remove };
}

function describeOperation(op: HeaderOperation): string[] {
  return [
    ...(op.remove ?? []).map((n) => `remove ${n}`),
    ...Object.entries(op.set ?? {}).map(([k, v]) => `set ${k}: ${v}`),
    ...Object.entries(op.add ?? {}).map(([k, v]) => `add ${k}: ${v}`),
  ];
}

export { rulePath };
