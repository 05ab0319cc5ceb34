import { describe, expect, test } from 'vitest';
import { readHorizontalPodAutoscaler } from './horizontalPodAutoscaler.ts';
import {
  dashboardExpressions,
  isDashboardConfigMap,
  type Monitor,
  monitoringOfGateway,
  monitorScrapesPods,
  readMonitor,
  ruleExpressions,
  ruleWatchesWorkload,
} from './monitoring.ts';
import { readPodDisruptionBudget } from './podDisruptionBudget.ts';
import { readHeader, resourceId } from './resource.ts';
import { readService } from './service.ts';

const PODS = {
  namespace: 'istio-system',
  labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
};
const GATEWAY = { namespace: 'istio-system', name: 'istio-ingressgateway' };

function monitor(kind: string, spec: Record<string, unknown>, namespace = 'istio-system'): Monitor {
  const read = readMonitor({
    apiVersion: 'monitoring.coreos.com/v1',
    kind,
    metadata: { name: 'm', namespace },
    spec,
  });
  if (!read) throw new Error('not a monitor');
  return read;
}

function rule(...exprs: (string | number)[]): Record<string, unknown> {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'r', namespace: 'monitoring' },
    spec: { groups: [{ name: 'g', rules: exprs.map((expr, i) => ({ alert: `A${i}`, expr })) }] },
  };
}

function dashboard(json: unknown, labels: Record<string, string> = { grafana_dashboard: '1' }) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'd', namespace: 'monitoring', labels },
    data: { 'gateway.json': JSON.stringify(json) },
  };
}

const metricsService = (
  labels: Record<string, string>,
  selector: unknown,
  namespace = 'istio-system',
) =>
  readService({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'gw-metrics', namespace, labels },
    spec: { selector, ports: [{ name: 'http-envoy-prom', port: 15090 }] },
  });

describe('recognising the kinds', () => {
  test('a prometheus-operator kind of another group is not a monitor', () => {
    expect(
      readMonitor({ apiVersion: 'example.com/v1', kind: 'PodMonitor', spec: {} }),
    ).toBeUndefined();
    expect(
      monitor('PodMonitor', {
        podMetricsEndpoints: [{ port: 'http-envoy-prom', path: '/stats/prometheus' }],
      }).endpoints,
    ).toEqual([
      {
        port: 'http-envoy-prom',
        portNumber: undefined,
        targetPort: undefined,
        path: '/stats/prometheus',
      },
    ]);
  });

  test('a dashboard ConfigMap carries the sidecar label, whatever its value', () => {
    expect(isDashboardConfigMap(readHeader(dashboard({})))).toBe(true);
    expect(isDashboardConfigMap(readHeader(dashboard({}, { grafana_dashboard: 'yes' })))).toBe(
      true,
    );
    expect(isDashboardConfigMap(readHeader(dashboard({}, { app: 'grafana' })))).toBe(false);
    expect(isDashboardConfigMap(readHeader({ ...dashboard({}), kind: 'Secret' }))).toBe(false);
  });
});

describe('monitorScrapesPods', () => {
  test('a PodMonitor in the pods namespace whose selector matches their labels', () => {
    const m = monitor('PodMonitor', { selector: { matchLabels: { istio: 'ingressgateway' } } });
    expect(monitorScrapesPods(m, PODS, [])).toBe(true);
    expect(monitorScrapesPods(m, { ...PODS, labels: { istio: 'egressgateway' } }, [])).toBe(false);
  });

  test('matchExpressions are read, as Istio’s example selects every pod without an opt-out label', () => {
    const m = monitor('PodMonitor', {
      selector: {
        matchExpressions: [{ key: 'istio-prometheus-ignore', operator: 'DoesNotExist' }],
      },
      namespaceSelector: { any: true },
    });
    expect(monitorScrapesPods(m, PODS, [])).toBe(true);
    expect(
      monitorScrapesPods(
        m,
        { ...PODS, labels: { ...PODS.labels, 'istio-prometheus-ignore': 'true' } },
        [],
      ),
    ).toBe(false);
  });

  test('an empty selector takes every pod; a missing one (invalid) takes none', () => {
    expect(monitorScrapesPods(monitor('PodMonitor', { selector: {} }), PODS, [])).toBe(true);
    expect(monitorScrapesPods(monitor('PodMonitor', {}), PODS, [])).toBe(false);
  });

  test('the namespace: its own by default, matchNames, or any', () => {
    const selector = { matchLabels: { istio: 'ingressgateway' } };
    expect(monitorScrapesPods(monitor('PodMonitor', { selector }, 'monitoring'), PODS, [])).toBe(
      false,
    );
    expect(
      monitorScrapesPods(
        monitor(
          'PodMonitor',
          { selector, namespaceSelector: { matchNames: ['istio-system'] } },
          'monitoring',
        ),
        PODS,
        [],
      ),
    ).toBe(true);
    expect(
      monitorScrapesPods(
        monitor(
          'PodMonitor',
          { selector, namespaceSelector: { any: true, matchNames: ['other'] } },
          'monitoring',
        ),
        PODS,
        [],
      ),
    ).toBe(true);
  });

  test('a ServiceMonitor selects a Service by its labels, and that Service must select the pods', () => {
    const m = monitor('ServiceMonitor', { selector: { matchLabels: { monitoring: 'gateway' } } });
    const good = metricsService({ monitoring: 'gateway' }, { istio: 'ingressgateway' });
    expect(monitorScrapesPods(m, PODS, [good])).toBe(true);
    // The Service's labels do not match the monitor.
    expect(
      monitorScrapesPods(m, PODS, [metricsService({ other: 'x' }, { istio: 'ingressgateway' })]),
    ).toBe(false);
    // The Service selects other pods, or none.
    expect(
      monitorScrapesPods(m, PODS, [metricsService({ monitoring: 'gateway' }, { app: 'web' })]),
    ).toBe(false);
    expect(monitorScrapesPods(m, PODS, [metricsService({ monitoring: 'gateway' }, {})])).toBe(
      false,
    );
    // The Service is in a namespace the monitor does not watch.
    const elsewhere = monitor(
      'ServiceMonitor',
      { selector: { matchLabels: { monitoring: 'gateway' } } },
      'monitoring',
    );
    expect(monitorScrapesPods(elsewhere, PODS, [good])).toBe(false);
  });
});

describe('ruleWatchesWorkload', () => {
  test('Istio’s standard metrics as the gateway reports them', () => {
    const expr =
      'sum(rate(istio_requests_total{reporter="source", source_workload="istio-ingressgateway", source_workload_namespace="istio-system"}[5m]))';
    expect(ruleWatchesWorkload(rule(expr), GATEWAY)).toBe(true);
    expect(ruleWatchesWorkload(rule(expr), { ...GATEWAY, name: 'edge' })).toBe(false);
    expect(ruleWatchesWorkload(rule(expr), { ...GATEWAY, namespace: 'ingress' })).toBe(false);
  });

  test('cAdvisor’s pod regex and namespace', () => {
    const expr =
      'sum(rate(container_cpu_usage_seconds_total{namespace="istio-system", pod=~"istio-ingressgateway-.*", container="istio-proxy"}[5m]))';
    expect(ruleWatchesWorkload(rule(expr), GATEWAY)).toBe(true);
    expect(ruleWatchesWorkload(rule(expr), { ...GATEWAY, name: 'edge' })).toBe(false);
    expect(
      ruleWatchesWorkload(
        rule(expr.replace('namespace="istio-system"', 'namespace="prod"')),
        GATEWAY,
      ),
    ).toBe(false);
    // A matcher that excludes the pods is not about them.
    expect(ruleWatchesWorkload(rule('up{pod!~"istio-ingressgateway-.*"}'), GATEWAY)).toBe(false);
  });

  test('kube-state-metrics by the autoscaler’s and budget’s names', () => {
    const hpa =
      'kube_horizontalpodautoscaler_status_current_replicas{namespace="istio-system", horizontalpodautoscaler="gw-hpa"}';
    const pdb =
      'kube_poddisruptionbudget_status_pod_disruptions_allowed{poddisruptionbudget="gw-pdb"} == 0';
    expect(ruleWatchesWorkload(rule(hpa), { ...GATEWAY, autoscalers: ['gw-hpa'] })).toBe(true);
    expect(ruleWatchesWorkload(rule(hpa), GATEWAY)).toBe(false);
    expect(ruleWatchesWorkload(rule(pdb), { ...GATEWAY, budgets: ['gw-pdb'] })).toBe(true);
    expect(ruleWatchesWorkload(rule(pdb), { ...GATEWAY, budgets: ['other'] })).toBe(false);
  });

  test('a metric without the workload’s labels watches nothing in particular', () => {
    expect(ruleWatchesWorkload(rule('sum(rate(istio_requests_total[5m])) > 0', 1), GATEWAY)).toBe(
      false,
    );
  });

  test('dashboards: targets in rows and nested panels, Grafana variables as any value', () => {
    const json = {
      rows: [],
      panels: [
        {
          type: 'row',
          title: 'Gateway',
          panels: [
            {
              title: 'RPS',
              targets: [
                {
                  expr: 'sum(rate(istio_requests_total{source_workload="istio-ingressgateway", source_workload_namespace="$namespace"}[$__rate_interval]))',
                },
              ],
            },
          ],
        },
      ],
    };
    expect(ruleWatchesWorkload(dashboard(json), GATEWAY)).toBe(true);
    expect(ruleWatchesWorkload(dashboard(json), { ...GATEWAY, name: 'edge' })).toBe(false);
    expect(dashboardExpressions(dashboard(json))).toMatchObject([
      {
        path: ['data', 'gateway.json'],
        owner: 'panel "RPS" of gateway.json',
        expr: expect.stringContaining('[5m]'),
      },
    ]);
  });

  test('rule expressions keep their paths; numbers read as text', () => {
    expect(ruleExpressions(rule('up', 1)).map((e) => [e.path.join('.'), e.expr])).toEqual([
      ['spec.groups.0.rules.0.expr', 'up'],
      ['spec.groups.0.rules.1.expr', '1'],
    ]);
  });
});

describe('monitoringOfGateway', () => {
  const entry = (plain: Record<string, unknown>) => {
    const object = readHeader(plain);
    return {
      id: resourceId(object.kind, object.metadata.namespace, object.metadata.name),
      object,
      plain,
    };
  };
  const hpa = readHorizontalPodAutoscaler({
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'gw-hpa', namespace: 'istio-system' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'istio-ingressgateway' } },
  });
  const pdb = readPodDisruptionBudget({
    kind: 'PodDisruptionBudget',
    metadata: { name: 'gw-pdb', namespace: 'istio-system' },
    spec: { selector: { matchLabels: { istio: 'ingressgateway' } } },
  });
  const podMonitor = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: 'gw', namespace: 'istio-system' },
    spec: { selector: { matchLabels: { istio: 'ingressgateway' } } },
  };
  const sources = {
    entries: [
      entry(podMonitor),
      entry({
        ...podMonitor,
        metadata: { name: 'web', namespace: 'istio-system' },
        spec: { selector: { matchLabels: { app: 'web' } } },
      }),
      entry({
        ...rule('kube_horizontalpodautoscaler_spec_max_replicas{horizontalpodautoscaler="gw-hpa"}'),
        metadata: { name: 'hpa', namespace: 'monitoring' },
      }),
      entry({
        ...rule(
          'kube_poddisruptionbudget_status_pod_disruptions_allowed{poddisruptionbudget="gw-pdb"}',
        ),
        metadata: { name: 'pdb', namespace: 'monitoring' },
      }),
      entry({ ...rule('up{job="other"}'), metadata: { name: 'other', namespace: 'monitoring' } }),
      entry(
        dashboard({
          panels: [
            {
              title: 'CPU',
              targets: [
                { expr: 'container_memory_working_set_bytes{pod=~"istio-ingressgateway-.*"}' },
              ],
            },
          ],
        }),
      ),
    ],
    services: [],
    autoscalersByNamespace: new Map([['istio-system', [{ object: hpa }]]]),
    budgetsByNamespace: new Map([['istio-system', [{ object: pdb }]]]),
  };

  test('finds the monitors, rules and dashboards of the gateway and nothing else', () => {
    expect(
      monitoringOfGateway(sources, { ...PODS, deploymentName: 'istio-ingressgateway' }),
    ).toEqual({
      monitors: ['PodMonitor/istio-system/gw'],
      rules: ['PrometheusRule/monitoring/hpa', 'PrometheusRule/monitoring/pdb'],
      dashboards: ['ConfigMap/monitoring/d'],
    });
  });

  test('another gateway has none of them', () => {
    expect(
      monitoringOfGateway(sources, {
        namespace: 'ingress',
        labels: { istio: 'edge' },
        deploymentName: 'edge',
      }),
    ).toEqual({ monitors: [], rules: [], dashboards: [] });
  });
});
