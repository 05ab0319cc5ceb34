import { isDashboardConfigMap, isMonitoringObject } from './monitoringKinds.ts';
import {
  isGrafanaVariable,
  type LabelMatcher,
  parsePromql,
  type SeriesSelector,
  withoutGrafanaVariables,
} from './promql.ts';
import { isRecord, record, str } from './read.ts';
import { fullMatch } from './regex.ts';
import { readHeader } from './resource.ts';

/**
 * The PromQL of prometheus-operator rules and Grafana dashboard ConfigMaps (monitoring.ts): the
 * expressions each holds, where, and whether their series selectors name a gateway workload.
 */

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
