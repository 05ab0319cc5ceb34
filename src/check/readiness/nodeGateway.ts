import type { GraphNode } from '../../graph/types.ts';
import { DEFAULT_INGRESS } from '../../model/defaultIngress.ts';
import { gatewayPorts } from '../../model/gatewayPorts.ts';
import type { ResourceId } from '../../model/resource.ts';
import { inNamespace } from '../../workspace/catalog.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type CheckContext, checkContext } from '../context.ts';
import { type GatewayRef, type ReadinessGateway, readinessGateways } from './gateways.ts';
import { gatewayMonitoring } from './monitoring.ts';

/**
 * The gateway Deployment a graph node belongs to: the gateway pods themselves, a Gateway that
 * selects them, or what is attached to them (autoscaler, budget, filter, load balancer, monitor).
 */
export function readinessGatewayOf(
  workspace: Workspace,
  node: Pick<GraphNode, 'id' | 'kind' | 'resource'>,
): GatewayRef | undefined {
  const context = checkContext(workspace);
  const gateways = readinessGateways(context);
  const found = gateways.find((gateway) => standsFor(context, gateway, node));
  return found ? { namespace: found.namespace, name: found.name } : undefined;
}

/** The graph's id of a gateway workload it implies: a Deployment's id after this prefix. */
const IMPLIED_WORKLOAD_PREFIX = 'gatewayWorkload:implied:';
const IMPLIED_WORKLOAD = `${IMPLIED_WORKLOAD_PREFIX}${DEFAULT_INGRESS.namespace}/${DEFAULT_INGRESS.deploymentName}`;
const IMPLIED_BALANCER = 'loadBalancer:implied:';

function standsFor(
  context: CheckContext,
  gateway: ReadinessGateway,
  node: Pick<GraphNode, 'id' | 'kind' | 'resource'>,
): boolean {
  const implied = !gateway.deployment;
  if (node.kind === 'gatewayWorkload')
    return node.resource
      ? node.resource === gateway.id
      : implied &&
          (node.id === IMPLIED_WORKLOAD || node.id === `${IMPLIED_WORKLOAD_PREFIX}${gateway.id}`);
  if (node.kind === 'loadBalancer' && !node.resource && node.id.startsWith(IMPLIED_BALANCER)) {
    const of = node.id.slice(IMPLIED_BALANCER.length);
    return of === gateway.id || (implied && of === defaultServiceId());
  }
  const resource = node.resource;
  if (!resource) return false;
  if (node.kind === 'gateway') return gateway.gateways.includes(resource);
  return attachedIds(context, gateway).has(resource);
}

function defaultServiceId(): string {
  return `Service/${DEFAULT_INGRESS.namespace}/${DEFAULT_INGRESS.serviceName}`;
}

/** The resources drawn attached to the gateway pods or in front of them. */
function attachedIds(context: CheckContext, gateway: ReadinessGateway): ReadonlySet<ResourceId> {
  const { monitors, rules, dashboards } = gatewayMonitoring(context, gateway);
  return new Set<ResourceId>([
    ...monitors,
    ...rules,
    ...dashboards,
    ...gateway.autoscalers.map((i) => i.id),
    ...gateway.budgets.map((i) => i.id),
    ...gateway.filters.map((i) => i.id),
    ...gatewayBalancers(context, gateway).map((i) => i.id),
  ]);
}

/** The LoadBalancer Services of the workspace in front of the gateway pods (the graph's answer). */
export function gatewayBalancers(context: CheckContext, gateway: ReadinessGateway) {
  const services = inNamespace(context.catalog.servicesByNamespace, gateway.namespace);
  const found = gatewayPorts(services, {
    namespace: gateway.namespace,
    labels: gateway.labels,
    workloads: gateway.deployment ? [gateway.deployment.item.object] : [],
    isDefault: !gateway.deployment,
  });
  return found.balancers.filter((s) => s.object.type === 'LoadBalancer');
}
