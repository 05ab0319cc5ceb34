import { type HostTarget, hostTarget, targetWorkloads } from '../graph/endpoints.ts';
import { clusterNamespace } from '../graph/services.ts';
import { resolveHost } from '../model/hosts.ts';
import { isEmptySelector } from '../model/labels.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Destination, RouteDestination } from '../model/virtualService.ts';
import { formatShare, routeShares } from '../model/weights.ts';
import type { Catalog } from '../workspace/catalog.ts';
import {
  type AppliedRule,
  destinationRuleFor,
  type indexDestinationRules,
} from './destinationRules.ts';
import type { GatewayProxy } from './gatewayProxies.ts';
import { effectiveTrafficPolicy } from './trafficPolicy.ts';
import type { FieldPath, SimDestination, Step } from './types.ts';

export interface DestinationContext {
  readonly catalog: Catalog;
  readonly rules: ReturnType<typeof indexDestinationRules>;
  readonly proxy: GatewayProxy;
  readonly listenerPort: number;
}

/**
 * One destination as the gateway reaches it: the host resolved in the rule's namespace, the
 * port (`GetDestinationCluster`: the destination's port, else the Service's only port, else the
 * listener port), the DestinationRule and subset that apply, the effective traffic policy and
 * the workloads behind it.
 */
export function resolveDestination(
  ctx: DestinationContext,
  destination: Destination,
  namespace: string,
): ResolvedDestination {
  const host = resolveHost(destination.host, namespace);
  const problems: string[] = [];
  const { catalog } = ctx;
  const target = hostTarget(catalog, host);
  const verdicts: Verdict[] = [];
  if (!target) {
    // The lint's rule: a kind the workspace holds none of is "not in this workspace", not absent.
    if (catalog.services.length > 0 || catalog.serviceEntryByHost.size > 0) {
      problems.push(
        `no Service or ServiceEntry for ${host} in the workspace: Envoy has no endpoints for it (503)`,
      );
      verdicts.push({ endpoints: 'none', flag: 'NC', note: 'has no Service' });
    } else {
      problems.push(
        `the Service ${host} is not in this workspace (it holds no Services): whether Envoy has endpoints for it cannot be told`,
      );
      verdicts.push({ endpoints: 'unknown', note: 'its Service is not in this workspace' });
    }
  }
  let port: number | null;
  if (destination.port !== undefined) {
    port = destination.port;
    if (target && target.ports.length > 0 && !target.ports.includes(port))
      problems.push(`${target.id} has no port ${port}`);
  } else if (target && target.ports.length === 1) port = target.ports[0] as number;
  else {
    port = ctx.listenerPort;
    if (target && target.ports.length > 1)
      problems.push(
        `${target.id} has several ports and the destination names none: Istio uses the listener port ${port}`,
      );
  }

  const applied = destinationRuleFor(
    ctx.rules,
    host,
    ctx.proxy,
    target?.namespace ?? clusterNamespace(host),
  );
  const subsetName = destination.subset ?? null;
  const subset =
    subsetName === null ? undefined : applied?.subsets.find((s) => s.subset.name === subsetName);
  if (subsetName !== null && !subset) {
    if (applied || catalog.destinationRules.length > 0) {
      problems.push(
        applied
          ? `subset ${subsetName} is not defined in ${applied.ids.join(', ')}: Envoy has no such cluster (503 NC)`
          : `subset ${subsetName} needs a DestinationRule for ${host}, and none applies: Envoy has no such cluster (503 NC)`,
      );
      verdicts.push({ endpoints: 'none', flag: 'NC', note: `has no subset ${subsetName}` });
    } else {
      problems.push(
        `subset ${subsetName} needs a DestinationRule for ${host}; none is in this workspace (it holds no DestinationRules)`,
      );
      verdicts.push({ endpoints: 'unknown', note: 'its DestinationRule is not in this workspace' });
    }
  }
  // A subset Envoy has no cluster for reaches no pods, whatever the Service selects.
  const reachable = target && (subsetName === null || subset) ? target : undefined;
  const pods = reachable ? targetWorkloads(catalog, reachable, subset?.subset.labels) : [];
  if (reachable)
    verdicts.push(
      podsVerdict(
        ctx,
        reachable,
        subset ? (subsetName ?? undefined) : undefined,
        pods.length,
        problems,
      ),
    );
  const verdict =
    verdicts.find((v) => v.endpoints === 'none') ??
    verdicts.find((v) => v.endpoints === 'unknown') ??
    ({ endpoints: 'some' } as const);
  return {
    host,
    subset: subsetName,
    port,
    service: target?.id ?? null,
    destinationRule: subset?.owner ?? applied?.id ?? null,
    trafficPolicy: policyOf(applied, subset, port) ?? null,
    pods: pods.map((w) => w.id),
    problems,
    endpoints: verdict.endpoints,
    ...(verdict.flag ? { responseFlag: verdict.flag } : {}),
    ...(verdict.note ? { endpointsNote: verdict.note } : {}),
    definedAt: subset
      ? { resource: subset.owner, path: ['spec', 'subsets', subset.index] }
      : applied
        ? { resource: applied.id, path: ['spec'] }
        : undefined,
  };
}

/** Whether Envoy has endpoints for a destination, as one of the reasons decides it. */
interface Verdict {
  readonly endpoints: SimDestination['endpoints'];
  readonly flag?: 'NC' | 'UH';
  readonly note?: string;
}

/**
 * Endpoints from the pods a Service selects (CONTRACT section 4): none of them match while the
 * workspace holds the Service and workloads → Envoy has none (503 UH); the workspace holds no
 * workloads → they are not in this workspace; a Service without selector has hand-made
 * endpoints, and a ServiceEntry's may be addresses or WorkloadEntries: neither is judged.
 */
function podsVerdict(
  ctx: DestinationContext,
  target: HostTarget,
  subsetName: string | undefined,
  matching: number,
  problems: string[],
): Verdict {
  if (matching > 0) return { endpoints: 'some' };
  const selector = target.selector;
  if (target.kind !== 'Service' || !selector || isEmptySelector(selector))
    return target.kind === 'Service'
      ? { endpoints: 'unknown', note: 'its endpoints are not chosen by labels' }
      : { endpoints: 'some' };
  if (ctx.catalog.workloads.length === 0)
    return { endpoints: 'unknown', note: 'its pods are not in this workspace' };
  if (subsetName !== undefined && targetWorkloads(ctx.catalog, target, undefined).length > 0)
    problems.push(`subset ${subsetName} selects none of the pods of ${target.id} (503 UH)`);
  else
    problems.push(`${target.id} selects no pods in the workspace: Envoy has no endpoints (503 UH)`);
  return { endpoints: 'none', flag: 'UH', note: 'has no endpoints' };
}

type ResolvedDestination = Omit<SimDestination, 'weight' | 'probability' | 'path'> & {
  /** The subset (or DestinationRule) that applies, for the trace. */
  readonly definedAt: { readonly resource: ResourceId; readonly path: FieldPath } | undefined;
};

function policyOf(
  applied: AppliedRule | undefined,
  subset: AppliedRule['subsets'][number] | undefined,
  port: number | null,
) {
  if (!applied) return undefined;
  return effectiveTrafficPolicy(applied.trafficPolicy, subset?.subset.trafficPolicy, port);
}

/**
 * A rule's weighted destinations (`applyHTTPRouteDestination`): a lone destination takes all
 * traffic whatever its weight; with several, each gets weight / sum, and weight-0 ones (which
 * Istio drops) are listed with probability 0.
 */
export function weightedDestinations(
  ctx: DestinationContext,
  route: readonly RouteDestination[],
  namespace: string,
  at: { readonly resource: ResourceId; readonly path: FieldPath },
): { readonly destinations: SimDestination[]; readonly steps: Step[] } {
  const shares = routeShares(route.map((d) => d.weight));
  const destinations: SimDestination[] = [];
  const steps: Step[] = [];
  route.forEach((d, i) => {
    if (!d.destination) return;
    // A lone destination without weight takes 100% (virtual_service.proto, `weight`).
    const weight = d.weight ?? (route.length === 1 ? 100 : 0);
    const probability = shares[i] ?? 0;
    const path = [...at.path, 'route', i];
    const { definedAt, ...resolved } = resolveDestination(ctx, d.destination, namespace);
    destinations.push({ ...resolved, weight, probability, path });
    const share =
      route.length === 1 ? 'all requests' : `${formatShare(probability)} (weight ${weight})`;
    const where = `${resolved.host}${resolved.subset ? ` subset ${resolved.subset}` : ''} port ${resolved.port}`;
    steps.push({
      kind: 'destination',
      detail: [`${where}: ${share}`, ...resolved.problems].join('; '),
      // A destination Envoy has no endpoints for is not marked as a success, even when taken.
      matched: probability > 0 && resolved.endpoints !== 'none',
      index: i,
      resource: at.resource,
      path,
    });
    if (definedAt)
      steps.push({
        kind: 'policy',
        detail: policyDetail(resolved),
        resource: definedAt.resource,
        path: definedAt.path,
      });
  });
  return { destinations, steps };
}

/**
 * The status the gateway answers with itself on an HTTP route (CONTRACT section 4): 503 when no
 * destination a request can take has endpoints, or the rule has no destination; else null, the
 * backend answers.
 */
export function routeStatus(destinations: readonly SimDestination[]): 503 | null {
  return destinations.every((d) => d.probability <= 0 || d.endpoints === 'none') ? 503 : null;
}

function policyDetail(d: Omit<SimDestination, 'weight' | 'probability' | 'path'>): string {
  const policy = d.trafficPolicy;
  const groups = policy
    ? Object.entries(policy.sources).map(([group, source]) => `${group} from ${source}`)
    : [];
  const subset = d.subset ? `subset ${d.subset}` : 'no subset';
  const pods = d.pods.length > 0 ? `; pods ${d.pods.join(', ')}` : '';
  return `${d.destinationRule} applies to ${d.host} (${subset})${groups.length > 0 ? `: ${groups.join(', ')}` : ''}${pods}`;
}
