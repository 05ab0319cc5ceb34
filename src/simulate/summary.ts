import { shortHost } from '../graph/services.ts';
import { K8S_GATEWAY } from '../model/gatewayApi.ts';
import { formatShare } from '../model/weights.ts';
import type { SimDestination, Simulation } from './types.ts';

/**
 * One line that answers "where does this request go?", for the panel and `simulate --format
 * text`. It never says more than the steps: a destination Envoy has no endpoints for is a 503,
 * not a route (CONTRACT section 4), and one whose pods are not in the workspace says so.
 */
export function outcomeSummary(simulation: Simulation): string {
  const { outcome, status } = simulation;
  const owner = simulation.httpRoute ?? simulation.ingress ?? simulation.virtualService;
  const rule = simulation.rule
    ? `rule ${simulation.rule.name ?? `${simulation.rule.section}[${simulation.rule.index}]`} of ${owner}`
    : undefined;
  switch (outcome) {
    case 'route':
      return routeSummary(simulation, rule);
    case 'redirect':
      return `${status} redirect to ${simulation.redirect?.location ?? '?'}${rule ? ` (${rule})` : simulation.ingress ? ` (${simulation.ingress})` : ' (httpsRedirect)'}`;
    case 'directResponse':
      return `${status} answered by the gateway itself (directResponse, ${rule})`;
    case 'fault':
      return `${status ?? 'gRPC'} abort injected by ${rule}`;
    case 'noRoute':
      // Gateways always name themselves; only an Ingress controller answers without one.
      if (simulation.ingress !== undefined || simulation.gateway === null)
        return `${status ?? 404} from the Ingress controller: no Ingress path matches`;
      return `${status ?? 404} from the gateway: ${isGatewayApi(simulation) ? `no ${routeKindOf(simulation)} rule matches${simulation.listener ? ` on listener ${simulation.listener.name}` : ''}` : 'no VirtualService route matches'}`;
    case 'noServer':
      return 'No server of any Gateway takes this request: the connection fails';
  }
}

/**
 * How the answer should look: `ok` routed, `partial` routed but a share fails with 503, `failed`
 * the gateway answers with an error (or the connection fails), `info` neither.
 */
export type OutcomeTone = 'ok' | 'partial' | 'failed' | 'info';

export function outcomeTone(simulation: Simulation): OutcomeTone {
  switch (simulation.outcome) {
    case 'route': {
      const taken = simulation.destinations.filter((d) => d.probability > 0);
      const failing = taken.filter((d) => d.endpoints === 'none');
      if (simulation.status !== null || (taken.length > 0 && failing.length === taken.length))
        return 'failed';
      return failing.length > 0 ? 'partial' : 'ok';
    }
    case 'redirect':
    case 'directResponse':
      return 'info';
    default:
      return 'failed';
  }
}

function routeSummary(simulation: Simulation, rule: string | undefined): string {
  const taken = simulation.destinations.filter((d) => d.probability > 0);
  const failing = taken.filter((d) => d.endpoints === 'none');
  const served = taken.filter((d) => d.endpoints !== 'none');
  if (taken.length === 0)
    return `${simulation.status ?? 503} from the gateway: ${rule ?? 'the rule'} has no destination`;
  if (served.length === 0) {
    // TCP and TLS routes have no HTTP answer: the connection is closed instead.
    const answer =
      simulation.status === null ? 'The connection fails' : `${simulation.status} from the gateway`;
    return `${answer}: ${failureText(failing)}`;
  }
  const routed = `Routed by ${rule ?? simulation.httpRoute ?? simulation.ingress ?? simulation.virtualService} to ${served.map(destinationText).join(', ')}`;
  if (failing.length === 0) return routed;
  const parts: string[] = [];
  // Gateway API: an unresolved backendRef's share is answered 500, one without endpoints 503.
  for (const [code, group] of [
    [500, failing.filter((d) => d.unresolved !== undefined)],
    [503, failing.filter((d) => d.unresolved === undefined)],
  ] as const) {
    if (group.length === 0) continue;
    const share = group.reduce((sum, d) => sum + d.probability, 0);
    const names = group.map((d) => `${shortName(d)} ${d.endpointsNote ?? 'has no endpoints'}`);
    parts.push(`${formatShare(share)} fail with ${code}: ${names.join(', ')}`);
  }
  return `${routed}; ${parts.join('; ')}`;
}

function isGatewayApi(simulation: Simulation): boolean {
  return simulation.gateway?.startsWith(`${K8S_GATEWAY}/`) === true;
}

/** What kind of route a Gateway API answer names: `HTTPRoute`, `GRPCRoute`… (from its id). */
function routeKindOf(simulation: Simulation): string {
  return simulation.httpRoute?.split('/')[0] ?? 'HTTPRoute';
}

/** `no endpoints for myapp v1, v2 (UH); no cluster for myapp v3 (NC)`. */
function failureText(failing: readonly SimDestination[]): string {
  const groups = new Map<string, string[]>();
  for (const d of failing) {
    const flag = d.responseFlag ?? 'UH';
    const list = groups.get(flag);
    if (list) list.push(shortName(d));
    else groups.set(flag, [shortName(d)]);
  }
  return [...groups]
    .map(
      ([flag, names]) =>
        `${flag === 'NC' ? 'no cluster' : 'no endpoints'} for ${joinNames(names)} (${flag})`,
    )
    .join('; ');
}

/** `myapp v1`, `myapp v2` → `myapp v1, v2`: the host once when it repeats. */
function joinNames(names: readonly string[]): string {
  const out: string[] = [];
  let lastHost: string | undefined;
  for (const name of names) {
    const [host, subset] = name.split(' ');
    out.push(host === lastHost && subset ? subset : name);
    lastHost = host;
  }
  return out.join(', ');
}

/** `reviews.bookinfo.svc.cluster.local` subset v2 → `reviews v2`. */
function shortName(d: SimDestination): string {
  const host = shortHost(d.host);
  return d.subset ? `${host} ${d.subset}` : host;
}

/** `reviews.bookinfo.svc.cluster.local:9080 v2 (90%)`, with why its endpoints cannot be told. */
export function destinationText(d: SimDestination): string {
  const unknown = d.endpoints === 'unknown' && d.endpointsNote ? `, ${d.endpointsNote}` : '';
  return `${d.host}${d.port ? `:${d.port}` : ''}${d.subset ? ` ${d.subset}` : ''} (${formatShare(d.probability)}${unknown})`;
}
