import { DEFAULT_INGRESS } from './defaultIngress.ts';
import type { EnvoyFilter, PolicyTargetRef } from './envoyFilter.ts';
import { GATEWAY_API_GROUP } from './gatewayApi.ts';
import type { HorizontalPodAutoscaler } from './horizontalPodAutoscaler.ts';
import { GATEWAY_NAME_LABEL } from './istioGatewayDeployment.ts';
import { selects } from './labels.ts';
import type { PodDisruptionBudget } from './podDisruptionBudget.ts';
import type { Dict } from './read.ts';
import { selectorMatches } from './routeAttachment.ts';

/**
 * What belongs to a gateway's pods: the autoscalers that scale their Deployment, the disruption
 * budgets that select them and the EnvoyFilters Istio applies to them. One answer for the graph
 * (attach edges), the readiness checks and checklist, monitoring (kube-state-metrics names the
 * autoscaler and budget), the monitoring scenario and rename references.
 */

/**
 * Istio's root namespace (MeshConfig `rootNamespace`, by default the Istio namespace): an
 * EnvoyFilter written there applies to the workloads of every namespace.
 */
export const ROOT_NAMESPACE = DEFAULT_INGRESS.namespace;

/** Gateway pods as attachments see them. */
export interface AttachablePods {
  /** Undefined when only their labels are known (pods implied by a selector alone). */
  readonly namespace: string | undefined;
  readonly labels: Dict<string>;
  /** The Deployment that runs them; undefined for pods written as Pods or known by labels. */
  readonly deploymentName: string | undefined;
}

/**
 * Whether an autoscaler scales the Deployment `name` of `namespace`: `scaleTargetRef` names a
 * resource of the autoscaler's own namespace by kind and name (autoscaling/v1 and v2 alike).
 * Its apiVersion is not compared: the HPA controller resolves the kind in that group, so in a
 * cluster a reference without `apps/…` fails to scale (FailedGetScale), but it still names this
 * Deployment: what the graph shows, the checklist counts and a rename rewrites. No check says so
 * yet.
 */
export function autoscalerTargets(
  hpa: HorizontalPodAutoscaler,
  namespace: string,
  deploymentName: string,
): boolean {
  return (
    deploymentName !== '' &&
    hpa.metadata.namespace === namespace &&
    hpa.target.kind === 'Deployment' &&
    hpa.target.name === deploymentName
  );
}

/**
 * Whether a PodDisruptionBudget selects pods with these labels (of its own namespace): its whole
 * LabelSelector, `matchLabels` and `matchExpressions`. A budget without selector selects no pods;
 * an empty one (`{}`) every pod of the namespace in policy/v1 but none in policy/v1beta1
 * (PodDisruptionBudgetSpec.selector).
 */
export function budgetSelects(pdb: PodDisruptionBudget, labels: Dict<string>): boolean {
  const selector = pdb.labelSelector;
  if (!selector) return false;
  const empty =
    Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
  if (empty) return !pdb.apiVersion.startsWith('policy/v1beta1');
  return selectorMatches(selector, labels);
}

/**
 * Whether Istio applies an EnvoyFilter to these pods (pilot's `EnvoyFilters(proxy)` and
 * `WorkloadPolicyMatcher.ShouldAttachPolicy`). It is read from the root namespace and the pods'
 * own namespace. Pods of a Gateway API Gateway (labelled
 * `gateway.networking.k8s.io/gateway-name`) take a filter whose `targetRefs` name that Gateway
 * from their own namespace, else (no targetRefs) one whose workloadSelector they match; other
 * pods never take a filter with targetRefs, and take one whose workloadSelector labels are a
 * subset of theirs, or without workloadSelector.
 */
export function envoyFilterApplies(
  filter: EnvoyFilter,
  pods: Pick<AttachablePods, 'namespace' | 'labels'>,
): boolean {
  const namespace = filter.metadata.namespace;
  if (namespace !== ROOT_NAMESPACE && namespace !== pods.namespace) return false;
  const gatewayName = Object.hasOwn(pods.labels, GATEWAY_NAME_LABEL)
    ? pods.labels[GATEWAY_NAME_LABEL]
    : undefined;
  if (filter.targetRefs.length > 0) {
    // A targetRef reaches only the Gateway of the filter's own namespace.
    return (
      gatewayName !== undefined &&
      namespace === pods.namespace &&
      filter.targetRefs.some((ref) => namesGateway(ref, gatewayName, namespace))
    );
  }
  return selects(filter.workloadSelector ?? {}, pods.labels);
}

function namesGateway(ref: PolicyTargetRef, gatewayName: string, namespace: string): boolean {
  return (
    ref.group === GATEWAY_API_GROUP &&
    ref.kind === 'Gateway' &&
    ref.name === gatewayName &&
    (ref.namespace === undefined || ref.namespace === '' || ref.namespace === namespace)
  );
}

/** Resources of one kind by namespace, as the catalog indexes them. */
type ByNamespace<T> = ReadonlyMap<string, readonly T[]>;

/** The autoscalers that scale the pods' Deployment, in workspace order. */
export function autoscalersOf<T extends { readonly object: HorizontalPodAutoscaler }>(
  byNamespace: ByNamespace<T>,
  pods: AttachablePods,
): T[] {
  const { namespace, deploymentName } = pods;
  if (namespace === undefined || deploymentName === undefined) return [];
  return (byNamespace.get(namespace) ?? []).filter((item) =>
    autoscalerTargets(item.object, namespace, deploymentName),
  );
}

/** The budgets of the pods' namespace that select them, in workspace order. */
export function budgetsOf<T extends { readonly object: PodDisruptionBudget }>(
  byNamespace: ByNamespace<T>,
  pods: AttachablePods,
): T[] {
  if (pods.namespace === undefined) return [];
  return (byNamespace.get(pods.namespace) ?? []).filter((item) =>
    budgetSelects(item.object, pods.labels),
  );
}

/**
 * The EnvoyFilters applied to the pods: those of their own namespace, then those of the root
 * namespace (only the root namespace's for pods whose namespace is unknown), each in workspace
 * order.
 */
export function envoyFiltersOf<T extends { readonly object: EnvoyFilter }>(
  byNamespace: ByNamespace<T>,
  pods: Pick<AttachablePods, 'namespace' | 'labels'>,
): T[] {
  const { namespace } = pods;
  const namespaces =
    namespace === undefined || namespace === ROOT_NAMESPACE
      ? [ROOT_NAMESPACE]
      : [namespace, ROOT_NAMESPACE];
  return namespaces.flatMap((ns) =>
    (byNamespace.get(ns) ?? []).filter((item) => envoyFilterApplies(item.object, pods)),
  );
}

/** The catalog's indexes the attachments are read from (a `Catalog` fits). */
export interface AttachmentSources<
  A extends { readonly object: HorizontalPodAutoscaler },
  B extends { readonly object: PodDisruptionBudget },
  F extends { readonly object: EnvoyFilter },
> {
  readonly autoscalersByNamespace: ByNamespace<A>;
  readonly budgetsByNamespace: ByNamespace<B>;
  readonly envoyFiltersByNamespace: ByNamespace<F>;
}

export interface GatewayAttachments<A, B, F> {
  readonly autoscalers: readonly A[];
  readonly budgets: readonly B[];
  readonly filters: readonly F[];
}

/** Everything that belongs to the pods: autoscalers, budgets and EnvoyFilters. */
export function gatewayAttachments<
  A extends { readonly object: HorizontalPodAutoscaler },
  B extends { readonly object: PodDisruptionBudget },
  F extends { readonly object: EnvoyFilter },
>(sources: AttachmentSources<A, B, F>, pods: AttachablePods): GatewayAttachments<A, B, F> {
  return {
    autoscalers: autoscalersOf(sources.autoscalersByNamespace, pods),
    budgets: budgetsOf(sources.budgetsByNamespace, pods),
    filters: envoyFiltersOf(sources.envoyFiltersByNamespace, pods),
  };
}
