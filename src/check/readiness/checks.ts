import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { MONITORING_KINDS } from '../../model/monitoring.ts';
import { formatPath } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Check, Finding } from '../finding.ts';
import { minReplicasFindings, missingRequestFindings, wrongTargetFindings } from './autoscaling.ts';
import { blockedDrainFindings, budgetPresenceFindings, rolloutFindings } from './budgets.ts';
import { type ReadinessGateway, readinessGateways } from './gateways.ts';
import { limitBelowRequestFindings } from './limits.ts';
import { monitoringFindings } from './monitoring.ts';
import { failClosedFindings } from './rateLimit.ts';

/** The readiness findings about one gateway Deployment, in the order of the guide's checklist. */
export function* gatewayFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  const gatewayIds = new Set(readinessGateways(context).map((g) => g.id));
  yield* minReplicasFindings(context, gateway);
  yield* wrongTargetFindings(context, gateway, gatewayIds);
  yield* missingRequestFindings(context, gateway);
  yield* limitBelowRequestFindings(gateway);
  yield* failClosedFindings(context, gateway);
  yield* monitoringFindings(context, gateway);
  yield* budgetPresenceFindings(context, gateway);
  yield* blockedDrainFindings(context, gateway);
  yield* rolloutFindings(gateway);
}

/**
 * The production-readiness checks of issue 15 over every ingress gateway Deployment. A filter or
 * budget shared by two gateways is reported once.
 */
export const readinessChecks: Check = function* (context) {
  const seen = new Set<string>();
  for (const gateway of readinessGateways(context)) {
    for (const finding of gatewayFindings(context, gateway)) {
      const key = `${finding.code} ${finding.resource} ${formatPath(finding.path)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield finding;
    }
  }
};

/**
 * The kinds the readiness checks read (lint reuses their findings while none of these changed):
 * Gateways pick the pods (a Gateway API Gateway's class says whether Istio deploys it); Deployments and Pods are the pods (and the implied ingress pod stands in
 * when none is labelled for it); autoscalers, budgets and EnvoyFilters belong to them; monitors
 * scrape them (ServiceMonitors through Services), rules and dashboards (ConfigMaps) watch them.
 */
export const READINESS_CHECK_READS: readonly string[] = [
  'Gateway',
  K8S_GATEWAY,
  'GatewayClass',
  'Deployment',
  'Pod',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'EnvoyFilter',
  'Service',
  ...MONITORING_KINDS,
  'ConfigMap',
];
