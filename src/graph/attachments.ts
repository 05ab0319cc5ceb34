import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { selects } from '../model/labels.ts';
import { monitoringOfGateway } from '../model/monitoring.ts';
import { parseResourceId } from '../model/resource.ts';
import { type Catalog, inNamespace } from '../workspace/catalog.ts';
import type { GatewayPods } from './gatewayPods.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { resourceNodeId } from './ids.ts';
import type { NodeKind } from './types.ts';

/** EnvoyFilters here apply mesh-wide: Istio's root namespace, the Istio namespace by default. */
const ROOT_NAMESPACE = DEFAULT_INGRESS.namespace;

/**
 * Hangs the resources that shape the gateway pods off their node with `attach` edges:
 * autoscalers that target their Deployment, disruption budgets that select them, EnvoyFilters
 * that apply to them, and their monitoring: the monitors that scrape them, the alert rules and
 * dashboards whose queries name their workload (model/monitoring.ts answers which).
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
  const { namespace, labels, deploymentName } = pods;

  if (namespace !== undefined) {
    // HorizontalPodAutoscaler `scaleTargetRef` names a resource of its own namespace.
    for (const hpa of inNamespace(catalog.autoscalersByNamespace, namespace)) {
      const target = hpa.object.target;
      if (
        deploymentName !== undefined &&
        target.kind === 'Deployment' &&
        target.name === deploymentName
      )
        attach('autoscaler', hpa.id, hpa.object.metadata.name);
    }
    for (const pdb of inNamespace(catalog.budgetsByNamespace, namespace)) {
      if (selects(pdb.object.selector, labels))
        attach('disruptionBudget', pdb.id, pdb.object.metadata.name);
    }
  }

  // An EnvoyFilter applies to the workloads of its own namespace, or of every namespace when it
  // lives in the root namespace; without a workloadSelector, to all of them (envoy_filter.proto).
  const namespaces =
    namespace === undefined || namespace === ROOT_NAMESPACE
      ? [ROOT_NAMESPACE]
      : [namespace, ROOT_NAMESPACE];
  for (const ns of namespaces) {
    for (const filter of inNamespace(catalog.envoyFiltersByNamespace, ns)) {
      if (selects(filter.object.workloadSelector ?? {}, labels))
        attach('envoyFilter', filter.id, filter.object.metadata.name);
    }
  }

  if (catalog.monitoring.length === 0) return;
  const watched = monitoringOfGateway({ ...catalog, entries: catalog.monitoring }, pods);
  for (const id of watched.monitors) attach('monitor', id);
  for (const id of watched.rules) attach('alertRules', id);
  for (const id of watched.dashboards) attach('dashboard', id);
}
