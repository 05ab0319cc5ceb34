import { type LabelSelector, readLabelSelector } from './gatewayApi.ts';
import { type AttachablePods, autoscalersOf, budgetsOf } from './gatewayAttachments.ts';
import type { HorizontalPodAutoscaler } from './horizontalPodAutoscaler.ts';
import { isEmptySelector, selects } from './labels.ts';
import type { PodDisruptionBudget } from './podDisruptionBudget.ts';
import {
  isGrafanaVariable,
  type LabelMatcher,
  parsePromql,
  type SeriesSelector,
  withoutGrafanaVariables,
} from './promql.ts';
import { type Dict, isRecord, list, num, record, str, strings } from './read.ts';
import { fullMatch } from './regex.ts';
import { type ObjectHeader, type ResourceId, readHeader } from './resource.ts';
import { selectorMatches } from './routeAttachment.ts';
import type { Service } from './service.ts';

/**
 * The gateway's monitoring: prometheus-operator's scrape configs and alert rules
 * (`monitoring.coreos.com`) and Grafana dashboards shipped as ConfigMaps for the dashboard
 * sidecar. Which of them scrape, alert on or chart a gateway is answered here once, for the
 * graph (monitoring hangs off the gateway pods), the checks and the readiness panel.
 */

export const MONITORING_GROUP = 'monitoring.coreos.com';
export const MONITORING_KINDS = ['ServiceMonitor', 'PodMonitor', 'PrometheusRule'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

/** Whether a manifest is one of prometheus-operator's kinds (any `monitoring.coreos.com/*`). */
export function isMonitoringObject(object: ObjectHeader): boolean {
  return (
    (MONITORING_KINDS as readonly string[]).includes(object.kind) &&
    object.apiVersion.startsWith(`${MONITORING_GROUP}/`)
  );
}

/**
 * The label Grafana's dashboard sidecar (kiwigrid k8s-sidecar) watches ConfigMaps for, as the
 * Grafana chart and kube-prometheus-stack configure it (`sidecar.dashboards.label`). Since
 * kube-prometheus-stack 32.2 the sidecar also asks for the value `"1"`; Grafana's own chart
 * takes any value.
 */
export const DASHBOARD_LABEL = 'grafana_dashboard';
export const DASHBOARD_LABEL_VALUE = '1';

/** A ConfigMap the Grafana dashboard sidecar loads: it carries the `grafana_dashboard` label. */
export function isDashboardConfigMap(object: ObjectHeader): boolean {
  return (
    object.kind === 'ConfigMap' &&
    object.apiVersion === 'v1' &&
    Object.hasOwn(object.metadata.labels, DASHBOARD_LABEL)
  );
}

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

/** One PromQL expression of a rule or dashboard, with where it is written. */
export interface PromqlExpression {
  /** Path of the field that holds it, in the resource. */
  readonly path: readonly (string | number)[];
  /** The expression as PromQL (a dashboard's Grafana variables replaced). */
  readonly expr: string;
  /** The alert, recording rule or dashboard panel it belongs to, for messages. */
  readonly owner: string;
  /** A rule: `alert` (else a recording rule); a dashboard target: false. */
  readonly alert: boolean;
  /** A rule's written `for` and `labels.severity`; undefined for dashboards or when absent. */
  readonly for?: string | undefined;
  readonly severity?: string | undefined;
}

/** A PrometheusRule's `spec.groups[].rules[].expr`, numbers read as their text. */
export function ruleExpressions(plain: Record<string, unknown>): PromqlExpression[] {
  const out: PromqlExpression[] = [];
  const groups = record(plain.spec).groups;
  if (!Array.isArray(groups)) return out;
  groups.forEach((group, g) => {
    const rules = record(group).rules;
    if (!Array.isArray(rules)) return;
    rules.forEach((r, i) => {
      const rule = record(r);
      const expr = typeof rule.expr === 'number' ? String(rule.expr) : str(rule.expr);
      if (expr === undefined) return;
      const alert = str(rule.alert);
      out.push({
        path: ['spec', 'groups', g, 'rules', i, 'expr'],
        expr,
        owner:
          alert ?? str(rule.record) ?? `rule ${i + 1} of group ${str(record(group).name) ?? g + 1}`,
        alert: alert !== undefined,
        for: str(rule.for),
        severity: str(record(rule.labels).severity),
      });
    });
  });
  return out;
}

/**
 * The Prometheus queries of a dashboard ConfigMap: every `targets[].expr` of the JSON held in
 * each `data` entry (panels, rows, nested panels alike), at the path of that entry. Entries that
 * are not JSON are skipped: Grafana would not load them as dashboards either.
 */
export function dashboardExpressions(plain: Record<string, unknown>): PromqlExpression[] {
  const out: PromqlExpression[] = [];
  const data = record(plain.data);
  for (const key of Object.keys(data)) {
    const text = data[key];
    if (typeof text !== 'string') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    visit(json, 0, (panel, expr) =>
      out.push({
        path: ['data', key],
        expr: withoutGrafanaVariables(expr),
        owner: `panel "${panel}" of ${key}`,
        alert: false,
      }),
    );
  }
  return out;
}

const MAX_DEPTH = 20;

function visit(value: unknown, depth: number, found: (panel: string, expr: string) => void): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, depth + 1, found);
    return;
  }
  if (!isRecord(value)) return;
  if (Array.isArray(value.targets)) {
    const title = str(value.title) ?? 'untitled';
    for (const target of value.targets) {
      const expr = record(target).expr;
      if (typeof expr === 'string' && expr.trim() !== '') found(title, expr);
    }
  }
  for (const key of Object.keys(value)) if (key !== 'targets') visit(value[key], depth + 1, found);
}

/** The PromQL of a PrometheusRule or dashboard ConfigMap; nothing for other kinds. */
export function promqlExpressions(plain: Record<string, unknown>): PromqlExpression[] {
  const header = readHeader(plain);
  if (header.kind === 'PrometheusRule' && isMonitoringObject(header)) return ruleExpressions(plain);
  if (isDashboardConfigMap(header)) return dashboardExpressions(plain);
  return [];
}

/**
 * A gateway workload as its metrics name it: the Deployment (or Pod) name and namespace, with
 * the names of the autoscalers and disruption budgets kube-state-metrics reports for it.
 */
export interface WatchedWorkload {
  readonly namespace: string | undefined;
  readonly name: string;
  readonly autoscalers?: readonly string[];
  readonly budgets?: readonly string[];
}

/** A pod name as a Deployment's ReplicaSet makes it, for `pod=~"<name>-.*"` selectors. */
const podNameOf = (deployment: string) => `${deployment}-7c9d8b6f5d-x2k9p`;

const selectorsCache = new WeakMap<object, readonly SeriesSelector[]>();

function selectorsOf(plain: Record<string, unknown>): readonly SeriesSelector[] {
  let selectors = selectorsCache.get(plain);
  if (!selectors) {
    selectors = promqlExpressions(plain).flatMap((e) => parsePromql(e.expr).selectors);
    selectorsCache.set(plain, selectors);
  }
  return selectors;
}

/**
 * Whether a PrometheusRule or dashboard ConfigMap asks for the series of this workload: Istio's
 * standard metrics as a gateway reports them (`source_workload`, with
 * `source_workload_namespace` when written; gateways report as `reporter="source"`), cAdvisor's
 * and kube-state-metrics' `pod` (a name or a regex that takes the Deployment's pods) and
 * `deployment` with `namespace`, and kube-state-metrics' `horizontalpodautoscaler` and
 * `poddisruptionbudget` by the names given. Grafana variables count as any value.
 */
export function ruleWatchesWorkload(
  plain: Record<string, unknown>,
  workload: WatchedWorkload,
): boolean {
  return selectorsOf(plain).some((selector) => selectorWatches(selector, workload));
}

function selectorWatches(selector: SeriesSelector, workload: WatchedWorkload): boolean {
  const on = (label: string) => selector.matchers.filter((m) => m.name === label);
  /** A written, concrete matcher on `label` that some candidate passes with all its matchers. */
  const names = (label: string, candidates: readonly string[]) => {
    const matchers = on(label);
    return (
      matchers.some((m) => (m.op === '=' || m.op === '=~') && !isGrafanaVariable(m.value)) &&
      candidates.some((value) => matchers.every((m) => accepts(m, value)))
    );
  };
  const inNamespace = (label: string) =>
    workload.namespace === undefined ||
    on(label).every((m) => accepts(m, workload.namespace as string));
  const { name } = workload;
  if (name === '') return false;
  if (names('source_workload', [name]) && inNamespace('source_workload_namespace')) return true;
  if (!inNamespace('namespace')) return false;
  return (
    names('pod', [name, podNameOf(name)]) ||
    names('deployment', [name]) ||
    names('horizontalpodautoscaler', workload.autoscalers ?? []) ||
    names('poddisruptionbudget', workload.budgets ?? [])
  );
}

/** PromQL's matchers: regexes are fully anchored RE2, as Prometheus compiles them. */
function accepts(matcher: LabelMatcher, value: string): boolean {
  if (isGrafanaVariable(matcher.value)) return true;
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return fullMatch(matcher.value, value).ok;
    case '!~': {
      const result = fullMatch(matcher.value, value);
      return !result.ok && result.error === undefined;
    }
  }
}

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
