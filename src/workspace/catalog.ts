import type { DestinationRule } from '../model/destinationRule.ts';
import type { EnvoyFilter } from '../model/envoyFilter.ts';
import type { Gateway } from '../model/gateway.ts';
import type { HorizontalPodAutoscaler } from '../model/horizontalPodAutoscaler.ts';
import { resolveHost, serviceFqdn } from '../model/hosts.ts';
import { isModelled } from '../model/kinds.ts';
import { isDashboardConfigMap, isMonitoringObject } from '../model/monitoring.ts';
import type { PodDisruptionBudget } from '../model/podDisruptionBudget.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Service } from '../model/service.ts';
import type { ServiceEntry } from '../model/serviceEntry.ts';
import type { VirtualService } from '../model/virtualService.ts';
import type { Workload } from '../model/workload.ts';
import { sameItems } from './sameItems.ts';
import { type Entry, entries, type Workspace } from './workspace.ts';

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
  /**
   * Monitoring, which the designer does not model but reads (model/monitoring.ts): prometheus-
   * operator's ServiceMonitors, PodMonitors and PrometheusRules and Grafana dashboard ConfigMaps.
   */
  readonly monitoring: readonly Entry[];
}

/** One catalog per workspace: the graph, the checks and the simulator all ask for it. */
const catalogs = new WeakMap<Workspace, Catalog>();

/** The modelled resources of a workspace, by kind, in workspace order. */
interface Lists {
  readonly gateways: Item<Gateway>[];
  readonly virtualServices: Item<VirtualService>[];
  readonly destinationRules: Item<DestinationRule>[];
  readonly services: Item<Service>[];
  readonly serviceEntries: Item<ServiceEntry>[];
  readonly workloads: Item<Workload>[];
  readonly autoscalers: Item<HorizontalPodAutoscaler>[];
  readonly budgets: Item<PodDisruptionBudget>[];
  readonly envoyFilters: Item<EnvoyFilter>[];
  readonly monitoring: Entry[];
}

/**
 * The catalog asked for last, with the lists it was built from: a part whose list did not change
 * is taken from it as it is, so the next workspace's catalog (after one keystroke) shares its
 * indexes, and what was derived from them (graph fragments) can tell by identity that they hold.
 */
let previous: { readonly catalog: Catalog; readonly lists: Lists } | undefined;
const built = new WeakMap<Catalog, Lists>();
/** One item per manifest object, so unchanged resources compare equal by identity. */
const items = new WeakMap<object, Item<unknown>>();

/**
 * Sorts the workspace's modelled resources by kind. A resource id that repeats (an invalid
 * workspace) is taken from its first document only, as `findEntry` does.
 */
export function buildCatalog(workspace: Workspace): Catalog {
  let catalog = catalogs.get(workspace);
  if (!catalog) {
    const lists = sortByKind(workspace);
    catalog = indexed(lists, previous);
    catalogs.set(workspace, catalog);
    built.set(catalog, lists);
  }
  previous = { catalog, lists: built.get(catalog) as Lists };
  return catalog;
}

function sortByKind(workspace: Workspace): Lists {
  const lists: Lists = {
    gateways: [],
    virtualServices: [],
    destinationRules: [],
    services: [],
    serviceEntries: [],
    workloads: [],
    autoscalers: [],
    budgets: [],
    envoyFilters: [],
    monitoring: [],
  };
  const seen = new Set<ResourceId>();
  for (const entry of entries(workspace)) {
    const { id, object } = entry;
    if (seen.has(id)) continue;
    if (!isModelled(object)) {
      if (isMonitoringObject(object) || isDashboardConfigMap(object)) {
        seen.add(id);
        lists.monitoring.push(entry);
      }
      continue;
    }
    seen.add(id);
    let item = items.get(object) as Item<never> | undefined;
    if (!item) {
      item = { id, object } as Item<never>;
      items.set(object, item);
    }
    switch (object.kind) {
      case 'Gateway':
        lists.gateways.push(item);
        break;
      case 'VirtualService':
        lists.virtualServices.push(item);
        break;
      case 'DestinationRule':
        lists.destinationRules.push(item);
        break;
      case 'Service':
        lists.services.push(item);
        break;
      case 'ServiceEntry':
        lists.serviceEntries.push(item);
        break;
      case 'Deployment':
      case 'Pod':
        lists.workloads.push(item);
        break;
      case 'HorizontalPodAutoscaler':
        lists.autoscalers.push(item);
        break;
      case 'PodDisruptionBudget':
        lists.budgets.push(item);
        break;
      case 'EnvoyFilter':
        lists.envoyFilters.push(item);
        break;
    }
  }
  return lists;
}

/** The catalog of `lists`; each part built again only when the list it is built from changed. */
function indexed(lists: Lists, before: typeof previous): Catalog {
  const same = (kind: keyof Lists) =>
    before !== undefined &&
    sameItems<Item<unknown>>(lists[kind], before.lists[kind] as readonly Item<unknown>[]);
  // A part of the previous catalog while its list is the same, else built from the new list.
  const part = <K extends keyof Catalog>(kind: keyof Lists, field: K, build: () => Catalog[K]) =>
    before && same(kind) ? before.catalog[field] : build();
  // Which names exist holds while the names do, whatever else changed in the resources.
  const idsOf = <T>(list: readonly Item<T>[], old: ReadonlySet<ResourceId> | undefined) =>
    old !== undefined && old.size === list.length && list.every((item) => old.has(item.id))
      ? old
      : new Set(list.map((item) => item.id));
  const byNamespace =
    <T extends Namespaced>(list: readonly Item<T>[]) =>
    () =>
      groupBy(list, namespaceOf);
  const { gateways, virtualServices, destinationRules, services, serviceEntries, workloads } =
    lists;
  return {
    gateways: part('gateways', 'gateways', () => gateways),
    gatewayIds: idsOf(gateways, before?.catalog.gatewayIds),
    virtualServices: part('virtualServices', 'virtualServices', () => virtualServices),
    virtualServiceIds: idsOf(virtualServices, before?.catalog.virtualServiceIds),
    destinationRules: part('destinationRules', 'destinationRules', () => destinationRules),
    destinationRulesByFqdn: part('destinationRules', 'destinationRulesByFqdn', () =>
      groupBy(
        destinationRules.filter((item) => item.object.host !== ''),
        (item) => resolveHost(item.object.host, item.object.metadata.namespace),
      ),
    ),
    services: part('services', 'services', () => services),
    servicesByNamespace: part('services', 'servicesByNamespace', byNamespace(services)),
    serviceByFqdn: part('services', 'serviceByFqdn', () => firstByFqdn(services)),
    serviceEntries: part('serviceEntries', 'serviceEntries', () => serviceEntries),
    serviceEntryByHost: part('serviceEntries', 'serviceEntryByHost', () =>
      firstByHost(serviceEntries),
    ),
    workloads: part('workloads', 'workloads', () => workloads),
    workloadsByNamespace: part('workloads', 'workloadsByNamespace', byNamespace(workloads)),
    autoscalersByNamespace: part(
      'autoscalers',
      'autoscalersByNamespace',
      byNamespace(lists.autoscalers),
    ),
    budgetsByNamespace: part('budgets', 'budgetsByNamespace', byNamespace(lists.budgets)),
    envoyFiltersByNamespace: part(
      'envoyFilters',
      'envoyFiltersByNamespace',
      byNamespace(lists.envoyFilters),
    ),
    monitoring: part('monitoring', 'monitoring', () => lists.monitoring),
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

type Namespaced = { readonly metadata: { readonly namespace: string } };

function namespaceOf(item: Item<Namespaced>): string {
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
