import { type GatewayMonitoring, monitoringOfGateway } from '../../model/monitoring.ts';
import { scenarioById } from '../../templates/scenarios.ts';
import type { CheckContext } from '../context.ts';
import type { Finding, QuickFix } from '../finding.ts';
import { entryOf, findingOn } from '../workloads/resources.ts';
import type { ReadinessGateway } from './gateways.ts';

/** The scenario that adds a monitor, alert rules and a dashboard for a gateway. */
export const MONITORING_SCENARIO = 'gateway-monitoring';

/** The monitors, alert rules and dashboards that cover the gateway (model/monitoring.ts's answer). */
export function gatewayMonitoring(
  context: CheckContext,
  gateway: ReadinessGateway,
): GatewayMonitoring {
  return monitoringOfGateway(
    { ...context.catalog, entries: context.catalog.monitoring },
    { namespace: gateway.namespace, labels: gateway.labels, deploymentName: gateway.name },
  );
}

/**
 * An autoscaled gateway that nothing monitors: no monitor scrapes its pods and no alert rule
 * watches it, so nobody sees it run at its maximum replicas or its error rate climb. Only for a
 * gateway Deployment of the workspace: an installed default ingress is usually scraped by the
 * install's Prometheus (the pods' `prometheus.io/scrape` annotations), which the workspace
 * does not show (the checklist still lists monitoring as missing).
 */
export function* monitoringFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  const [hpa] = gateway.autoscalers;
  const entry = hpa ? entryOf(context, hpa.id) : undefined;
  if (!hpa || !entry || !gateway.deployment) return;
  const watched = gatewayMonitoring(context, gateway);
  if (watched.monitors.length > 0 || watched.rules.length > 0) return;
  const fix = monitoringFix(context, gateway);
  yield findingOn(entry, {
    code: 'readiness-no-monitoring',
    severity: 'info',
    message: `The gateway ${gateway.name} is autoscaled by ${hpa.object.metadata.name} but nothing monitors it: no ServiceMonitor or PodMonitor scrapes its pods and no PrometheusRule alerts on it, so running at maximum replicas, latency or error rates go unseen. Add monitoring.`,
    path: ['spec', 'scaleTargetRef'],
    ...(fix ? { fixes: [fix] } : {}),
  });
}

/** "Add monitoring": the monitoring scenario for the gateway, when it is registered and builds. */
function monitoringFix(context: CheckContext, gateway: ReadinessGateway): QuickFix | undefined {
  const built = scenarioById(MONITORING_SCENARIO)?.build(
    { name: gateway.name, namespace: gateway.namespace },
    context.workspace,
  );
  return built?.ok ? { title: 'Add monitoring', command: built.value } : undefined;
}
