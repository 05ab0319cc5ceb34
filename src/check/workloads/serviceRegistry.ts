import { hostMatches, hostSubsetOf } from '../../model/hosts.ts';
import { isModelled } from '../../model/kinds.ts';
import type { Dict } from '../../model/read.ts';
import type { CheckContext } from '../context.ts';
import { entryOf } from './resources.ts';

/** A Service or ServiceEntry a host resolves to, with the workloads it selects, if any. */
export interface RegistryEntry {
  readonly host: string;
  readonly workloadSelector: Dict<string> | undefined;
}

interface Registry {
  /** `scope/fqdn` → entry; scope is a namespace that sees the host, or `*` for all. */
  readonly scoped: ReadonlyMap<string, RegistryEntry>;
  /** The scoped keys whose host is a wildcard (`*.example.com`). */
  readonly wildcards: readonly {
    readonly scope: string;
    readonly host: string;
    readonly entry: RegistryEntry;
  }[];
  /** Every host, for wildcard DestinationRule hosts. */
  readonly hosts: readonly string[];
}

const EXPORT_TO = 'networking.istio.io/exportTo';
const cache = new WeakMap<CheckContext, Registry>();

/**
 * A host as Istio's analyzers key it (`util.ConvertHostToFQDN`): a short name is a Service of
 * `namespace`; anything with a dot, or a wildcard, is taken as written.
 */
export function analyzerFqdn(namespace: string, host: string): string {
  return host.startsWith('*') || host.includes('.')
    ? host
    : `${host}.${namespace}.svc.cluster.local`;
}

/**
 * The hosts the analyzers know (`util.InitServiceEntryHostMap`, pkg/config/analysis/analyzers/
 * util/service_lookup.go): ServiceEntry hosts, visible everywhere when exported to all (no
 * `exportTo`, or `*`) and else in their own namespace; then Kubernetes Services, visible where
 * their `networking.istio.io/exportTo` annotation says (default everywhere). A Service brings no
 * workload selector there; a ServiceEntry its `workloadSelector`.
 */
function registry(context: CheckContext): Registry {
  let found = cache.get(context);
  if (found) return found;
  const scoped = new Map<string, RegistryEntry>();
  const hosts: string[] = [];
  for (const entry of context.entriesOf('ServiceEntry')) {
    const object = entry.object;
    if (!isModelled(object) || object.kind !== 'ServiceEntry') continue;
    if (entryOf(context, entry.id) !== entry) continue;
    const namespace = object.metadata.namespace;
    const exportTo = object.exportTo ?? [];
    const scope = exportTo.length === 0 || exportTo.includes('*') ? '*' : namespace;
    for (const host of object.hosts) {
      const fqdn = analyzerFqdn(namespace, host);
      scoped.set(`${scope}/${fqdn}`, { host: fqdn, workloadSelector: object.workloadSelector });
      hosts.push(fqdn);
    }
  }
  for (const item of context.services) {
    const { name, namespace, annotations } = item.object.metadata;
    const fqdn = analyzerFqdn(namespace, name);
    const annotation = annotations[EXPORT_TO] ?? '';
    const scopes =
      annotation === ''
        ? ['*']
        : annotation.split(',').map((s) => (s.trim() === '.' ? namespace : s.trim()));
    for (const scope of scopes)
      scoped.set(`${scope}/${fqdn}`, { host: fqdn, workloadSelector: undefined });
    hosts.push(fqdn);
  }
  const wildcards = [...scoped]
    .filter(([key]) => key.slice(key.indexOf('/') + 1).startsWith('*'))
    .map(([key, entry]) => ({
      scope: key.slice(0, key.indexOf('/')),
      host: key.slice(key.indexOf('/') + 1),
      entry,
    }));
  found = { scoped, wildcards, hosts };
  cache.set(context, found);
  return found;
}

/**
 * The Service or ServiceEntry a DestinationRule host names (`util.GetDestinationHost`): first
 * one exported to all namespaces, then one visible in the rule's `exportTo` namespaces (its own
 * by default), then a wildcard ServiceEntry host the rule's host falls under.
 */
export function destinationHost(
  context: CheckContext,
  namespace: string,
  exportTo: readonly string[] | undefined,
  host: string,
): RegistryEntry | undefined {
  const { scoped, wildcards } = registry(context);
  const fqdn = analyzerFqdn(namespace, host);
  const everywhere = scoped.get(`*/${fqdn}`);
  if (everywhere) return everywhere;
  const scopes =
    exportTo && exportTo.length > 0
      ? exportTo.map((e) => (e === '.' ? namespace : e))
      : [namespace];
  for (const scope of scopes) {
    const found = scoped.get(`${scope}/${fqdn}`);
    if (found) return found;
  }
  // The analyzer's suffix test on names without their `*` is `host.Name.SubsetOf`.
  for (const wildcard of wildcards) {
    if (wildcard.scope !== '*' && wildcard.scope !== namespace) continue;
    if (hostSubsetOf(host, wildcard.host)) return wildcard.entry;
  }
  return undefined;
}

/** Whether a wildcard host (`*.example.com`, `*`) covers any known host. */
export function wildcardCoversAny(context: CheckContext, pattern: string): boolean {
  return registry(context).hosts.some((host) => hostMatches(pattern, host));
}
