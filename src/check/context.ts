import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { K8S_GATEWAY } from '../model/gatewayApi.ts';
import { selects } from '../model/labels.ts';
import { resourceId } from '../model/resource.ts';
import { readService, type Service } from '../model/service.ts';
import { readPod, type Workload } from '../model/workload.ts';
import { buildCatalog, type Catalog, type Item } from '../workspace/catalog.ts';
import { type Entry, entries, type Workspace } from '../workspace/workspace.ts';
import type { ReferencedKind } from './finding.ts';

/** What every check reads: the workspace indexed once, plus what `istioctl analyze` assumes. */
export interface CheckContext {
  readonly workspace: Workspace;
  readonly catalog: Catalog;
  /** Every named manifest, modelled or not, in workspace order. */
  readonly entries: readonly Entry[];
  /** Entries of one `kind` (any apiVersion), in workspace order. */
  entriesOf(kind: string): readonly Entry[];
  /** The document as plain values, for fields or kinds the model does not read. */
  raw(entry: Entry): Record<string, unknown>;
  /** Workloads of the workspace plus the implied default ingress pod (see `impliedIngress`). */
  readonly workloads: readonly CheckItem<Workload>[];
  /** Services of the workspace plus the implied default ingress Service. */
  readonly services: readonly CheckItem<Service>[];
  /** Whether the workspace holds any resource of a kind (implied ones do not count). */
  holds(kind: ReferencedKind): boolean;
}

/** A catalog item, or one of the resources `istioctl analyze` adds when it reads files. */
export interface CheckItem<T> extends Item<T> {
  readonly implied?: true;
}

const cache = new WeakMap<Workspace, CheckContext>();
/**
 * The lists by kind of the context built last: a kind none of whose documents changed keeps its
 * list object, so a check that reads only such kinds can tell its findings still hold (lint.ts).
 */
let previousByKind: ReadonlyMap<string, readonly Entry[]> = new Map();

const NONE: readonly Entry[] = [];

/** The context for a workspace, built once per workspace object. */
export function checkContext(workspace: Workspace): CheckContext {
  const cached = cache.get(workspace);
  if (cached) return cached;
  const catalog = buildCatalog(workspace);
  const all = entries(workspace);
  const grouped = new Map<string, Entry[]>();
  for (const entry of all) {
    const list = grouped.get(entry.object.kind);
    if (list) list.push(entry);
    else grouped.set(entry.object.kind, [entry]);
  }
  const byKind = new Map<string, readonly Entry[]>();
  for (const [kind, list] of grouped) {
    const before = previousByKind.get(kind);
    const same = before?.length === list.length && list.every((e, i) => e === before[i]);
    byKind.set(kind, same && before ? before : list);
  }
  previousByKind = byKind;
  const implied = impliedIngress(catalog);
  const context: CheckContext = {
    workspace,
    catalog,
    entries: all,
    entriesOf: (kind) => byKind.get(kind) ?? NONE,
    raw: (entry) => entry.plain,
    workloads: implied.pod ? [...catalog.workloads, implied.pod] : catalog.workloads,
    services: implied.service ? [...catalog.services, implied.service] : catalog.services,
    holds(kind) {
      switch (kind) {
        case 'Workload':
          return catalog.workloads.length > 0;
        case 'Service':
          return catalog.services.length > 0;
        case 'Gateway':
          return catalog.gateways.length > 0;
        case K8S_GATEWAY:
          return (byKind.get(K8S_GATEWAY)?.length ?? 0) > 0;
        case 'DestinationRule':
          return catalog.destinationRules.length > 0;
        case 'DelegateVirtualService':
          return catalog.virtualServices.some((item) => item.object.hosts.length === 0);
        case 'Secret':
        case 'ConfigMap':
          return (byKind.get(kind)?.length ?? 0) > 0;
      }
    },
  };
  cache.set(workspace, context);
  return context;
}

/**
 * Istio's default ingress gateway as `istioctl analyze` adds it before analysing files
 * (`AddDefaultResources`, pkg/config/analysis/local/defaults.go): a pod labelled
 * `istio: ingressgateway` and the Service `istio-ingressgateway` in `istio-system`. Each is
 * added only where the workspace has none of its own, as the graph draws it.
 */
function impliedIngress(catalog: Catalog): {
  pod: CheckItem<Workload> | undefined;
  service: CheckItem<Service> | undefined;
} {
  const { namespace, serviceName, podLabels, servicePorts } = DEFAULT_INGRESS;
  const ownPods = catalog.workloads.some((item) => selects(podLabels, item.object.podLabels));
  const ownService = catalog.serviceByFqdn.has(`${serviceName}.${namespace}.svc.cluster.local`);
  const podName = 'istio-ingressgateway-dummypod';
  const pod = readPod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: podName, namespace, labels: { ...podLabels } },
  });
  const service = readService({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: serviceName, namespace },
    spec: {
      type: 'LoadBalancer',
      selector: { ...podLabels },
      ports: servicePorts.map((p) => ({ ...p, protocol: 'TCP' })),
    },
  });
  return {
    pod: ownPods
      ? undefined
      : { id: resourceId('Pod', namespace, podName), object: pod, implied: true },
    service: ownService
      ? undefined
      : { id: resourceId('Service', namespace, serviceName), object: service, implied: true },
  };
}
