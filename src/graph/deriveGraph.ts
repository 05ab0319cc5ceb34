import { serviceFqdn } from '../model/hosts.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { hostTarget } from './endpoints.ts';
import { GraphBuilder } from './graphBuilder.ts';
import { serviceNodeId } from './ids.ts';
import { addIngress } from './ingress.ts';
import { addPods, selectPods, selectUncoveredPods } from './pods.ts';
import { addVirtualServices } from './routes.ts';
import { createServiceNodes } from './services.ts';
import { addSubsets, hasSubsets, subsetLabels } from './subsets.ts';
import type { FlowGraph } from './types.ts';

/**
 * The flow graph of a workspace (CONTRACT section 2): client → load balancer → gateway pods →
 * Gateway → VirtualService → route → service or subset → pods, with autoscalers, budgets and
 * EnvoyFilters attached to the gateway pods. Pure and total: never throws, whatever the
 * workspace holds, and ids depend only on resource identity, positions and names.
 */
export function deriveGraph(workspace: Workspace): FlowGraph {
  const catalog = buildCatalog(workspace);
  const graph = new GraphBuilder();
  const ingress = addIngress(catalog, graph);
  const services = createServiceNodes(catalog, graph);

  addVirtualServices(catalog, graph, services);
  addPods(catalog, graph, ingress);
  addSubsets(catalog, graph, services, ingress);
  for (const service of catalog.services) {
    if (ingress.balancers.has(service.id)) continue;
    const { name, namespace } = service.object.metadata;
    services.ensure(serviceFqdn(name, namespace));
  }

  // Service → pods where no subsets split the service; where they do, the subsets show its pods
  // and the Service joins only those no subset covers (a request without subset reaches them).
  for (const fqdn of services.fqdns) {
    const target = hostTarget(catalog, fqdn);
    if (target?.kind !== 'Service') continue;
    const owner = serviceNodeId(fqdn);
    if (!hasSubsets(catalog, fqdn)) selectPods(catalog, graph, ingress, owner, target, undefined);
    else selectUncoveredPods(catalog, graph, ingress, owner, target, subsetLabels(catalog, fqdn));
  }
  return graph.build();
}
