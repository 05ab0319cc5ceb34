import { hostMatches, resolveHost } from '../model/hosts.ts';
import { selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Destination, RouteDestination } from '../model/virtualService.ts';
import { type Catalog, inNamespace } from '../workspace/catalog.ts';
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

interface Target {
  readonly id: ResourceId;
  readonly namespace: string;
  readonly ports: readonly number[];
  /** Labels of the pods behind it; undefined when it selects none by labels. */
  readonly selector: Dict<string> | undefined;
}

/** The Service or ServiceEntry a host stands for. */
function targetOf(catalog: Catalog, host: string): Target | undefined {
  const service = catalog.serviceByFqdn.get(host);
  if (service)
    return {
      id: service.id,
      namespace: service.object.metadata.namespace,
      ports: service.object.ports.flatMap((p) => (p.port === undefined ? [] : [p.port])),
      selector: service.object.selector,
    };
  let entry = catalog.serviceEntryByHost.get(host);
  if (!entry)
    for (const [pattern, item] of catalog.serviceEntryByHost)
      if (pattern.startsWith('*') && hostMatches(pattern, host)) {
        entry = item;
        break;
      }
  if (!entry) return undefined;
  return {
    id: entry.id,
    namespace: entry.object.metadata.namespace,
    ports: entry.object.ports.flatMap((p) => (p.number === undefined ? [] : [p.number])),
    selector: entry.object.workloadSelector,
  };
}

/** `name.ns.svc.cluster.local` → `ns`. */
function clusterNamespace(host: string): string | undefined {
  const parts = host.split('.');
  return parts.length >= 3 && parts[2] === 'svc' ? parts[1] : undefined;
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
  const target = targetOf(ctx.catalog, host);
  if (!target)
    problems.push(
      `no Service or ServiceEntry for ${host} in the workspace: Envoy has no endpoints for it (503)`,
    );
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
  if (subsetName !== null && !subset)
    problems.push(
      applied
        ? `subset ${subsetName} is not defined in ${applied.ids.join(', ')}: Envoy has no such cluster (503 NC)`
        : `subset ${subsetName} needs a DestinationRule for ${host}, and none applies: Envoy has no such cluster (503 NC)`,
    );
  const pods = podsOf(ctx.catalog, target, subset?.subset.labels);
  if (
    subset &&
    target?.selector &&
    pods.length === 0 &&
    podsOf(ctx.catalog, target, undefined).length > 0
  )
    problems.push(`subset ${subsetName} selects none of the pods of ${target.id} (503 UH)`);
  return {
    host,
    subset: subsetName,
    port,
    service: target?.id ?? null,
    destinationRule: subset?.owner ?? applied?.id ?? null,
    trafficPolicy: policyOf(applied, subset, port) ?? null,
    pods,
    problems,
    definedAt: subset
      ? { resource: subset.owner, path: ['spec', 'subsets', subset.index] }
      : applied
        ? { resource: applied.id, path: ['spec'] }
        : undefined,
  };
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

function podsOf(
  catalog: Catalog,
  target: Target | undefined,
  subsetLabels: Dict<string> | undefined,
): ResourceId[] {
  if (!target?.selector) return [];
  const selector = target.selector;
  return inNamespace(catalog.workloadsByNamespace, target.namespace)
    .filter(
      (w) =>
        selects(selector, w.object.podLabels) &&
        (subsetLabels === undefined || selects(subsetLabels, w.object.podLabels)),
    )
    .map((w) => w.id);
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
  const total = route.reduce((sum, d) => sum + Math.max(0, d.weight ?? 0), 0);
  const destinations: SimDestination[] = [];
  const steps: Step[] = [];
  route.forEach((d, i) => {
    if (!d.destination) return;
    // A lone destination without weight takes 100% (virtual_service.proto, `weight`).
    const weight = d.weight ?? (route.length === 1 ? 100 : 0);
    const probability = route.length === 1 ? 1 : weight > 0 && total > 0 ? weight / total : 0;
    const path = [...at.path, 'route', i];
    const { definedAt, ...resolved } = resolveDestination(ctx, d.destination, namespace);
    destinations.push({ ...resolved, weight, probability, path });
    const share =
      route.length === 1 ? 'all requests' : `${formatPercent(probability)} (weight ${weight})`;
    const where = `${resolved.host}${resolved.subset ? ` subset ${resolved.subset}` : ''} port ${resolved.port}`;
    steps.push({
      kind: 'destination',
      detail: [`${where}: ${share}`, ...resolved.problems].join('; '),
      matched: probability > 0,
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

export function formatPercent(probability: number): string {
  return `${Math.round(probability * 10000) / 100}%`;
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
