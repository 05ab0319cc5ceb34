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
  readonly serviceEntries: readonly Item<ServiceEntry>[];
  /** The first ServiceEntry listing each (resolved) host, wildcards included as written. */
  readonly serviceEntryByHost: ReadonlyMap<string, Item<ServiceEntry>>;
  readonly workloads: readonly Item<Workload>[];
  readonly workloadsByNamespace: ByKey<Workload>;
  readonly autoscalersByNamespace: ByKey<HorizontalPodAutoscaler>;
  readonly budgetsByNamespace: ByKey<PodDisruptionBudget>;
  readonly envoyFiltersByNamespace: ByKey<EnvoyFilter>;
}

/** One catalog per workspace: the graph, the checks and the simulator all ask for it. */
const catalogs = new WeakMap<Workspace, Catalog>();
/**
 * The catalog asked for last: a part whose inputs did not change is taken from it as it is, so the
 * next workspace's catalog (after one keystroke) shares its indexes, and what was derived from
 * them (graph fragments) can tell by identity that they still hold.
 */
let previous: Catalog | undefined;
/** One item per manifest object, so unchanged resources compare equal by identity. */
const items = new WeakMap<object, Item<unknown>>();

/**
 * Sorts the workspace's modelled resources by kind. A resource id that repeats (an invalid
 * workspace) is taken from its first document only, as `findEntry` does.
 */
export function buildCatalog(workspace: Workspace): Catalog {
  let catalog = catalogs.get(workspace);
  if (!catalog) {
    catalog = sortedCatalog(workspace, previous);
    catalogs.set(workspace, catalog);
  }
  previous = catalog;
  return catalog;
}

function sortedCatalog(workspace: Workspace, before: Catalog | undefined): Catalog {
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
    let item = items.get(object) as Item<never> | undefined;
    if (!item) {
      item = { id, object } as Item<never>;
      items.set(object, item);
    }
    switch (object.kind) {
      case 'Gateway':
        gateways.push(item);
        break;
      case 'VirtualService':
        virtualServices.push(item);
        break;
      case 'DestinationRule':
        destinationRules.push(item);
        break;
      case 'Service':
        services.push(item);
        break;
      case 'ServiceEntry':
        serviceEntries.push(item);
        break;
      case 'Deployment':
      case 'Pod':
        workloads.push(item);
        break;
      case 'HorizontalPodAutoscaler':
        autoscalers.push(item);
        break;
      case 'PodDisruptionBudget':
        budgets.push(item);
        break;
      case 'EnvoyFilter':
        envoyFilters.push(item);
        break;
    }
  }

  // Each part is built again only when what it is built from changed.
  const kept = <T>(list: readonly T[], old: readonly T[] | undefined) =>
    old !== undefined && sameItems(list, old);
  const b = before;
  const sameGateways = kept(gateways, b?.gateways);
  const sameVirtualServices = kept(virtualServices, b?.virtualServices);
  const sameRules = kept(destinationRules, b?.destinationRules);
  const sameServices = kept(services, b?.services);
  const sameEntries = kept(serviceEntries, b?.serviceEntries);
  const sameWorkloads = kept(workloads, b?.workloads);
  const idsOf = <T>(list: readonly Item<T>[], old: ReadonlySet<ResourceId> | undefined) =>
    old !== undefined && old.size === list.length && list.every((item) => old.has(item.id))
      ? old
      : new Set(list.map((item) => item.id));
  const byNamespace = <T>(list: readonly Item<T>[], old: ByKey<T> | undefined, same: boolean) =>
    same && old ? old : groupBy(list as Item<T & Namespaced>[], namespaceOf);

  return {
    gateways: sameGateways && b ? b.gateways : gateways,
    gatewayIds: idsOf(gateways, b?.gatewayIds),
    virtualServices: sameVirtualServices && b ? b.virtualServices : virtualServices,
    virtualServiceIds: idsOf(virtualServices, b?.virtualServiceIds),
    destinationRules: sameRules && b ? b.destinationRules : destinationRules,
    destinationRulesByFqdn:
      sameRules && b
        ? b.destinationRulesByFqdn
        : groupBy(
            destinationRules.filter((item) => item.object.host !== ''),
            (item) => resolveHost(item.object.host, item.object.metadata.namespace),
          ),
    services: sameServices && b ? b.services : services,
    servicesByNamespace: byNamespace(services, b?.servicesByNamespace, sameServices),
    serviceByFqdn: sameServices && b ? b.serviceByFqdn : firstByFqdn(services),
    serviceEntries: sameEntries && b ? b.serviceEntries : serviceEntries,
    serviceEntryByHost: sameEntries && b ? b.serviceEntryByHost : firstByHost(serviceEntries),
    workloads: sameWorkloads && b ? b.workloads : workloads,
    workloadsByNamespace: byNamespace(workloads, b?.workloadsByNamespace, sameWorkloads),
    autoscalersByNamespace: byNamespace(
      autoscalers,
      b?.autoscalersByNamespace,
      b !== undefined && sameItems(autoscalers, flat(b.autoscalersByNamespace)),
    ),
    budgetsByNamespace: byNamespace(
      budgets,
      b?.budgetsByNamespace,
      b !== undefined && sameItems(budgets, flat(b.budgetsByNamespace)),
    ),
    envoyFiltersByNamespace: byNamespace(
      envoyFilters,
      b?.envoyFiltersByNamespace,
      b !== undefined && sameItems(envoyFilters, flat(b.envoyFiltersByNamespace)),
    ),
  };
}

function firstByFqdn(services: readonly Item<Service>[]): ReadonlyMap<string, Item<Service>> {
  const out = new Map<string, Item<Service>>();
  for (const item of services) {
    const { name, namespace } = item.object.metadata;
    const fqdn = serviceFqdn(name, namespace);
    if (!out.has(fqdn)) out.set(fqdn, item);
  }
  return out;
}

function firstByHost(
  entries: readonly Item<ServiceEntry>[],
): ReadonlyMap<string, Item<ServiceEntry>> {
  const out = new Map<string, Item<ServiceEntry>>();
  for (const item of entries) {
    for (const host of item.object.hosts) {
      if (host === '') continue;
      const fqdn = resolveHost(host, item.object.metadata.namespace);
      if (!out.has(fqdn)) out.set(fqdn, item);
    }
  }
  return out;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The items of an index by namespace, in workspace order (groups keep it within themselves). */
function flat<T>(index: ByKey<T>): Item<T>[] {
  const out: Item<T>[] = [];
  for (const group of index.values()) for (const item of group) out.push(item);
  return out;
}

type Namespaced = { readonly metadata: { readonly namespace: string } };

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
