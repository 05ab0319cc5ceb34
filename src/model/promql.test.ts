import { describe, expect, test } from 'vitest';
import { isGrafanaVariable, parsePromql, withoutGrafanaVariables } from './promql.ts';

describe('parsePromql', () => {
  test.each([
    'sum(rate(istio_requests_total{reporter="source"}[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket[5m]))) > 800',
    'kube_poddisruptionbudget_status_pod_disruptions_allowed == 0',
    'up{"quoted.name"="x"}',
    '1',
  ])('accepts %s', (expr) => {
    expect(parsePromql(expr).errors).toEqual([]);
  });

  test('an unclosed range says what comes where, line and column inside the expression', () => {
    const [error] = parsePromql('rate(foo[5m)').errors;
    expect(error).toMatchObject({ line: 1, column: 12, message: 'unexpected ")"' });
  });

  test('an expression cut short says it ends too early, on its second line', () => {
    const [error] = parsePromql('sum(\n  rate(x[5m])').errors;
    expect(error?.line).toBe(2);
    expect(error?.message).toMatch(/ends too early/);
  });

  test('a label value without quotes says values are quoted', () => {
    expect(parsePromql('up{job="api", env=prod}').errors).toMatchObject([
      { column: 19, message: 'unexpected "prod": label values are quoted, as in job="api"' },
    ]);
    expect(parsePromql('up{job="api"').errors[0]?.message).not.toContain('quoted');
  });

  test('an empty expression is an error', () => {
    expect(parsePromql('  ').errors[0]?.message).toBe('the expression is empty');
  });

  test('selectors carry their metric and label matchers, quotes and escapes read', () => {
    const { selectors } = parsePromql(
      `rate(istio_requests_total{source_workload="gw", pod=~'gw-.*', ns!="a\\"b"}[1m]) / on() {__name__="up"}`,
    );
    expect(selectors).toEqual([
      {
        metric: 'istio_requests_total',
        matchers: [
          { name: 'source_workload', op: '=', value: 'gw' },
          { name: 'pod', op: '=~', value: 'gw-.*' },
          { name: 'ns', op: '!=', value: 'a"b' },
        ],
      },
      { metric: 'up', matchers: [] },
    ]);
  });
});

describe('Grafana variables', () => {
  test('in a range they read as a duration, so the query parses', () => {
    const query = 'sum(rate(istio_requests_total{namespace="$namespace"}[$__rate_interval]))';
    expect(parsePromql(query).errors).not.toEqual([]);
    const replaced = withoutGrafanaVariables(query);
    expect(replaced).toBe('sum(rate(istio_requests_total{namespace="$namespace"}[5m]))');
    expect(parsePromql(replaced).errors).toEqual([]);
  });

  test('outside quotes elsewhere they read as a word', () => {
    expect(parsePromql(withoutGrafanaVariables(`sum by (\${group}) (up)`)).errors).toEqual([]);
  });

  test('a label value with a variable is told apart', () => {
    expect(isGrafanaVariable('$namespace')).toBe(true);
    expect(isGrafanaVariable(`\${pod:regex}`)).toBe(true);
    expect(isGrafanaVariable('istio-system')).toBe(false);
    expect(isGrafanaVariable('price$')).toBe(false);
  });
});

describe('range vector arguments', () => {
  test.each([
    [
      'rate(istio_requests_total)',
      5,
      /^rate\(\) takes a range vector, not the instant vector istio_requests_total: add a range/,
    ],
    ['sum(increase(x{a="b"} offset 5m))', 13, /^increase\(\) takes a range vector/],
    [
      'quantile_over_time(0.9, x)',
      24,
      /^quantile_over_time\(\) takes a range vector, not the instant vector x/,
    ],
    ['rate(5)', 5, /^rate\(\) takes a range vector, not 5$/],
  ])('%s is refused as Prometheus refuses it', (expr, offset, message) => {
    const [error, ...rest] = parsePromql(expr).errors;
    expect(rest).toEqual([]);
    expect(error?.offset).toBe(offset);
    expect(error?.message).toMatch(message);
  });

  test.each([
    'rate(x[5m])',
    'rate(x[5m:1m])',
    'rate((x[5m]))',
    'rate(x[5m] offset 1h)',
    'predict_linear(x[1h], 3600)',
    'quantile_over_time(0.9, x[10m])',
    'abs(x)',
  ])('%s is fine', (expr) => {
    expect(parsePromql(expr).errors).toEqual([]);
  });
});
