import { servicePortMappings } from '../model/gatewayPorts.ts';
import type { GatewayDeployment } from '../model/istioGatewayDeployment.ts';
import { formatLabels, isEmptySelector, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import { type ResourceId, resourceId } from '../model/resource.ts';
import type { Service } from '../model/service.ts';
import type { Workload } from '../model/workload.ts';
import { type Catalog, type Item, inNamespace } from '../workspace/catalog.ts';
import type { GatewayApiIndex, IndexedGateway } from '../workspace/gatewayApiIndex.ts';
import { attachToGatewayPods } from './attachments.ts';
import { type GatewayPods, workloadPods } from './gatewayPods.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { CLIENT_ID, listenerNodeId, resourceNodeId } from './ids.ts';
import type { Ingress } from './ingress.ts';
import type { GraphNode } from './types.ts';

/**
 * The Gateway API's ingress chain, as Istio would run it: each Gateway with its listeners as rows
 * (`listener` nodes, `parent` the Gateway), and for a Gateway of Istio's class the load balancer
 * and gateway pods in front of it. Istio's deployment controller creates a Service and a
 * Deployment named `<name>-istio` (model/istioGatewayDeployment.ts): the workspace's own when it
 * holds them, else implied nodes that say Istio creates them. A Gateway whose address names a
 * Service (manual deployment) is fronted by that Service and the pods it selects. A Gateway of a
 * class Istio does not control is drawn without any chain: other software runs it.
 */
export function addGatewayApiIngress(
  catalog: Catalog,
  index: GatewayApiIndex,
  graph: GraphBuilder,
): Ingress {
  const gatewayWorkloads = new Set<ResourceId>();
  const balancers = new Set<ResourceId>();
  for (const indexed of index.gateways) {
    const gatewayNode = addGatewayNode(graph, indexed);
    const deployment = indexed.deployment;
    if (!deployment) continue;
    const front = deployment.managed
      ? managedFront(catalog, indexed, deployment)
      : manualFront(catalog, deployment);
    for (const item of front.workloads) gatewayWorkloads.add(item.id);
    if (front.service) balancers.add(front.service.id);
    graph.addNode(front.balancer);
    graph.addEdge('flow', CLIENT_ID, front.balancer.id);
    for (const pods of front.pods) {
      if (graph.addNode(pods.node)) attachToGatewayPods(catalog, graph, pods);
      graph.addEdge('flow', front.balancer.id, pods.node.id);
      graph.addEdge('flow', pods.node.id, gatewayNode);
    }
  }
  return { gatewayWorkloads, balancers };
}

/** The Gateway node and one `listener` node per listener, joined by `listener` edges. */
function addGatewayNode(graph: GraphBuilder, { entry, gateway }: IndexedGateway): string {
  const id = resourceNodeId('gateway', entry.id);
  graph.addNode({
    id,
    kind: 'gateway',
    label: gateway.metadata.name,
    resource: entry.id,
    parent: null,
  });
  gateway.listeners.forEach((listener, i) => {
    const listenerId = listenerNodeId(entry.id, i);
    graph.addNode({
      id: listenerId,
      kind: 'listener',
      label: listener.name || `listeners[${i}]`,
      resource: entry.id,
      parent: id,
      index: i,
      path: ['spec', 'listeners', i],
    });
    graph.addEdge('listener', id, listenerId);
  });
  return id;
}

/** What stands in front of a Gateway: its load balancer and the gateway pods behind it. */
interface Front {
  readonly balancer: GraphNode;
  /** The workspace's Service drawn as the load balancer, when it holds one. */
  readonly service: Item<Service> | undefined;
  readonly pods: readonly GatewayPods[];
  /** The workspace's workloads drawn as gateway pods. */
  readonly workloads: readonly Item<Workload>[];
}

/**
 * Istio's own deployment: the `<name>-istio` Service and the pods labelled with the Gateway's
 * name (`gateway.networking.k8s.io/gateway-name`), in the Gateway's namespace.
 */
function managedFront(
  catalog: Catalog,
  { gateway }: IndexedGateway,
  deployment: Extract<GatewayDeployment, { managed: true }>,
): Front {
  const { namespace, serviceName, deploymentName, selector, serviceType } = deployment;
  const workloads = selectedWorkloads(catalog, namespace, selector);
  const service = serviceNamed(catalog, namespace, serviceName);
  const name = gateway.metadata.name;
  // `; ` parts are lines of their own on the canvas: the type first, then who makes it.
  const typeNote = `${
    serviceType === 'ClusterIP' ? 'ClusterIP: no external load balancer' : `${serviceType} Service`
  }; created by Istio for Gateway ${name}`;
  const balancer = service
    ? balancerOf(service, workloads)
    : {
        id: `loadBalancer:implied:${resourceId('Service', namespace, serviceName)}`,
        kind: 'loadBalancer' as const,
        label: `${serviceName} (${typeNote})`,
        parent: null,
        implied: true,
        ports: deployment.ports.map(({ port, targetPort }) => ({ port, targetPort })),
      };
  const pods =
    workloads.length > 0
      ? workloads.map(workloadPods)
      : [
          impliedPods(
            `gatewayWorkload:implied:${resourceId('Deployment', namespace, deploymentName)}`,
            `${deploymentName} (pods created by Istio)`,
            namespace,
            selector,
            deploymentName,
          ),
        ];
  return { balancer, service, pods, workloads };
}

/**
 * A manual deployment: the Gateway's Hostname address names the Service; the gateway pods are
 * the ones its selector picks. Either may be missing from the workspace.
 */
function manualFront(
  catalog: Catalog,
  deployment: Extract<GatewayDeployment, { managed: false }>,
): Front {
  const { namespace, serviceName } = deployment;
  const service = serviceNamed(catalog, namespace, serviceName);
  if (!service) {
    const serviceId = resourceId('Service', namespace, serviceName);
    return {
      balancer: {
        id: `loadBalancer:implied:${serviceId}`,
        kind: 'loadBalancer',
        label: `${serviceName} (not in this workspace)`,
        parent: null,
        implied: true,
      },
      service,
      pods: [
        impliedPods(
          `gatewayWorkload:implied:behind:${serviceId}`,
          `pods behind ${serviceName} (not in this workspace)`,
          namespace,
          {},
          undefined,
        ),
      ],
      workloads: [],
    };
  }
  const selector = service.object.selector ?? {};
  const workloads = isEmptySelector(selector)
    ? []
    : selectedWorkloads(catalog, namespace, selector);
  const text = formatLabels(selector);
  const pods =
    workloads.length > 0
      ? workloads.map(workloadPods)
      : [
          impliedPods(
            `gatewayWorkload:implied:behind:${service.id}`,
            `${text || `pods behind ${serviceName}`} (implied)`,
            namespace,
            selector,
            undefined,
          ),
        ];
  return { balancer: balancerOf(service, workloads), service, pods, workloads };
}

function selectedWorkloads(
  catalog: Catalog,
  namespace: string,
  selector: Dict<string>,
): Item<Workload>[] {
  return inNamespace(catalog.workloadsByNamespace, namespace).filter((w) =>
    selects(selector, w.object.podLabels),
  );
}

function serviceNamed(
  catalog: Catalog,
  namespace: string,
  name: string,
): Item<Service> | undefined {
  return inNamespace(catalog.servicesByNamespace, namespace).find(
    (s) => s.object.metadata.name === name,
  );
}

/** The workspace's Service as the load balancer, with the ports it carries to the pods. */
function balancerOf(service: Item<Service>, workloads: readonly Item<Workload>[]): GraphNode {
  const ports = servicePortMappings(
    service.object,
    workloads.map((w) => w.object),
  ).map(({ port, targetPort }) => ({ port, targetPort }));
  return {
    id: resourceNodeId('loadBalancer', service.id),
    kind: 'loadBalancer',
    label: service.object.metadata.name,
    resource: service.id,
    parent: null,
    ...(ports.length > 0 ? { ports } : {}),
  };
}

/** Gateway pods the workspace does not hold; `label` is `name (why)`, as implied nodes say it. */
function impliedPods(
  id: string,
  label: string,
  namespace: string,
  labels: Dict<string>,
  deploymentName: string | undefined,
): GatewayPods {
  const node: GraphNode = { id, kind: 'gatewayWorkload', label, parent: null, implied: true };
  // Only the real chain's balancer is drawn; this stand-in is never used.
  return { node, namespace, labels, deploymentName, impliedBalancer: node };
}
