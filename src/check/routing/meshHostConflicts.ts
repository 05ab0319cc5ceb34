import { hostNamesOverlap } from '../../model/hosts.ts';
import { valueAt } from '../../model/read.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { analyzerFqdn, exportedToAll } from './istioHosts.ts';
import { indexedStrings } from './rawValues.ts';
import {
  addressOf,
  type VirtualServiceEntry,
  virtualServiceEntries,
} from './virtualServiceEntries.ts';

interface Claim {
  readonly item: VirtualServiceEntry;
  /** Position of the host in `spec.hosts`. */
  readonly index: number;
}

/**
 * Istio's `ConflictingMeshGatewayHostsAnalyzer` (pkg/config/analysis/analyzers/virtualservice/
 * conflictingmeshgatewayhosts.go) → IST0109: VirtualServices that apply to the mesh (no
 * `gateways`, or `mesh` among them) and define the same host, within the same export scope.
 * Each host is keyed `scope/fqdn`: scope `*` when exported to all namespaces, else each
 * `exportTo` namespace. A namespace-scoped host also conflicts with every host exported to all
 * that overlaps it, wildcards included. Each VirtualService is reported once. Kiali's KIA1106
 * ("more than one VirtualService for the same host") means the same for these.
 */
export function* checkMeshHostConflicts(context: CheckContext): Iterable<Finding> {
  const claims = new Map<string, Claim[]>();
  for (const item of virtualServiceEntries(context)) {
    const { vs, entry } = item;
    const gateways = vs.gateways ?? [];
    if (gateways.length > 0 && !gateways.includes('mesh')) continue;
    const namespace = vs.metadata.namespace;
    const scopes = exportedToAll(vs.exportTo)
      ? ['*']
      : [...new Set((vs.exportTo ?? []).map((e) => (e === '.' ? namespace : e)))];
    const hosts = indexedStrings(valueAt(context.raw(entry), ['spec', 'hosts']));
    for (const scope of scopes) {
      for (const { value, index } of hosts) {
        const key = `${scope}/${analyzerFqdn(namespace, value)}`;
        const list = claims.get(key);
        if (list) list.push({ item, index });
        else claims.set(key, [{ item, index }]);
      }
    }
  }
  const everywhere = [...claims].filter(([key]) => key.startsWith('*/'));
  const reported = new Set<string>();
  for (const [key, own] of claims) {
    const slash = key.indexOf('/');
    const fqdn = key.slice(slash + 1);
    const conflicting = key.startsWith('*/')
      ? own
      : [
          ...own,
          ...everywhere
            .filter(([k]) => hostNamesOverlap(fqdn, k.slice(2)))
            .flatMap(([, list]) => list),
        ];
    if (conflicting.length < 2) continue;
    const names = conflicting.map(
      (c) => `${c.item.vs.metadata.namespace}/${c.item.vs.metadata.name}`,
    );
    for (const claim of conflicting) {
      const { entry, vs } = claim.item;
      if (reported.has(entry.id)) continue;
      reported.add(entry.id);
      const self = `${vs.metadata.namespace}/${vs.metadata.name}`;
      const others = [...new Set(names.filter((n) => n !== self))];
      yield {
        code: 'vs-mesh-host-conflict',
        severity: 'error',
        message: `Host ${fqdn} is also defined for the mesh by ${others.length > 0 ? `VirtualService ${others.join(', ')}` : 'another host of this VirtualService'}; which rules sidecars apply is then undefined: merge the conflicting VirtualServices into one`,
        resource: entry.id,
        at: addressOf(entry),
        path: ['spec', 'hosts', claim.index],
        istio: 'IST0109',
        kiali: 'KIA1106',
      };
    }
  }
}
