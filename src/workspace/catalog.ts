import type { DestinationRule } from '../model/destinationRule.ts';
import type { EnvoyFilter } from '../model/envoyFilter.ts';
import type { Gateway } from '../model/gateway.ts';
import type { HorizontalPodAutoscaler } from '../model/horizontalPodAutoscaler.ts';
import { resolveHost, serviceFqdn } from '../model/hosts.ts';
import { isModelled } from '../model/kinds.ts';
import type { PodDisruptionBudget } from '../model/podDisruptionBudget.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Service } from '../model/service.ts';
import type { ServiceEntry } from '../model/serviceEntry.ts';
import type { VirtualService } from '../model/virtualService.ts';
import type { Workload } from '../model/workload.ts';
import { entries, type Workspace } from './workspace.ts';

/** A resource of the workspace with its `Kind/namespace/name`. */
export interface Item<T> {
  readonly id: ResourceId;
  readonly object: T;
}

type ByKey<T> = ReadonlyMap<string, readonly Item<T>[]>;

/**
 * The workspace's resources sorted by kind and indexed once, so that deriving the graph does
 * lookups instead of scanning every resource for every reference. Lists keep workspace order.
 */
export interface Catalog {
  readonly gateways: readonly Item<Gateway>[];
  readonly gatewayIds: ReadonlySet<ResourceId>;
  readonly virtualServices: readonly Item<VirtualService>[];
  readonly virtualServiceIds: ReadonlySet<ResourceId>;
  readonly destinationRules: readonly Item<DestinationRule>[];
  /** DestinationRules by their host resolved in their own namespace. */
  readonly destinationRulesByFqdn: ByKey<DestinationRule>;
  readonly services: readonly Item<Service>[];
  readonly servicesByNamespace: ByKey<Service>;
  /** The first Kubernetes Service with each FQDN. */
  readonly serviceByFqdn: ReadonlyMap<string, Item<Service>>;
  /** The first ServiceEntry listing each (resolved) host, wildcards included as written. */
  readonly serviceEntryByHost: ReadonlyMap<string, Item<ServiceEntry>>;
  readonly workloads: readonly Item<Workload>[];
  readonly workloadsByNamespace: ByKey<Workload>;
  readonly autoscalersByNamespace: ByKey<HorizontalPodAutoscaler>;
  readonly budgetsByNamespace: ByKey<PodDisruptionBudget>;
  readonly envoyFiltersByNamespace: ByKey<EnvoyFilter>;
}

/**
 * Sorts the workspace's modelled resources by kind. A resource id that repeats (an invalid
 * workspace) is taken from its first document only, as `findEntry` does.
 */
export function buildCatalog(workspace: Workspace): Catalog {
  const seen = new Set<ResourceId>();
  const gateways: Item<Gateway>[] = [];
  const virtualServices: Item<VirtualService>[] = [];
  const destinationRules: Item<DestinationRule>[] = [];
  const services: Item<Service>[] = [];
  const serviceEntries: Item<ServiceEntry>[] = [];
  const workloads: Item<Workload>[] = [];
  const autoscalers: Item<HorizontalPodAutoscaler>[] = [];
  const budgets: Item<PodDisruptionBudget>[] = [];
  const envoyFilters: Item<EnvoyFilter>[] = [];

  for (const { id, object } of entries(workspace)) {
    if (seen.has(id) || !isModelled(object)) continue;
    seen.add(id);
    switch (object.kind) {
      case 'Gateway':
        gateways.push({ id, object });
        break;
      case 'VirtualService':
        virtualServices.push({ id, object });
        break;
      case 'DestinationRule':
        destinationRules.push({ id, object });
        break;
      case 'Service':
        services.push({ id, object });
        break;
      case 'ServiceEntry':
        serviceEntries.push({ id, object });
        break;
      case 'Deployment':
      case 'Pod':
        workloads.push({ id, object });
        break;
      case 'HorizontalPodAutoscaler':
        autoscalers.push({ id, object });
        break;
      case 'PodDisruptionBudget':
        budgets.push({ id, object });
        break;
      case 'EnvoyFilter':
        envoyFilters.push({ id, object });
        break;
    }
  }

  const serviceByFqdn = new Map<string, Item<Service>>();
  for (const item of services) {
    const { name, namespace } = item.object.metadata;
    const fqdn = serviceFqdn(name, namespace);
    if (!serviceByFqdn.has(fqdn)) serviceByFqdn.set(fqdn, item);
  }
  const serviceEntryByHost = new Map<string, Item<ServiceEntry>>();
  for (const item of serviceEntries) {
    for (const host of item.object.hosts) {
      if (host === '') continue;
      const fqdn = resolveHost(host, item.object.metadata.namespace);
      if (!serviceEntryByHost.has(fqdn)) serviceEntryByHost.set(fqdn, item);
    }
  }

  return {
    gateways,
    gatewayIds: new Set(gateways.map((item) => item.id)),
    virtualServices,
    virtualServiceIds: new Set(virtualServices.map((item) => item.id)),
    destinationRules,
    destinationRulesByFqdn: groupBy(
      destinationRules.filter((item) => item.object.host !== ''),
      (item) => resolveHost(item.object.host, item.object.metadata.namespace),
    ),
    services,
    servicesByNamespace: groupBy(services, namespaceOf),
    serviceByFqdn,
    serviceEntryByHost,
    workloads,
    workloadsByNamespace: groupBy(workloads, namespaceOf),
    autoscalersByNamespace: groupBy(autoscalers, namespaceOf),
    budgetsByNamespace: groupBy(budgets, namespaceOf),
    envoyFiltersByNamespace: groupBy(envoyFilters, namespaceOf),
  };
}

function namespaceOf(item: Item<{ readonly metadata: { readonly namespace: string } }>): string {
  return item.object.metadata.namespace;
}

function groupBy<T>(items: readonly Item<T>[], key: (item: Item<T>) => string): ByKey<T> {
  const out = new Map<string, Item<T>[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The items of `namespace` in an index (empty when there are none). */
export function inNamespace<T>(index: ByKey<T>, namespace: string): readonly Item<T>[] {
  return index.get(namespace) ?? [];
}
