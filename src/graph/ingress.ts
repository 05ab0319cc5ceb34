import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { type GatewayPodsRef, gatewayPorts, type PortMapping } from '../model/gatewayPorts.ts';
import { formatLabels, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Workload } from '../model/workload.ts';
import { type Catalog, type Item, inNamespace } from '../workspace/catalog.ts';
import { attachToGatewayPods } from './attachments.ts';
import { defaultPods, type GatewayPods, labelledPods, workloadPods } from './gatewayPods.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { CLIENT_ID, resourceNodeId } from './ids.ts';

/** What the rest of the graph must leave out because the ingress chain already shows it. */
export interface Ingress {
  /** Deployments and Pods drawn as gateway pods (not as application pods). */
  readonly gatewayWorkloads: ReadonlySet<ResourceId>;
  /** Services drawn as load balancers (not as destination services). */
  readonly balancers: ReadonlySet<ResourceId>;
}

/**
 * Adds the fixed chain client → load balancer → gateway pods → Gateway for every Gateway, with
 * the autoscalers, budgets and filters attached to the gateway pods.
 */
export function addIngress(catalog: Catalog, graph: GraphBuilder): Ingress {
  const gatewayWorkloads = new Set<ResourceId>();
  const balancers = new Set<ResourceId>();
  graph.addNode({ id: CLIENT_ID, kind: 'client', label: 'client', parent: null });

  // Gateways often share a selector; match each distinct selector against the workloads once.
  const matchesBySelector = new Map<string, readonly Item<Workload>[]>();
  const matchSelector = (selector: Dict<string>) => {
    const key = formatLabels(selector);
    let matched = matchesBySelector.get(key);
    if (!matched) {
      matched = catalog.workloads.filter((w) => selects(selector, w.object.podLabels));
      matchesBySelector.set(key, matched);
    }
    return matched;
  };
  // Gateways with a selector first: a Gateway without one applies to every workload
  // (gateway.proto `selector`), but only gateway proxies act on Gateways, so it is drawn on the
  // gateway pods the others select, or on the default ingress gateway when there are none.
  const ordered = [...catalog.gateways].sort(
    (a, b) => Number(a.object.selector === undefined) - Number(b.object.selector === undefined),
  );
  for (const gateway of ordered) {
    const gatewayNode = resourceNodeId('gateway', gateway.id);
    graph.addNode({
      id: gatewayNode,
      kind: 'gateway',
      label: gateway.object.metadata.name,
      resource: gateway.id,
      parent: null,
    });
    const selector = gateway.object.selector;
    const matched = selector
      ? matchSelector(selector)
      : catalog.workloads.filter((w) => gatewayWorkloads.has(w.id));
    const chain = { gatewayWorkloads, balancers };
    for (const pods of addGatewayPods(catalog, graph, selector, matched, chain))
      graph.addEdge('flow', pods, gatewayNode);
  }
  return { gatewayWorkloads, balancers };
}

/**
 * The gateway pods `matched` (the workloads a selector picks) or, when none, the implied pods of
 * the selector (Istio's default ingress for `istio: ingressgateway` or no selector), each with
 * its load balancers and attachments; records what it draws in `chain`. Returns the pods nodes.
 * `implied` stands in for the pods when none match (another controller's install).
 * Istio's Gateways and the Kubernetes Ingresses of class `istio` share it.
 */
export function addGatewayPods(
  catalog: Catalog,
  graph: GraphBuilder,
  selector: Dict<string> | undefined,
  matched: readonly Item<Workload>[],
  chain: { readonly gatewayWorkloads: Set<ResourceId>; readonly balancers: Set<ResourceId> },
  implied?: GatewayPods,
): string[] {
  for (const item of matched) chain.gatewayWorkloads.add(item.id);
  const isDefault =
    matched.length === 0 && (!selector || selects(selector, DEFAULT_INGRESS.podLabels));
  const podsList =
    matched.length > 0
      ? matched.map((item) => ({ pods: workloadPods(item), workloads: [item.object] }))
      : [
          {
            pods: implied ?? (isDefault || !selector ? defaultPods() : labelledPods(selector)),
            workloads: [],
          },
        ];
  for (const { pods, workloads } of podsList) {
    if (graph.addNode(pods.node)) {
      const ref = { namespace: pods.namespace, labels: pods.labels, workloads, isDefault };
      for (const service of connectBalancers(catalog, graph, pods, ref))
        chain.balancers.add(service);
      attachToGatewayPods(catalog, graph, pods);
    }
  }
  return podsList.map(({ pods }) => pods.node.id);
}

/**
 * Adds the load balancers in front of `pods` (an implied one when none) and their flow edges;
 * each shows the ports it carries to the pods.
 */
function connectBalancers(
  catalog: Catalog,
  graph: GraphBuilder,
  pods: GatewayPods,
  ref: GatewayPodsRef,
): readonly ResourceId[] {
  const candidates =
    ref.namespace === undefined
      ? catalog.services
      : inNamespace(catalog.servicesByNamespace, ref.namespace);
  const ports = gatewayPorts(candidates, ref);
  const ids = ports.balancers.map((service) => {
    const id = resourceNodeId('loadBalancer', service.id);
    const name = `${service.object.metadata.namespace}/${service.object.metadata.name}`;
    graph.addNode({
      id,
      kind: 'loadBalancer',
      label: service.object.metadata.name,
      resource: service.id,
      parent: null,
      ...portsField((ports.entry ?? []).filter((m) => m.service === name)),
    });
    return id;
  });
  if (ids.length === 0) {
    graph.addNode({ ...pods.impliedBalancer, ...portsField(ports.entry ?? []) });
    ids.push(pods.impliedBalancer.id);
  }
  for (const id of ids) {
    graph.addEdge('flow', CLIENT_ID, id);
    graph.addEdge('flow', id, pods.node.id);
  }
  return ports.balancers.map((service) => service.id);
}

function portsField(mappings: readonly PortMapping[]) {
  return mappings.length === 0
    ? {}
    : { ports: mappings.map(({ port, targetPort }) => ({ port, targetPort })) };
}
