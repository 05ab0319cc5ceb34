import { serviceFqdn } from '../model/hosts.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import { gatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import { ingressIndex } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { hostTarget } from './endpoints.ts';
import { addGatewayApiIngress } from './gatewayApiIngress.ts';
import { addGatewayApiRoutes } from './gatewayApiRoutes.ts';
import { GraphBuilder } from './graphBuilder.ts';
import { serviceNodeId } from './ids.ts';
import { addIngress, type Ingress } from './ingress.ts';
import { addIngressControllers, addIngresses } from './ingressResources.ts';
import { addPods, selectPods, selectUncoveredPods } from './pods.ts';
import { addVirtualServices } from './routes.ts';
import { createServiceNodes } from './services.ts';
import { addSubsets, hasSubsets, subsetLabels } from './subsets.ts';
import type { FlowGraph } from './types.ts';

/**
 * The flow graph of a workspace (CONTRACT section 2): client → load balancer → gateway pods →
 * Gateway → VirtualService → route → service or subset → pods, with autoscalers, budgets and
 * EnvoyFilters attached to the gateway pods; and the same for the Kubernetes Gateway API:
 * Gateway → listener → HTTPRoute (GRPCRoute, TLSRoute, TCPRoute) → rule → backend services; and
 * Kubernetes Ingresses: controller pods → Ingress → path → Service. Pure and total: never throws, whatever the
 * workspace holds, and ids depend only on resource identity, positions and names.
 */
export function deriveGraph(workspace: Workspace): FlowGraph {
  const catalog = buildCatalog(workspace);
  const graph = new GraphBuilder();
  const gatewayApi = gatewayApiIndex(workspace);
  const ingresses = ingressIndex(workspace);
  const controllers = addIngressControllers(catalog, ingresses, graph);
  // The chain in front of Istio's Gateways reads the Gateways, the workloads (gateway pods), the
  // Services (load balancers) and what attaches to the pods.
  const istioChain = graph.memo(
    catalog.gateways,
    'ingress',
    [
      catalog.workloads,
      catalog.services,
      catalog.servicesByNamespace,
      catalog.autoscalersByNamespace,
      catalog.budgetsByNamespace,
      catalog.envoyFiltersByNamespace,
      catalog.monitoring,
    ],
    () => addIngress(catalog, graph),
  );
  const ingress = joined(
    joined(istioChain, addGatewayApiIngress(catalog, gatewayApi, graph)),
    controllers,
  );
  const services = createServiceNodes(catalog, graph);

  addVirtualServices(catalog, graph, services);
  addGatewayApiRoutes(gatewayApi, graph, services);
  addIngresses(ingresses, controllers, graph, services);
  graph.memo(catalog.workloads, 'pods', [ingress], () => addPods(catalog, graph, ingress));
  addSubsets(catalog, graph, services, ingress);
  for (const service of catalog.services) {
    if (ingress.balancers.has(service.id)) continue;
    const { name, namespace } = service.object.metadata;
    services.ensure(serviceFqdn(name, namespace));
  }

  // Service → pods where no subsets split the service; where they do, the subsets show its pods
  // and the Service joins only those no subset covers (a request without subset reaches them).
  const endpointDeps = [
    services.fqdns.join('\n'),
    catalog.serviceEntryByHost,
    catalog.destinationRulesByFqdn,
    catalog.workloadsByNamespace,
    ingress,
  ];
  graph.memo(catalog.serviceByFqdn, 'endpoints', endpointDeps, () => {
    for (const fqdn of services.fqdns) {
      const target = hostTarget(catalog, fqdn);
      if (target?.kind !== 'Service') continue;
      const owner = serviceNodeId(fqdn);
      if (!hasSubsets(catalog, fqdn)) selectPods(catalog, graph, ingress, owner, target, undefined);
      else selectUncoveredPods(catalog, graph, ingress, owner, target, subsetLabels(catalog, fqdn));
    }
  });
  return graph.build();
}

/** Two ingress chains joined: what either draws as gateway pods or load balancers. */
function joined(a: Ingress, b: Ingress): Ingress {
  if (b.gatewayWorkloads.size === 0 && b.balancers.size === 0) return a;
  return {
    gatewayWorkloads: new Set([...a.gatewayWorkloads, ...b.gatewayWorkloads]),
    balancers: new Set([...a.balancers, ...b.balancers]),
  };
}
