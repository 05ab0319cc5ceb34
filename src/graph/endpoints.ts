import { mostSpecificHost } from '../model/hosts.ts';
import { isEmptySelector, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Workload } from '../model/workload.ts';
import { type Catalog, type Item, inNamespace } from '../workspace/catalog.ts';

/**
 * What a destination host stands for: the Kubernetes Service with that FQDN, else the
 * ServiceEntry that lists it (exactly, else by wildcard). One answer for the graph and the
 * simulator, so the pods drawn behind a subset are the pods a request to it reaches.
 */
export interface HostTarget {
  readonly id: ResourceId;
  readonly kind: 'Service' | 'ServiceEntry';
  readonly namespace: string;
  readonly ports: readonly number[];
  /** Labels of the pods behind it; undefined when it selects none by labels. */
  readonly selector: Dict<string> | undefined;
}

/** The Service or ServiceEntry the host `fqdn` stands for, undefined when the workspace has none. */
export function hostTarget(catalog: Catalog, fqdn: string): HostTarget | undefined {
  const service = catalog.serviceByFqdn.get(fqdn);
  if (service)
    return {
      id: service.id,
      kind: 'Service',
      namespace: service.object.metadata.namespace,
      ports: service.object.ports.flatMap((p) => (p.port === undefined ? [] : [p.port])),
      selector: service.object.selector,
    };
  const pattern = mostSpecificHost(fqdn, catalog.serviceEntryByHost.keys());
  const entry = pattern === undefined ? undefined : catalog.serviceEntryByHost.get(pattern);
  if (!entry) return undefined;
  return {
    id: entry.id,
    kind: 'ServiceEntry',
    namespace: entry.object.metadata.namespace,
    ports: entry.object.ports.flatMap((p) => (p.number === undefined ? [] : [p.number])),
    selector: entry.object.workloadSelector,
  };
}

/**
 * The workloads behind `target`, narrowed to a subset's labels: Istio's endpoints of a subset are
 * the Service's endpoints (its selector, in its namespace) that also carry the subset labels.
 * Never the subset labels alone: other apps' pods may carry the same `version` label.
 */
export function targetWorkloads(
  catalog: Catalog,
  target: HostTarget,
  subsetLabels: Dict<string> | undefined,
): readonly Item<Workload>[] {
  const selector = target.selector;
  // A Service without a selector (or an empty one) has hand-made endpoints, not pods by labels.
  if (!selector || isEmptySelector(selector)) return [];
  return inNamespace(catalog.workloadsByNamespace, target.namespace).filter(
    (w) =>
      selects(selector, w.object.podLabels) &&
      (subsetLabels === undefined || selects(subsetLabels, w.object.podLabels)),
  );
}
