import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { lint } from '../lint.ts';

/** Monitoring findings of a YAML file: code, severity, path, line, message. */
function found(text: string) {
  return lint(loadWorkspace([{ name: 'monitoring.yaml', text }]))
    .filter((d) => d.code.startsWith('monitoring-'))
    .map((d) => ({
      code: d.code,
      severity: d.severity,
      path: d.path,
      line: d.line,
      message: d.message,
    }));
}

const rule = (rules: string) => dedent`
  apiVersion: monitoring.coreos.com/v1
  kind: PrometheusRule
  metadata:
    name: gw
    namespace: istio-system
  spec:
    groups:
      - name: gateway
        rules:
${rules}`;

const GOOD_ALERT = `
          - alert: GatewayErrors
            expr: sum(rate(istio_requests_total{response_code=~"5.."}[5m])) > 1
            for: 5m
            labels:
              severity: critical`;

describe('PromQL', () => {
  test('a valid expression says nothing', () => {
    expect(found(rule(GOOD_ALERT))).toEqual([]);
  });

  test('an unclosed range: an error on the expr line, with the column inside the expression', () => {
    const [finding, ...rest] = found(rule(GOOD_ALERT.replace('[5m]', '[5m')));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'monitoring-promql-invalid',
      severity: 'error',
      path: 'spec.groups[0].rules[0].expr',
      line: 12,
    });
    expect(finding?.message).toMatch(
      /^GatewayErrors: its expr is not valid PromQL at line 1, column 55: unexpected "\)"/,
    );
  });

  test('a multi-line expression says which line of it', () => {
    const text = rule(`
          - alert: Slow
            expr: |
              histogram_quantile(0.99,
                sum by (le) (rate(x_bucket[5m]))
              ) > > 1
            for: 5m
            labels:
              severity: warning`);
    expect(found(text)[0]?.message).toMatch(/at line 3, column 5: unexpected ">"/);
  });

  test('dashboards: a broken panel query is an error; Grafana variables are fine', () => {
    const dashboard = (expr: string) => dedent`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: gw-dashboard
        namespace: monitoring
        labels:
          grafana_dashboard: "1"
      data:
        gw.json: '{"panels": [{"title": "RPS", "targets": [{"expr": ${JSON.stringify(expr)}}]}]}'
    `;
    expect(
      found(dashboard('sum(rate(istio_requests_total{namespace="$namespace"}[$__rate_interval]))')),
    ).toEqual([]);
    expect(found(dashboard('sum(rate(istio_requests_total[5m])'))).toMatchObject([
      {
        code: 'monitoring-promql-invalid',
        path: 'data.gw.json',
        message: expect.stringMatching(
          /^The query of panel "RPS" of gw.json is not valid PromQL .*ends too early/,
        ),
      },
    ]);
  });

  test('a ConfigMap without the sidecar label is not a dashboard', () => {
    const text = dedent`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: other
      data:
        x.json: '{"panels": [{"targets": [{"expr": "sum("}]}]}'
    `;
    expect(found(text)).toEqual([]);
  });
});

describe('prometheus-operator schema', () => {
  test('a duration without its unit form, a port number where a name goes', () => {
    const text = dedent`
      apiVersion: monitoring.coreos.com/v1
      kind: PodMonitor
      metadata:
        name: gw
        namespace: istio-system
      spec:
        selector:
          matchLabels:
            istio: ingressgateway
        podMetricsEndpoints:
          - port: 15090
            interval: 15 seconds
    `;
    expect(found(text)).toEqual([
      expect.objectContaining({
        code: 'monitoring-schema-invalid',
        path: 'spec.podMetricsEndpoints[0].port',
        message: expect.stringMatching(/must be text, not 15090/),
      }),
      expect.objectContaining({
        code: 'monitoring-schema-invalid',
        path: 'spec.podMetricsEndpoints[0].interval',
        message: expect.stringMatching(
          /not a Prometheus duration: write a number with a unit, such as 30s/,
        ),
      }),
    ]);
  });

  test('a ServiceMonitor needs a selector; a rule needs an expr', () => {
    const monitor = dedent`
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata:
        name: gw
      spec:
        endpoints:
          - port: http-envoy-prom
    `;
    expect(found(monitor).map((f) => f.message)).toEqual([
      expect.stringMatching(/spec is missing the required field "selector"/),
    ]);
    expect(
      found(
        rule(`
          - record: gateway:requests:rate5m`),
      ).map((f) => [f.code, f.path]),
    ).toEqual([['monitoring-schema-invalid', 'spec.groups[0].rules[0]']]);
  });

  test('another group with the same kind is not checked', () => {
    expect(
      found(
        'apiVersion: example.com/v1\nkind: PodMonitor\nmetadata:\n  name: x\nspec:\n  podMetricsEndpoints: 3\n',
      ),
    ).toEqual([]);
  });
});

describe('scrape ports', () => {
  const workloads = dedent`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
            - name: web
              image: web
              ports:
                - name: metrics
                  containerPort: 9090
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: web
      namespace: shop
      labels: {app: web}
    spec:
      selector: {app: web}
      ports:
        - name: http
          port: 80
  `;
  const podMonitor = (port: string, app = 'web') => dedent`
    ---
    apiVersion: monitoring.coreos.com/v1
    kind: PodMonitor
    metadata:
      name: web
      namespace: shop
    spec:
      selector:
        matchLabels: {app: ${app}}
      podMetricsEndpoints:
        - port: ${port}
  `;

  test('a PodMonitor port no selected container declares: a warning naming the ports there are', () => {
    expect(found(workloads + podMonitor('prom'))).toEqual([
      expect.objectContaining({
        code: 'monitoring-port-not-found',
        severity: 'warning',
        path: 'spec.podMetricsEndpoints[0].port',
        message: expect.stringMatching(
          /scrapes port "prom", but no container of the pods it selects \(Deployment\/shop\/web\).*\(metrics\)$/,
        ),
      }),
    ]);
  });

  test('quiet when the port is declared, when nothing in the workspace is selected, and for Istio’s injected port', () => {
    expect(found(workloads + podMonitor('metrics'))).toEqual([]);
    expect(found(workloads + podMonitor('prom', 'other'))).toEqual([]);
    expect(found(workloads + podMonitor('http-envoy-prom'))).toEqual([]);
  });

  test('a ServiceMonitor port names a Service port', () => {
    const serviceMonitor = (port: string) => dedent`
      ---
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          matchLabels: {app: web}
        endpoints:
          - port: ${port}
    `;
    expect(found(workloads + serviceMonitor('http'))).toEqual([]);
    expect(found(workloads + serviceMonitor('metrics')).map((f) => f.code)).toEqual([
      'monitoring-port-not-found',
    ]);
  });
});

describe('alert rules', () => {
  test('without for or severity: information at the alert', () => {
    const text = rule(`
          - alert: Bare
            expr: up == 0`);
    expect(found(text).map((f) => [f.code, f.severity, f.path])).toEqual([
      ['monitoring-alert-no-for', 'info', 'spec.groups[0].rules[0].alert'],
      ['monitoring-alert-no-severity', 'info', 'spec.groups[0].rules[0].alert'],
    ]);
  });

  test('a recording rule needs neither', () => {
    expect(
      found(
        rule(`
          - record: gateway:requests:rate5m
            expr: sum(rate(istio_requests_total[5m]))`),
      ),
    ).toEqual([]);
  });
});

describe('dashboard JSON', () => {
  test('a .json entry that is not JSON is a warning; other entries are left alone', () => {
    const text = dedent`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: d
        labels: {grafana_dashboard: "1"}
      data:
        broken.json: '{"panels": ['
        notes.txt: 'not json'
    `;
    expect(found(text).map((f) => [f.code, f.path])).toEqual([
      ['monitoring-dashboard-json-invalid', 'data.broken.json'],
    ]);
  });
});
