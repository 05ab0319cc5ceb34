import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import type { Gateway } from '../model/gateway.ts';
import { type GatewayPodsRef, type GatewayPorts, gatewayPorts } from '../model/gatewayPorts.ts';
import { formatLabels, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import { type Catalog, type Item, inNamespace } from '../workspace/catalog.ts';

/**
 * One gateway proxy (Envoy) and the Gateways merged into its configuration. Istio builds one
 * `MergedGateway` per proxy from every Gateway whose selector matches the proxy's labels
 * (pilot/pkg/model/gateway.go `MergeGateways`), across namespaces by default (gateway.proto).
 */
export interface GatewayProxy {
  /** Stable key: the merged Gateway ids. */
  readonly key: string;
  /** What the pods are, for the trace. */
  readonly label: string;
  /** The workload the pods come from; absent for implied pods. */
  readonly workload?: ResourceId;
  /** The proxy's namespace: `exportTo` and DestinationRule lookups are relative to it. */
  readonly namespace: string;
  /** Pod labels: `sourceLabels` of a match are compared with them (route.go `sourceMatchHTTP`). */
  readonly labels: Dict<string>;
  /** In workspace order, which is creation order for files applied together. */
  readonly gateways: readonly Item<Gateway>[];
  /** The Services in front of the pods: the load balancer's ports and where servers listen. */
  readonly ports: GatewayPorts;
}

/**
 * The proxies of the workspace: one per workload a Gateway selects, plus istioctl's implied
 * default ingress (`istio: ingressgateway` in istio-system) for Gateways that select it and find
 * no pods of the workspace, and an implied proxy for any other Gateway that selects nothing.
 * Proxies with the same Gateways behave the same and are kept once.
 */
export function gatewayProxies(catalog: Catalog): GatewayProxy[] {
  const gateways = catalog.gateways;
  const candidates: GatewayProxy[] = [];
  const portsOf = (pods: GatewayPodsRef) =>
    gatewayPorts(
      pods.namespace === undefined
        ? catalog.services
        : inNamespace(catalog.servicesByNamespace, pods.namespace),
      pods,
    );
  const selectsLabels = (g: Item<Gateway>, labels: Dict<string>) =>
    g.object.selector === undefined || selects(g.object.selector, labels);

  for (const workload of catalog.workloads) {
    const labels = workload.object.podLabels;
    // A workload is a gateway proxy when some Gateway selects it (one without selector selects all).
    if (!gateways.some((g) => selectsLabels(g, labels))) continue;
    candidates.push({
      key: '',
      label: workload.id,
      workload: workload.id,
      namespace: workload.object.metadata.namespace,
      labels,
      gateways: gateways.filter((g) => selectsLabels(g, labels)),
      ports: portsOf({
        namespace: workload.object.metadata.namespace,
        labels,
        workloads: [workload.object],
        isDefault: false,
      }),
    });
  }

  let needsDefault = false;
  for (const g of gateways) {
    const selector = g.object.selector;
    const hasPods =
      selector === undefined
        ? catalog.workloads.length > 0
        : catalog.workloads.some((w) => selects(selector, w.object.podLabels));
    if (hasPods) continue;
    if (selector === undefined || selects(selector, DEFAULT_INGRESS.podLabels)) needsDefault = true;
    else
      candidates.push({
        key: '',
        label: `pods labelled ${formatLabels(selector)} (implied)`,
        namespace: g.object.metadata.namespace,
        labels: selector,
        gateways: gateways.filter((other) => other === g || other.object.selector === undefined),
        ports: portsOf({ namespace: undefined, labels: selector, workloads: [], isDefault: false }),
      });
  }
  if (needsDefault)
    candidates.push({
      key: '',
      label: `${DEFAULT_INGRESS.namespace}/${DEFAULT_INGRESS.deploymentName} (implied default ingress)`,
      namespace: DEFAULT_INGRESS.namespace,
      labels: DEFAULT_INGRESS.installLabels,
      gateways: gateways.filter((g) => selectsLabels(g, DEFAULT_INGRESS.podLabels)),
      ports: portsOf({
        namespace: DEFAULT_INGRESS.namespace,
        labels: DEFAULT_INGRESS.installLabels,
        workloads: [],
        isDefault: true,
      }),
    });

  const order = new Map(gateways.map((g, i) => [g.id, i]));
  const first = (p: GatewayProxy) => order.get(p.gateways[0]?.id ?? '') ?? 0;
  const byKey = new Map<string, GatewayProxy>();
  for (const proxy of candidates) {
    const key = proxy.gateways.map((g) => g.id).join(',');
    if (key !== '' && !byKey.has(key)) byKey.set(key, { ...proxy, key });
  }
  return [...byKey.values()].sort((a, b) => first(a) - first(b));
}
