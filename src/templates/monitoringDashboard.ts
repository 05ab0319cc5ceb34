import { DASHBOARD_LABEL, DASHBOARD_LABEL_VALUE } from '../model/monitoring.ts';
import type { ConfigMapManifest } from './manifests.ts';
import { type GatewayTargets, gatewayQueries } from './monitoringQueries.ts';

interface Target {
  readonly expr: string;
  readonly legendFormat: string;
}

const DATASOURCE = { type: 'prometheus', uid: `\${datasource}` };

/**
 * The gateway's Grafana dashboard as JSON (schema of Grafana 10+ `timeseries` panels): requests
 * per second, P95/P99 latency, 4xx/5xx ratio, CPU and memory against requests and limits, and
 * replicas against the autoscaler's maximum, two panels a row. The queries use
 * `$__rate_interval`, as Grafana recommends for `rate`, and a `datasource` variable so the
 * dashboard works with whatever the Prometheus data source is called.
 */
export function gatewayDashboard(t: GatewayTargets): Record<string, unknown> {
  const q = gatewayQueries(t, '$__rate_interval');
  const panel = (id: number, title: string, unit: string, targets: readonly Target[]) => ({
    id,
    type: 'timeseries',
    title,
    datasource: DATASOURCE,
    gridPos: { h: 8, w: 12, x: ((id - 1) % 2) * 12, y: Math.floor((id - 1) / 2) * 8 },
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets: targets.map((target, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      ...target,
    })),
  });
  return {
    title: `Gateway ${t.namespace}/${t.name}`,
    uid: `gw-${t.namespace}-${t.name}`.slice(0, 40),
    tags: ['istio', 'gateway'],
    timezone: 'browser',
    schemaVersion: 39,
    refresh: '30s',
    time: { from: 'now-1h', to: 'now' },
    templating: {
      list: [{ name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Data source' }],
    },
    panels: [
      panel(1, 'Requests per second', 'reqps', [{ expr: q.rps, legendFormat: 'requests' }]),
      panel(2, 'Latency P95 / P99', 'ms', [
        { expr: q.p95, legendFormat: 'P95' },
        { expr: q.p99, legendFormat: 'P99' },
      ]),
      panel(3, 'Error ratio', 'percent', [
        { expr: q.errorPercent(5), legendFormat: '5xx' },
        { expr: q.errorPercent(4), legendFormat: '4xx' },
      ]),
      panel(4, 'CPU (cores)', 'none', [
        { expr: q.cpu, legendFormat: '{{pod}} used' },
        { expr: q.cpuDeclared('requests'), legendFormat: '{{pod}} request' },
        { expr: q.cpuDeclared('limits'), legendFormat: '{{pod}} limit' },
      ]),
      panel(5, 'Memory', 'bytes', [
        { expr: q.memory, legendFormat: '{{pod}} used' },
        { expr: q.memoryDeclared('requests'), legendFormat: '{{pod}} request' },
        { expr: q.memoryDeclared('limits'), legendFormat: '{{pod}} limit' },
      ]),
      panel(6, 'Replicas', 'none', [
        { expr: q.hpaCurrent, legendFormat: 'current' },
        { expr: q.hpaMax, legendFormat: 'autoscaler maximum' },
      ]),
    ],
  };
}

/** A ConfigMap the Grafana dashboard sidecar loads (kube-prometheus-stack's label and value). */
export function dashboardConfigMap(name: string, t: GatewayTargets): ConfigMapManifest {
  const metadata = {
    name,
    namespace: t.namespace,
    labels: { [DASHBOARD_LABEL]: DASHBOARD_LABEL_VALUE },
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata,
    data: { [`${t.name}.json`]: `${JSON.stringify(gatewayDashboard(t), null, 2)}\n` },
  };
}
