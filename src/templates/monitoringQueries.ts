/**
 * The PromQL the monitoring scenario's alerts and dashboard share, for one gateway Deployment:
 * Istio's standard metrics as a gateway reports them (`reporter="source"`, the gateway as
 * `source_workload` in `source_workload_namespace`, as Istio's own dashboards query a gateway),
 * cAdvisor's usage of the `istio-proxy` container against kube-state-metrics' requests and
 * limits, and kube-state-metrics' autoscaler and disruption budget series.
 */

export interface GatewayTargets {
  /** The gateway Deployment. */
  readonly name: string;
  readonly namespace: string;
  /** The autoscaler and disruption budget kube-state-metrics reports for it. */
  readonly autoscaler: string;
  readonly budget: string;
}

/** A Deployment's pods: `<name>-<ReplicaSet hash>-<5 characters>`, not another Deployment's. */
const podPattern = (name: string) => `${name}-[a-z0-9]+-[a-z0-9]{5}`;

/** The range every rate is taken over: a few scrapes at the 15s interval the monitor uses. */
export const RATE_RANGE = '5m';

export function gatewayQueries(t: GatewayTargets, range = RATE_RANGE) {
  const istio = `reporter="source", source_workload="${t.name}", source_workload_namespace="${t.namespace}"`;
  const requests = (extra = '') => `sum(rate(istio_requests_total{${istio}${extra}}[${range}]))`;
  const quantile = (q: number) =>
    `histogram_quantile(${q}, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${istio}}[${range}])))`;
  const proxy = `namespace="${t.namespace}", pod=~"${podPattern(t.name)}", container="istio-proxy"`;
  const declared = (what: 'requests' | 'limits', resource: 'cpu' | 'memory') =>
    `sum by (pod) (kube_pod_container_resource_${what}{${proxy}, resource="${resource}"})`;
  const cpu = `sum by (pod) (rate(container_cpu_usage_seconds_total{${proxy}}[${range}]))`;
  const memory = `sum by (pod) (container_memory_working_set_bytes{${proxy}})`;
  const hpa = `namespace="${t.namespace}", horizontalpodautoscaler="${t.autoscaler}"`;
  return {
    rps: requests(),
    /** Percent of requests answered with a status of `klass` (4 or 5). */
    errorPercent: (klass: 4 | 5) =>
      `${requests(`, response_code=~"${klass}.."`)} / ${requests()} * 100`,
    p95: quantile(0.95),
    p99: quantile(0.99),
    cpu,
    memory,
    cpuPercentOf: (what: 'requests' | 'limits') => `${cpu} / ${declared(what, 'cpu')} * 100`,
    memoryPercentOf: (what: 'requests' | 'limits') =>
      `${memory} / ${declared(what, 'memory')} * 100`,
    cpuDeclared: (what: 'requests' | 'limits') => declared(what, 'cpu'),
    memoryDeclared: (what: 'requests' | 'limits') => declared(what, 'memory'),
    hpaCurrent: `kube_horizontalpodautoscaler_status_current_replicas{${hpa}}`,
    hpaMax: `kube_horizontalpodautoscaler_spec_max_replicas{${hpa}}`,
    disruptionsAllowed: `kube_poddisruptionbudget_status_pod_disruptions_allowed{namespace="${t.namespace}", poddisruptionbudget="${t.budget}"}`,
  };
}
