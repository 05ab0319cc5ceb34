import { serviceFqdn } from '../model/hosts.ts';
import { isEmptySelector } from '../model/labels.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { GraphBuilder } from './graphBuilder.ts';
import { serviceNodeId } from './ids.ts';
import { addIngress } from './ingress.ts';
import { addPods, selectPods } from './pods.ts';
import { addVirtualServices } from './routes.ts';
import { createServiceNodes } from './services.ts';
import { addSubsets, hasSubsets } from './subsets.ts';
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

  // Service → pods only where no subsets split the service: the subsets already show its pods.
  for (const fqdn of services.fqdns) {
    const service = catalog.serviceByFqdn.get(fqdn);
    const selector = service?.object.selector;
    if (!service || !selector || isEmptySelector(selector) || hasSubsets(catalog, fqdn)) continue;
    selectPods(
      catalog,
      graph,
      ingress,
      serviceNodeId(fqdn),
      [selector],
      service.object.metadata.namespace,
    );
  }
  return graph.build();
}
