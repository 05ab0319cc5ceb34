import { type LabelSelector, readLabelSelector } from './gatewayApi.ts';
import { type AttachablePods, autoscalersOf, budgetsOf } from './gatewayAttachments.ts';
import type { HorizontalPodAutoscaler } from './horizontalPodAutoscaler.ts';
import { isEmptySelector, selects } from './labels.ts';
import { isDashboardConfigMap, isMonitoringObject } from './monitoringKinds.ts';
import { ruleWatchesWorkload, type WatchedWorkload } from './monitoringPromql.ts';
import type { PodDisruptionBudget } from './podDisruptionBudget.ts';
import { type Dict, isRecord, list, num, record, str, strings } from './read.ts';
import { type ObjectHeader, type ResourceId, readHeader } from './resource.ts';
import { selectorMatches } from './routeAttachment.ts';
import type { Service } from './service.ts';

/**
 * The gateway's monitoring: prometheus-operator's scrape configs and alert rules
 * (`monitoring.coreos.com`) and Grafana dashboards shipped as ConfigMaps for the dashboard
 * sidecar. Which of them scrape, alert on or chart a gateway is answered here once, for the
 * graph (monitoring hangs off the gateway pods), the checks and the readiness panel.
 */

export {
  DASHBOARD_LABEL,
  DASHBOARD_LABEL_VALUE,
  isDashboardConfigMap,
  isMonitoringObject,
  MONITORING_GROUP,
  MONITORING_KINDS,
  type MonitoringKind,
} from './monitoringKinds.ts';

/** Where a monitor scrapes: a port by name, a number, and the HTTP path. */
export interface MonitorEndpoint {
  /** ServiceMonitor: the Service port's name; PodMonitor: the container port's name. */
  readonly port: string | undefined;
  /** PodMonitor `portNumber`. */
  readonly portNumber: number | undefined;
  /** Deprecated in both kinds, still read by the operator. */
  readonly targetPort: number | string | undefined;
  readonly path: string | undefined;
}

/** A `ServiceMonitor` or `PodMonitor`: what Prometheus scrapes. */
export interface Monitor extends ObjectHeader {
  readonly kind: 'ServiceMonitor' | 'PodMonitor';
  /**
   * ServiceMonitor: selects Services by their labels; PodMonitor: selects pods. `{}` selects all;
   * a missing selector (the CRD requires one) is read as selecting nothing.
   */
  readonly selector: LabelSelector | undefined;
  /** `any: true` wins over `matchNames`; neither means the monitor's own namespace. */
  readonly namespaceSelector: { readonly any: boolean; readonly matchNames: readonly string[] };
  /** `endpoints` (ServiceMonitor) or `podMetricsEndpoints` (PodMonitor), positions kept. */
  readonly endpoints: readonly MonitorEndpoint[];
}

/** The monitor a manifest holds, or undefined for anything else. Never throws. */
export function readMonitor(plain: Record<string, unknown>): Monitor | undefined {
  const header = readHeader(plain);
  if (!isMonitoringObject(header) || header.kind === 'PrometheusRule') return undefined;
  const spec = record(plain.spec);
  const namespaces = record(spec.namespaceSelector);
  const raw = header.kind === 'PodMonitor' ? spec.podMetricsEndpoints : spec.endpoints;
  return {
    ...header,
    kind: header.kind as Monitor['kind'],
    selector: isRecord(spec.selector) ? readLabelSelector(spec.selector) : undefined,
    namespaceSelector: { any: namespaces.any === true, matchNames: strings(namespaces.matchNames) },
    endpoints: list(raw, (e) => {
      const endpoint = record(e);
      const target = endpoint.targetPort;
      return {
        port: str(endpoint.port),
        portNumber: num(endpoint.portNumber),
        targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
        path: str(endpoint.path),
      };
    }),
  };
}

/** Whether a monitor looks for its targets in `namespace` (unknown: only with `any`). */
export function monitorWatchesNamespace(monitor: Monitor, namespace: string | undefined): boolean {
  const { any, matchNames } = monitor.namespaceSelector;
  if (any) return true;
  if (namespace === undefined) return false;
  return matchNames.length
    ? matchNames.includes(namespace)
    : namespace === monitor.metadata.namespace;
}

/** Whether a monitor's selector takes these labels (a pod's, or a Service's for a ServiceMonitor). */
export function monitorSelects(monitor: Monitor, labels: Dict<string>): boolean {
  return monitor.selector !== undefined && selectorMatches(monitor.selector, labels);
}

/** Pods as monitors see them: their namespace (unknown for implied pods) and labels. */
export interface MonitoredPods {
  readonly namespace: string | undefined;
  readonly labels: Dict<string>;
}

/**
 * Whether a monitor scrapes these pods: a PodMonitor whose selector matches their labels, a
 * ServiceMonitor whose selector matches the labels of a Service (in a namespace it watches)
 * that selects them. A Service with no or an empty selector selects no pods by itself.
 */
export function monitorScrapesPods(
  monitor: Monitor,
  pods: MonitoredPods,
  services: readonly Service[],
): boolean {
  if (monitor.kind === 'PodMonitor')
    return monitorWatchesNamespace(monitor, pods.namespace) && monitorSelects(monitor, pods.labels);
  return services.some((service) => monitorScrapesService(monitor, service, pods));
}

/** The Services through which a ServiceMonitor scrapes these pods. */
export function monitorScrapesService(
  monitor: Monitor,
  service: Service,
  pods: MonitoredPods,
): boolean {
  const { namespace, labels } = service.metadata;
  return (
    monitor.kind === 'ServiceMonitor' &&
    pods.namespace === namespace &&
    monitorWatchesNamespace(monitor, namespace) &&
    monitorSelects(monitor, labels) &&
    service.selector !== undefined &&
    !isEmptySelector(service.selector) &&
    selects(service.selector, pods.labels)
  );
}

export {
  dashboardExpressions,
  type PromqlExpression,
  promqlExpressions,
  ruleExpressions,
  ruleWatchesWorkload,
  type WatchedWorkload,
} from './monitoringPromql.ts';

/**
 * The gateway pods, in the shape the graph's `GatewayPods` gives them: the Deployment
 * autoscalers target and rules name (undefined when unknown) besides their namespace and labels.
 */
export type GatewayPodsInput = AttachablePods;

/**
 * What monitoring looks at: every named manifest with its plain value (`entries(workspace)` or
 * `CheckContext.entries`) and the catalog's Services, autoscalers and budgets — a `Catalog`
 * spread with `entries` fits: `{ ...catalog, entries }`.
 */
export interface MonitoringSources {
  readonly entries: readonly {
    readonly id: ResourceId;
    readonly object: ObjectHeader;
    readonly plain: Record<string, unknown>;
  }[];
  readonly services: readonly { readonly object: Service }[];
  readonly autoscalersByNamespace: ReadonlyMap<
    string,
    readonly { readonly object: HorizontalPodAutoscaler }[]
  >;
  readonly budgetsByNamespace: ReadonlyMap<
    string,
    readonly { readonly object: PodDisruptionBudget }[]
  >;
}

export interface GatewayMonitoring {
  readonly monitors: readonly ResourceId[];
  readonly rules: readonly ResourceId[];
  readonly dashboards: readonly ResourceId[];
}

/**
 * The monitors that scrape a gateway's pods, and the PrometheusRules and dashboard ConfigMaps
 * whose PromQL names its workload (its Deployment, or the autoscalers and budgets that belong to
 * it: model/gatewayAttachments.ts, as the graph attaches them). Workspace order; each id once.
 */
export function monitoringOfGateway(
  sources: MonitoringSources,
  pods: GatewayPodsInput,
): GatewayMonitoring {
  const monitors: ResourceId[] = [];
  const rules: ResourceId[] = [];
  const dashboards: ResourceId[] = [];
  const { namespace, deploymentName } = pods;
  const nameOf = (item: { readonly object: ObjectHeader }) => item.object.metadata.name;
  const autoscalers = autoscalersOf(sources.autoscalersByNamespace, pods).map(nameOf);
  const budgets = budgetsOf(sources.budgetsByNamespace, pods).map(nameOf);
  const workload: WatchedWorkload = { namespace, name: deploymentName ?? '', autoscalers, budgets };
  let services: Service[] | undefined;
  const seen = new Set<ResourceId>();
  for (const { id, object, plain } of sources.entries) {
    if (seen.has(id)) continue;
    if (isMonitoringObject(object)) {
      if (object.kind === 'PrometheusRule') {
        if (ruleWatchesWorkload(plain, workload)) rules.push(id);
      } else {
        const monitor = readMonitor(plain);
        services ??= sources.services.map((item) => item.object);
        if (monitor && monitorScrapesPods(monitor, pods, services)) monitors.push(id);
      }
    } else if (isDashboardConfigMap(object)) {
      if (ruleWatchesWorkload(plain, workload)) dashboards.push(id);
    } else continue;
    seen.add(id);
  }
  return { monitors, rules, dashboards };
}
