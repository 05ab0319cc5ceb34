import { hostSubsetOf } from '../../model/hosts.ts';
import { isModelled } from '../../model/kinds.ts';
import type { ResourceId } from '../../model/resource.ts';
import type { CheckContext } from '../context.ts';
import { analyzerFqdn } from './istioHosts.ts';

/** A destination host as the analyzers know it: a Service or a ServiceEntry, with its ports. */
export interface KnownHost {
  readonly id: ResourceId;
  readonly kind: 'Service' | 'ServiceEntry';
  /** Port numbers; a port written without a number counts as 0, as in Istio. */
  readonly ports: readonly number[];
}

/**
 * Hosts keyed `scope/fqdn`, where scope is `*` (visible everywhere) or a namespace: Istio's
 * `InitServiceEntryHostMap` (pkg/config/analysis/analyzers/util/service_lookup.go). ServiceEntries
 * are entered first and Services after, a later entry replacing an earlier one with the same key.
 */
export interface HostRegistry {
  readonly byKey: ReadonlyMap<string, KnownHost>;
  /** The wildcard keys (`*.example.com`), split, for the wildcard search. */
  readonly wildcards: readonly {
    readonly scope: string;
    readonly host: string;
    readonly key: string;
  }[];
}

const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';
const cache = new WeakMap<CheckContext, HostRegistry>();

export function hostRegistry(context: CheckContext): HostRegistry {
  const cached = cache.get(context);
  if (cached) return cached;
  const byKey = new Map<string, KnownHost>();
  const seen = new Set<ResourceId>();
  for (const entry of context.entriesOf('ServiceEntry')) {
    const se = entry.object;
    if (seen.has(entry.id) || !isModelled(se) || se.kind !== 'ServiceEntry') continue;
    seen.add(entry.id);
    const namespace = se.metadata.namespace;
    const known: KnownHost = {
      id: entry.id,
      kind: 'ServiceEntry',
      ports: se.ports.map((p) => p.number ?? 0),
    };
    // An empty exportTo, or one with `*`, exports to all namespaces; `.` is the entry's own.
    const scopes =
      !se.exportTo || se.exportTo.length === 0
        ? ['*']
        : se.exportTo.map((s) => (s === '.' ? namespace : s));
    for (const host of se.hosts) {
      for (const scope of scopes) byKey.set(`${scope}/${analyzerFqdn(namespace, host)}`, known);
    }
  }
  for (const item of context.services) {
    const { name, namespace, annotations } = item.object.metadata;
    const known: KnownHost = {
      id: item.id,
      kind: 'Service',
      ports: item.object.ports.map((p) => p.port ?? 0),
    };
    // `getVisibleNamespacesFromExportToAnno`: split on commas, `.` is the Service's namespace.
    const annotation = annotations[EXPORT_TO_ANNOTATION] ?? '';
    const scopes =
      annotation === '' ? ['*'] : annotation.split(',').map((s) => (s === '.' ? namespace : s));
    for (const scope of scopes) byKey.set(`${scope}/${analyzerFqdn(namespace, name)}`, known);
  }
  const wildcards: { scope: string; host: string; key: string }[] = [];
  for (const key of byKey.keys()) {
    const slash = key.indexOf('/');
    const host = key.slice(slash + 1);
    if (host.startsWith('*')) wildcards.push({ scope: key.slice(0, slash), host, key });
  }
  const registry = { byKey, wildcards };
  cache.set(context, registry);
  return registry;
}

/**
 * The Service or ServiceEntry a destination host of a VirtualService in `namespace` (with its
 * `exportTo`) refers to: Istio's `GetDestinationHost`. Exact keys first (exported to all, then
 * to the VirtualService's namespace, or to each of its `exportTo` namespaces), then wildcard
 * entries visible to all or to the namespace, by suffix.
 */
export function lookupHost(
  registry: HostRegistry,
  namespace: string,
  exportTo: readonly string[] | undefined,
  host: string,
): KnownHost | undefined {
  const fqdn = analyzerFqdn(namespace, host);
  const everywhere = registry.byKey.get(`*/${fqdn}`);
  if (everywhere) return everywhere;
  const scopes =
    !exportTo || exportTo.length === 0
      ? [namespace]
      : exportTo.map((e) => (e === '.' ? namespace : e));
  for (const scope of scopes) {
    const found = registry.byKey.get(`${scope}/${fqdn}`);
    if (found) return found;
  }
  // The analyzer's suffix test on names without their `*` is `host.Name.SubsetOf`.
  for (const wildcard of registry.wildcards) {
    if (wildcard.scope !== '*' && wildcard.scope !== namespace) continue;
    if (hostSubsetOf(host, wildcard.host)) return registry.byKey.get(wildcard.key);
  }
  return undefined;
}
