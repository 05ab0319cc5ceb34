import type { Destination, HttpRoute, RouteDestination } from '../model/virtualService.ts';
import { formatShare } from '../model/weights.ts';
import type { Catalog } from '../workspace/catalog.ts';
import {
  applyHeaderOperation,
  authorityFrom,
  faultOf,
  redirectLocation,
  retriesOf,
  rewritePath,
} from './actions.ts';
import type { indexDestinationRules } from './destinationRules.ts';
import { resolveDestination, routeStatus, weightedDestinations } from './destinations.ts';
import type { GatewayProxy } from './gatewayProxies.ts';
import { fullPath, type ParsedRequest } from './request.ts';
import type { FieldPath, SimFault, SimMirror, Simulation, Step } from './types.ts';
import type { VhostRoute } from './virtualHosts.ts';

export interface RouteContext {
  readonly catalog: Catalog;
  readonly rules: ReturnType<typeof indexDestinationRules>;
  readonly proxy: GatewayProxy;
  readonly request: ParsedRequest;
  readonly steps: Step[];
  /** The route that matched, with the server whose table holds it. */
  readonly entry: VhostRoute;
}

export type RouteBase = Pick<Simulation, 'gateway' | 'server' | 'request'>;

/**
 * What the matched route does, in Envoy's order: the fault filter first (an abort that always
 * fires answers for the backend), then the route's action: redirect, direct response, or the
 * request forwarded to its weighted destinations with rewrites and header operations applied.
 */
export function applyRoute(ctx: RouteContext, base: RouteBase): Simulation {
  const { route, server } = ctx.entry;
  const { flat } = route;
  const rule = flat.rule;
  const steps = ctx.steps;
  const vsId = flat.vs.item.id;
  const rulePath: FieldPath = ['spec', 'http', flat.index];
  const origin = (field: keyof HttpRoute) =>
    flat.inherited.includes(field) && flat.root
      ? { resource: flat.root.item.id, path: ['spec', 'http', flat.rootIndex ?? 0, field] }
      : { resource: vsId, path: [...rulePath, field] };
  const head = {
    ...base,
    virtualService: vsId,
    ...(flat.root ? { rootVirtualService: flat.root.item.id } : {}),
    rule: {
      index: flat.index,
      name: rule.name ?? null,
      section: 'http' as const,
      ...(route.matchIndex === undefined ? {} : { matchIndex: route.matchIndex }),
      ...(flat.rootIndex === undefined ? {} : { rootIndex: flat.rootIndex }),
    },
    destinations: [],
    steps,
    ...(rule.corsPolicy ? { corsPolicy: rule.corsPolicy } : {}),
  };

  const fault = faultOf(rule.fault);
  if (fault) {
    steps.push({
      kind: 'fault',
      detail: faultDetail(fault, rule),
      matched: fault.aborted,
      ...origin('fault'),
    });
    if (fault.aborted)
      return { ...head, outcome: 'fault', status: fault.abort?.httpStatus ?? 200, fault };
  }
  const withFault = fault ? { fault } : {};
  const match = route.match?.match;

  if (rule.redirect) {
    // `ApplyRedirect` is told whether the server has TLS settings (`IsTLS: server.Tls != nil`).
    const hasTls = server.server.tls !== undefined;
    const built = redirectLocation(rule.redirect, ctx.request, match, server.port, hasTls);
    const unsupported = built.supported
      ? ''
      : ' (Istio supports 301, 302, 303, 307 and 308 only: it builds this route without an action, which Envoy rejects)';
    steps.push({
      kind: 'redirect',
      detail: `${built.status} to ${built.location}${unsupported}`,
      resource: vsId,
      path: [...rulePath, 'redirect'],
    });
    const redirect = { location: built.location, status: built.status };
    return { ...head, ...withFault, outcome: 'redirect', status: built.status, redirect };
  }
  if (rule.directResponse) {
    const status = rule.directResponse.status ?? 200;
    const body = rule.directResponse.body?.string ?? rule.directResponse.body?.bytes ?? null;
    steps.push({
      kind: 'directResponse',
      detail: `direct response ${status}`,
      resource: vsId,
      path: [...rulePath, 'directResponse'],
    });
    return {
      ...head,
      ...withFault,
      outcome: 'directResponse',
      status,
      directResponse: { status, body },
    };
  }

  const dctx = { ...ctx, listenerPort: server.port };
  const weighted = weightedDestinations(dctx, rule.route, flat.vs.namespace, {
    resource: vsId,
    path: rulePath,
  });
  if (weighted.destinations.length === 0)
    steps.push({
      kind: 'note',
      detail: 'the rule has no destination: Envoy answers 503',
      resource: vsId,
      path: rulePath,
    });

  const rewritten = rewritePath(rule.rewrite, match, ctx.request.path);
  if (rewritten.detail)
    steps.push({ kind: 'rewrite', detail: rewritten.detail, ...origin('rewrite') });
  // A lone destination's header operations join the route's (`processDestination`); with several
  // they apply per cluster, before the route's, so only the route's are shown on the request.
  const single = rule.route.length === 1 ? rule.route[0] : undefined;
  const authority =
    rule.rewrite?.authority ||
    authorityFrom(rule.headers) ||
    authorityFrom(single?.headers) ||
    ctx.request.authority;
  if (authority !== ctx.request.authority)
    steps.push({
      kind: 'rewrite',
      detail: `authority ${ctx.request.authority} → ${authority}`,
      ...origin(rule.rewrite?.authority ? 'rewrite' : 'headers'),
    });
  const headers = new Map(ctx.request.headers);
  const done = requestHeaderOperations(headers, rule, single);
  if (done.length > 0)
    steps.push({
      kind: 'headers',
      detail: `request headers: ${done.join(', ')}`,
      ...origin('headers'),
    });
  if (!single)
    rule.route.forEach((d, i) => {
      const ops = applyHeaderOperation(new Map(), d.headers?.request);
      if (ops.length > 0)
        steps.push({
          kind: 'headers',
          detail: `only via destination ${i}: ${ops.join(', ')}`,
          resource: vsId,
          path: [...rulePath, 'route', i, 'headers'],
        });
    });
  steps.push(...weighted.steps);

  const mirrorNamespace =
    (flat.inherited.includes('mirror') || flat.inherited.includes('mirrors')) && flat.root
      ? flat.root.namespace
      : flat.vs.namespace;
  const mirrors = mirrorsOf(dctx, mirrorNamespace, rule);
  for (const m of mirrors)
    steps.push({
      kind: 'mirror',
      detail: `mirror ${formatShare(m.percentage / 100)} to ${m.host}${m.subset ? ` subset ${m.subset}` : ''} port ${m.port}`,
      ...origin(rule.mirror ? 'mirror' : 'mirrors'),
    });
  const retries = retriesOf(rule.retries);
  const retryText = retries
    ? `${retries.attempts} attempts on ${retries.retryOn}${retries.source === 'default' ? ' (Istio default)' : ''}`
    : 'disabled';
  steps.push({
    kind: 'note',
    detail: `timeout ${rule.timeout ?? 'disabled (Istio default)'}; retries ${retryText}`,
    resource: vsId,
    path: rulePath,
  });

  return {
    ...head,
    ...withFault,
    outcome: 'route',
    status: routeStatus(weighted.destinations),
    request: {
      path: fullPath(rewritten.path, ctx.request.query),
      authority,
      method: ctx.request.method,
      scheme: ctx.request.scheme,
      headers: Object.fromEntries(headers),
    },
    destinations: weighted.destinations,
    ...(mirrors.length > 0 ? { mirrors } : {}),
    timeout: rule.timeout ?? null,
    retries,
  };
}

/** Envoy removes first, then adds: the route's `set`/`add`, then a lone destination's. */
function requestHeaderOperations(
  headers: Map<string, string>,
  rule: HttpRoute,
  single: RouteDestination | undefined,
): string[] {
  const route = rule.headers?.request;
  const dest = single?.headers?.request;
  const remove = [...(route?.remove ?? []), ...(dest?.remove ?? [])];
  const setAdd = (op: typeof route) => ({
    ...(op?.set ? { set: op.set } : {}),
    ...(op?.add ? { add: op.add } : {}),
  });
  return [
    ...applyHeaderOperation(headers, { remove }),
    ...applyHeaderOperation(headers, setAdd(route)),
    ...applyHeaderOperation(headers, setAdd(dest)),
  ];
}

function faultDetail(fault: SimFault, rule: HttpRoute): string {
  const parts: string[] = [];
  if (fault.delay)
    parts.push(`delay ${fault.delay.fixedDelay} for ${fault.delay.percentage}% of requests`);
  if (fault.abort) {
    const what = fault.abort.httpStatus ?? `gRPC ${fault.abort.grpcStatus}`;
    const unset =
      rule.fault?.abort?.percentage === undefined ? ' (percentage unset: Envoy aborts none)' : '';
    parts.push(`abort with ${what} for ${fault.abort.percentage}% of requests${unset}`);
  }
  return parts.join('; ');
}

/**
 * `mirror` with `mirrorPercentage` (unset: 100%, 0: no mirroring) and each of `mirrors` with its
 * `percentage` (`MirrorPercent`, `MirrorPercentByPolicy`).
 */
function mirrorsOf(
  ctx: Parameters<typeof resolveDestination>[0],
  namespace: string,
  rule: HttpRoute,
): SimMirror[] {
  const out: SimMirror[] = [];
  const add = (destination: Destination, percentage: number | undefined) => {
    const p = percentage ?? 100;
    if (p <= 0) return;
    const d = resolveDestination(ctx, destination, namespace);
    out.push({ host: d.host, subset: d.subset, port: d.port, percentage: Math.min(100, p) });
  };
  if (rule.mirror) add(rule.mirror, rule.mirrorPercentage);
  for (const m of rule.mirrors ?? []) if (m.destination) add(m.destination, m.percentage);
  return out;
}
