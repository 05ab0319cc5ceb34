import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { formatLabels, isEmptySelector, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Service } from '../model/service.ts';
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
    for (const item of matched) gatewayWorkloads.add(item.id);
    const podsList =
      matched.length > 0
        ? matched.map(workloadPods)
        : [
            !selector || selects(selector, DEFAULT_INGRESS.podLabels)
              ? defaultPods()
              : labelledPods(selector),
          ];
    for (const pods of podsList) {
      if (graph.addNode(pods.node)) {
        for (const service of connectBalancers(catalog, graph, pods)) balancers.add(service);
        attachToGatewayPods(catalog, graph, pods);
      }
      graph.addEdge('flow', pods.node.id, gatewayNode);
    }
  }
  return { gatewayWorkloads, balancers };
}

/** Adds the load balancers in front of `pods` (an implied one when none) and their flow edges. */
function connectBalancers(
  catalog: Catalog,
  graph: GraphBuilder,
  pods: GatewayPods,
): readonly ResourceId[] {
  const services = balancersFor(catalog, pods);
  const ids = services.map((service) => {
    const id = resourceNodeId('loadBalancer', service.id);
    graph.addNode({
      id,
      kind: 'loadBalancer',
      label: service.object.metadata.name,
      resource: service.id,
      parent: null,
    });
    return id;
  });
  if (ids.length === 0) {
    graph.addNode(pods.impliedBalancer);
    ids.push(pods.impliedBalancer.id);
  }
  for (const id of ids) {
    graph.addEdge('flow', CLIENT_ID, id);
    graph.addEdge('flow', id, pods.node.id);
  }
  return services.map((service) => service.id);
}

/**
 * The Services of type LoadBalancer that select `pods`, else those of type NodePort. A Service
 * with an empty or absent selector selects no pods (Kubernetes manages no endpoints for it).
 */
function balancersFor(catalog: Catalog, pods: GatewayPods): readonly Item<Service>[] {
  const candidates =
    pods.namespace === undefined
      ? catalog.services
      : inNamespace(catalog.servicesByNamespace, pods.namespace);
  const selecting = candidates.filter((service) => {
    const selector = service.object.selector;
    return selector !== undefined && !isEmptySelector(selector) && selects(selector, pods.labels);
  });
  const loadBalancers = selecting.filter((s) => s.object.type === 'LoadBalancer');
  return loadBalancers.length > 0
    ? loadBalancers
    : selecting.filter((s) => s.object.type === 'NodePort');
}
