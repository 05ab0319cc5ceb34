import { gatewayAttachments } from '../model/gatewayAttachments.ts';
import { monitoringOfGateway } from '../model/monitoring.ts';
import { parseResourceId } from '../model/resource.ts';
import type { Catalog } from '../workspace/catalog.ts';
import type { GatewayPods } from './gatewayPods.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { resourceNodeId } from './ids.ts';
import type { NodeKind } from './types.ts';

/**
 * Hangs the resources that shape the gateway pods off their node with `attach` edges:
 * autoscalers that target their Deployment, disruption budgets that select them, EnvoyFilters
 * that apply to them (model/gatewayAttachments.ts answers which), and their monitoring: the
 * monitors that scrape them, the alert rules and dashboards whose queries name their workload
 * (model/monitoring.ts answers which).
 */
export function attachToGatewayPods(
  catalog: Catalog,
  graph: GraphBuilder,
  pods: GatewayPods,
): void {
  const attach = (
    kind: NodeKind,
    resource: string,
    label = parseResourceId(resource)?.name ?? resource,
  ) => {
    const id = resourceNodeId(kind, resource);
    graph.addNode({ id, kind, label, resource, parent: null });
    graph.addEdge('attach', pods.node.id, id);
  };
  const { autoscalers, budgets, filters } = gatewayAttachments(catalog, pods);
  for (const hpa of autoscalers) attach('autoscaler', hpa.id, hpa.object.metadata.name);
  for (const pdb of budgets) attach('disruptionBudget', pdb.id, pdb.object.metadata.name);
  for (const filter of filters) attach('envoyFilter', filter.id, filter.object.metadata.name);

  if (catalog.monitoring.length === 0) return;
  const watched = monitoringOfGateway({ ...catalog, entries: catalog.monitoring }, pods);
  for (const id of watched.monitors) attach('monitor', id);
  for (const id of watched.rules) attach('alertRules', id);
  for (const id of watched.dashboards) attach('dashboard', id);
}
