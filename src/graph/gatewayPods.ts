import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import type { AttachablePods } from '../model/gatewayAttachments.ts';
import { formatLabels } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import { resourceId } from '../model/resource.ts';
import type { Workload } from '../model/workload.ts';
import type { Item } from '../workspace/catalog.ts';
import { resourceNodeId } from './ids.ts';
import type { GraphNode } from './types.ts';

/**
 * The gateway pods one `gatewayWorkload` node stands for, with what is needed to find the load
 * balancers (their namespace and labels) and the autoscalers, budgets and filters that belong
 * to them (`AttachablePods`, model/gatewayAttachments.ts).
 */
export interface GatewayPods extends AttachablePods {
  readonly node: GraphNode;
  /** The load balancer to show when no Service of type LoadBalancer or NodePort selects them. */
  readonly impliedBalancer: GraphNode;
}

/** Pods of a Deployment or Pod of the workspace that a Gateway selects. */
export function workloadPods(item: Item<Workload>): GatewayPods {
  const { name, namespace } = item.object.metadata;
  return {
    node: {
      id: resourceNodeId('gatewayWorkload', item.id),
      kind: 'gatewayWorkload',
      label: name,
      resource: item.id,
      parent: null,
    },
    namespace,
    labels: item.object.podLabels,
    deploymentName: item.object.kind === 'Deployment' ? name : undefined,
    impliedBalancer: impliedBalancer(`implied:${item.id}`, name),
  };
}

/**
 * Istio's default ingress gateway, as `istioctl analyze` adds it when reading files
 * (`AddDefaultResources`, pkg/config/analysis/local/defaults.go). Services, budgets and filters
 * are matched against the labels a standard install puts on its pods, a superset of the
 * stand-in pod's `istio: ingressgateway`, so both install-style and istioctl-style selectors hit.
 */
export function defaultPods(): GatewayPods {
  const { namespace, deploymentName, serviceName, installLabels } = DEFAULT_INGRESS;
  return {
    node: {
      id: `gatewayWorkload:implied:${namespace}/${deploymentName}`,
      kind: 'gatewayWorkload',
      label: `${deploymentName} (implied)`,
      parent: null,
      implied: true,
    },
    namespace,
    labels: installLabels,
    deploymentName,
    impliedBalancer: impliedBalancer(
      `implied:${resourceId('Service', namespace, serviceName)}`,
      serviceName,
    ),
  };
}

/** Pods known only by a Gateway selector that matches nothing: shown so the chain is complete. */
export function labelledPods(selector: Dict<string>): GatewayPods {
  const text = formatLabels(selector);
  return {
    node: {
      id: `gatewayWorkload:implied:labels:${text}`,
      kind: 'gatewayWorkload',
      label: `${text} (implied)`,
      parent: null,
      implied: true,
    },
    namespace: undefined,
    labels: selector,
    deploymentName: undefined,
    impliedBalancer: impliedBalancer(`implied:labels:${text}`, text),
  };
}

function impliedBalancer(key: string, name: string): GraphNode {
  return {
    id: `loadBalancer:${key}`,
    kind: 'loadBalancer',
    label: `${name} (implied)`,
    parent: null,
    implied: true,
  };
}
