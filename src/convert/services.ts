import { CLUSTER_DOMAIN } from '../model/hosts.ts';
import type { Service } from '../model/service.ts';
import type { Catalog } from '../workspace/catalog.ts';

/** The Service a host names and the labels of a subset of it, from the workspace's catalog. */
export interface ServiceLookup {
  service(fqdn: string): Service | undefined;
  subsetLabels(fqdn: string, subset: string): Readonly<Record<string, string>> | undefined;
}

export function serviceLookup(catalog: Catalog): ServiceLookup {
  return {
    service: (fqdn) => catalog.serviceByFqdn.get(fqdn)?.object,
    subsetLabels(fqdn, subset) {
      for (const rule of catalog.destinationRulesByFqdn.get(fqdn) ?? []) {
        const found = rule.object.subsets.find((s) => s.name === subset);
        if (found) return found.labels;
      }
      return undefined;
    },
  };
}

/** A Kubernetes Service named by its FQDN (`name.ns.svc.cluster.local`), else undefined. */
export function serviceOfHost(fqdn: string): { name: string; namespace: string } | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { name: parts[0], namespace: parts[1] };
}
