import { describe, expect, test } from 'vitest';
import { monitoringOfGateway, promqlExpressions, readMonitor } from '../model/monitoring.ts';
import { parsePromql } from '../model/promql.ts';
import { valueAt } from '../model/read.ts';
import {
  applyScenario,
  BASES,
  emptyWorkspace,
  exampleWorkspace,
  refusal,
  serious,
} from '../testing/scenarios.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import { entries, type Workspace } from '../workspace/workspace.ts';
import { GATEWAY_MONITORING } from './monitoring.ts';
import { SCALING_PACK } from './scalingPack.ts';

const GATEWAY_PODS = {
  namespace: 'istio-system',
  labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
  deploymentName: 'istio-ingressgateway',
};

function monitoringOf(workspace: Workspace, pods = GATEWAY_PODS) {
  return monitoringOfGateway({ ...buildCatalog(workspace), entries: entries(workspace) }, pods);
}

function added(workspace: Workspace, kind: string) {
  return entries(workspace).filter((e) => e.object.kind === kind);
}

describe.each(BASES)('on $label', ({ load }) => {
  test('adds a PodMonitor, a PrometheusRule and a dashboard that lint without error or warning', () => {
    const { after } = applyScenario(GATEWAY_MONITORING, load());
    expect(serious(after)).toEqual([]);
    expect(monitoringOf(after)).toEqual({
      monitors: ['PodMonitor/istio-system/istio-ingressgateway-monitor'],
      rules: ['PrometheusRule/istio-system/istio-ingressgateway-alerts'],
      dashboards: ['ConfigMap/istio-system/istio-ingressgateway-dashboard'],
    });
  });

  test('the ServiceMonitor choice scrapes through a metrics Service, also clean', () => {
    const { after } = applyScenario(GATEWAY_MONITORING, load(), { monitor: 'ServiceMonitor' });
    expect(serious(after)).toEqual([]);
    expect(monitoringOf(after).monitors).toEqual([
      'ServiceMonitor/istio-system/istio-ingressgateway-monitor',
    ]);
    const service = added(after, 'Service').find((e) =>
      e.object.metadata.name.endsWith('-metrics'),
    );
    expect(service?.plain.spec).toMatchObject({
      selector: { istio: 'ingressgateway' },
      ports: [{ name: 'http-envoy-prom', port: 15090 }],
    });
  });
});

describe('what it writes', () => {
  const { after } = applyScenario(GATEWAY_MONITORING, emptyWorkspace(), { p99: 800, minRps: 5 });
  const rule = added(after, 'PrometheusRule')[0];
  const exprs = rule ? promqlExpressions(rule.plain) : [];

  test('scrapes Envoy on http-envoy-prom at /stats/prometheus, as Istio’s example does', () => {
    const monitor = readMonitor(added(after, 'PodMonitor')[0]?.plain ?? {});
    expect(monitor?.endpoints).toMatchObject([
      { port: 'http-envoy-prom', path: '/stats/prometheus' },
    ]);
    expect(monitor?.metadata.labels).toEqual({ release: 'kube-prometheus-stack' });
  });

  test('every alert has for, a severity and both annotations, and valid PromQL', () => {
    const alerts = exprs.map((e) => e.owner);
    expect(alerts).toEqual([
      'GatewayRequestRateLow',
      'GatewayLatencyP95High',
      'GatewayLatencyP99High',
      'GatewayErrors5xxHigh',
      'GatewayErrors4xxHigh',
      'GatewayCpuNearLimit',
      'GatewayCpuAboveRequest',
      'GatewayMemoryNearLimit',
      'GatewayMemoryAboveRequest',
      'GatewayAutoscalerAtMax',
      'GatewayDisruptionBudgetBlocks',
    ]);
    for (const e of exprs) {
      expect(e.for, e.owner).toMatch(/^\d+m$/);
      expect(e.severity, e.owner).toMatch(/^(critical|warning|info)$/);
      expect(parsePromql(e.expr).errors, e.expr).toEqual([]);
    }
  });

  test('thresholds are the parameters: P99 800ms, at least 5 requests per second', () => {
    const byName = Object.fromEntries(exprs.map((e) => [e.owner, e.expr]));
    expect(byName.GatewayLatencyP99High).toMatch(/histogram_quantile\(0\.99, .*\) > 800$/);
    expect(byName.GatewayLatencyP95High).toMatch(/> 500$/);
    expect(byName.GatewayRequestRateLow).toMatch(/< 5$/);
    expect(byName.GatewayErrors5xxHigh).toContain('response_code=~"5.."');
  });

  test('the dashboard is labelled for the sidecar and charts the six panels with valid PromQL', () => {
    const dashboard = added(after, 'ConfigMap')[0];
    expect(dashboard?.object.metadata.labels).toEqual({ grafana_dashboard: '1' });
    const json = JSON.parse(
      String(valueAt(dashboard?.plain, ['data', 'istio-ingressgateway.json'])),
    );
    expect(json.panels.map((p: { title: string }) => p.title)).toEqual([
      'Requests per second',
      'Latency P95 / P99',
      'Error ratio',
      'CPU (cores)',
      'Memory',
      'Replicas',
    ]);
    for (const e of promqlExpressions(dashboard?.plain ?? {}))
      expect(parsePromql(e.expr).errors, e.expr).toEqual([]);
  });
});

describe('alongside the scaling pack', () => {
  test('the autoscaler and budget alerts name the workspace’s own', () => {
    const pack = applyScenario(SCALING_PACK, exampleWorkspace()).after;
    const { after } = applyScenario(GATEWAY_MONITORING, pack);
    expect(serious(after)).toEqual([]);
    const text = JSON.stringify(added(after, 'PrometheusRule')[0]?.plain);
    expect(text).toContain('horizontalpodautoscaler=\\"istio-ingressgateway\\"');
    expect(text).toContain('poddisruptionbudget=\\"istio-ingressgateway\\"');
  });
});

describe('refusals', () => {
  test('a name already taken', () => {
    const { after } = applyScenario(GATEWAY_MONITORING, emptyWorkspace());
    expect(refusal(GATEWAY_MONITORING, after, {})).toBe(
      'PodMonitor istio-system/istio-ingressgateway-monitor already exists: choose another name',
    );
  });

  test.each([
    [{ p95: 900, p99: 800 }, 'P99 latency (ms): Must be at least the P95 latency'],
    [{ errors5xx: 0 }, '5xx responses (%): Must be more than 0'],
    [{ errors4xx: 120 }, '4xx responses (%): Percentage must be from 0 to 100'],
    [{ cpuPercent: 0 }, 'CPU (% of limit): Must be from 1 to 100'],
    [
      { hpaMaxMinutes: 2.5 },
      'Autoscaler at maximum (minutes): Enter a whole number from 1 to 1440',
    ],
    [
      { minRps: 10, maxRps: 5 },
      'Maximum requests per second: Must be more than the minimum requests per second',
    ],
    [{ monitor: 'Probe' }, 'Scrape with: Choose one of PodMonitor, ServiceMonitor'],
  ])('%o', (params, message) => {
    expect(refusal(GATEWAY_MONITORING, emptyWorkspace(), params)).toBe(message);
  });
});
