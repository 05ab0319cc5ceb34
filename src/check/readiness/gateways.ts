import { DEFAULT_INGRESS } from '../../model/defaultIngress.ts';
import type { EnvoyFilter } from '../../model/envoyFilter.ts';
import { gatewayAttachments } from '../../model/gatewayAttachments.ts';
import type { HorizontalPodAutoscaler } from '../../model/horizontalPodAutoscaler.ts';
import type { GatewayDeployment } from '../../model/istioGatewayDeployment.ts';
import { selects } from '../../model/labels.ts';
import type { PodDisruptionBudget } from '../../model/podDisruptionBudget.ts';
import type { Dict } from '../../model/read.ts';
import { type ResourceId, resourceId } from '../../model/resource.ts';
import type { Deployment } from '../../model/workload.ts';
import { type Item, inNamespace } from '../../workspace/catalog.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import { entryOf } from '../workloads/resources.ts';
import { selectedWorkloads } from '../workloads/workloadSelection.ts';

/** A gateway Deployment by name, as the readiness checklist and its panel name it. */
export interface GatewayRef {
  readonly namespace: string;
  readonly name: string;
}

/**
 * An ingress gateway Deployment (the pods an Istio Gateway selects) with what runs it in
 * production: the autoscalers that target it, the budgets that select its pods and the
 * EnvoyFilters that apply to them: model/gatewayAttachments.ts, the graph's answer too.
 */
export interface ReadinessGateway extends GatewayRef {
  /** The resource id of the Deployment (also for the implied one, which is not written). */
  readonly id: ResourceId;
  /** What budgets, Services and filters select the pods by. */
  readonly labels: Dict<string>;
  /**
   * The Deployment as written; undefined for one the workspace implies: Istio's default ingress,
   * or the Deployment Istio creates for a Gateway API Gateway.
   */
  readonly deployment: { readonly item: Item<Deployment>; readonly entry: Entry } | undefined;
  /** The Gateways (Istio's, or the Gateway API's) whose pods these are. */
  readonly gateways: readonly ResourceId[];
  readonly autoscalers: readonly Item<HorizontalPodAutoscaler>[];
  readonly budgets: readonly Item<PodDisruptionBudget>[];
  readonly filters: readonly Item<EnvoyFilter>[];
}

const cache = new WeakMap<CheckContext, readonly ReadinessGateway[]>();

/**
 * Every ingress gateway Deployment of the workspace, in the order Gateways select them: the
 * Deployments an Istio Gateway's selector picks, and Istio's default ingress where a Gateway
 * selects only the pod `istioctl analyze` implies; then, for each Kubernetes Gateway API Gateway
 * Istio deploys (model/istioGatewayDeployment.ts), the Deployments labelled with its name, else
 * the `<name>-<class>` Deployment Istio creates (not written, like the default ingress). Pods
 * written as Pods are not Deployments and are left out; a Gateway without a selector names no
 * gateway of its own, nor does a Gateway API Gateway whose address names a Service.
 */
export function readinessGateways(context: CheckContext): readonly ReadinessGateway[] {
  const cached = cache.get(context);
  if (cached) return cached;
  const byId = new Map<ResourceId, { gateway: ReadinessGateway; gateways: ResourceId[] }>();
  const add = (found: ReadinessGateway, gatewayId: ResourceId) => {
    const known = byId.get(found.id);
    if (known) known.gateways.push(gatewayId);
    else byId.set(found.id, { gateway: found, gateways: [gatewayId] });
  };
  for (const gateway of context.catalog.gateways) {
    const selector = gateway.object.selector;
    if (!selector) continue;
    for (const pod of selectedWorkloads(context, selector)) {
      const { object } = pod;
      const found = pod.implied
        ? defaultGateway(context)
        : object.kind === 'Deployment'
          ? ownGateway(context, { id: pod.id, object })
          : undefined;
      if (found) add(found, gateway.id);
    }
  }
  for (const { entry, deployment } of gatewayApiIndex(context.workspace).gateways) {
    if (!deployment?.managed) continue;
    for (const found of managedGateways(context, deployment)) add(found, entry.id);
  }
  const out = [...byId.values()].map(({ gateway, gateways }) => ({ ...gateway, gateways }));
  cache.set(context, out);
  return out;
}

/** The gateway Deployment named `ref`, when a Gateway selects it. */
export function readinessGateway(
  context: CheckContext,
  ref: GatewayRef,
): ReadinessGateway | undefined {
  return readinessGateways(context).find(
    (g) => g.namespace === ref.namespace && g.name === ref.name,
  );
}

/** The gateway Deployments of a Gateway API Gateway that Istio deploys, in its namespace. */
function managedGateways(
  context: CheckContext,
  deployment: Extract<GatewayDeployment, { managed: true }>,
): ReadinessGateway[] {
  const { namespace, selector, deploymentName } = deployment;
  const own = inNamespace(context.catalog.workloadsByNamespace, namespace).flatMap((item) => {
    const { object } = item;
    if (object.kind !== 'Deployment' || !selects(selector, object.podLabels)) return [];
    const found = ownGateway(context, { id: item.id, object });
    return found ? [found] : [];
  });
  if (own.length > 0) return own;
  return [
    attached(context, {
      id: resourceId('Deployment', namespace, deploymentName),
      name: deploymentName,
      namespace,
      labels: selector,
      deployment: undefined,
    }),
  ];
}

function ownGateway(context: CheckContext, item: Item<Deployment>): ReadinessGateway | undefined {
  const entry = entryOf(context, item.id);
  if (!entry) return undefined;
  const { name, namespace } = item.object.metadata;
  return attached(context, {
    id: item.id,
    name,
    namespace,
    labels: item.object.podLabels,
    deployment: { item, entry },
  });
}

/**
 * Istio's default ingress as a standard install runs it: the Deployment `istio-ingressgateway`
 * in `istio-system`, whose pods carry the install's labels (budgets select by these).
 */
function defaultGateway(context: CheckContext): ReadinessGateway {
  const { namespace, deploymentName, installLabels } = DEFAULT_INGRESS;
  return attached(context, {
    id: resourceId('Deployment', namespace, deploymentName),
    name: deploymentName,
    namespace,
    labels: installLabels,
    deployment: undefined,
  });
}

function attached(
  context: CheckContext,
  pods: Omit<ReadinessGateway, 'gateways' | 'autoscalers' | 'budgets' | 'filters'>,
): ReadinessGateway {
  const { namespace, name, labels } = pods;
  const found = gatewayAttachments(context.catalog, { namespace, labels, deploymentName: name });
  return { ...pods, gateways: [], ...found };
}
