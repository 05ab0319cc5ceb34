import type { Manifest } from './manifests.ts';
import { type GatewayTargets, gatewayQueries } from './monitoringQueries.ts';

/** The thresholds of the gateway's alerts, as the scenario dialog takes them. */
export interface AlertThresholds {
  /** Requests per second below which (above 0) or above which (above 0) to alert; 0: no alert. */
  readonly minRps: number;
  readonly maxRps: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly errors5xxPercent: number;
  readonly errors4xxPercent: number;
  readonly cpuLimitPercent: number;
  readonly memoryLimitPercent: number;
  readonly hpaMaxMinutes: number;
}

interface Alert {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: 'critical' | 'warning' | 'info';
  readonly summary: string;
  readonly description: string;
}

/**
 * The alerts of the ingress guide's monitoring checklist for one gateway: traffic, latency,
 * errors, CPU and memory against requests and limits, an autoscaler stuck at its maximum and a
 * disruption budget that lets no pod go. Each has a `for` (a spike is not an incident), a
 * `severity` label and `summary`/`description` annotations, as Alertmanager routes and shows them.
 */
export function gatewayAlerts(t: GatewayTargets, th: AlertThresholds): Alert[] {
  const q = gatewayQueries(t);
  const gw = `${t.namespace}/${t.name}`;
  const alerts: Alert[] = [];
  if (th.minRps > 0)
    alerts.push({
      alert: 'GatewayRequestRateLow',
      expr: `(${q.rps} or vector(0)) < ${th.minRps}`,
      for: '10m',
      severity: 'warning',
      summary: `Gateway ${gw} serves fewer than ${th.minRps} requests per second`,
      description: `The gateway has served {{ $value | humanize }} requests per second for 10 minutes: clients may not reach it (DNS, load balancer) or its routes.`,
    });
  if (th.maxRps > 0)
    alerts.push({
      alert: 'GatewayRequestRateHigh',
      expr: `${q.rps} > ${th.maxRps}`,
      for: '10m',
      severity: 'warning',
      summary: `Gateway ${gw} serves more than ${th.maxRps} requests per second`,
      description: `The gateway has served {{ $value | humanize }} requests per second for 10 minutes, above the planned ${th.maxRps}.`,
    });
  alerts.push(
    {
      alert: 'GatewayLatencyP95High',
      expr: `${q.p95} > ${th.p95Ms}`,
      for: '10m',
      severity: 'warning',
      summary: `Gateway ${gw} P95 latency is above ${th.p95Ms}ms`,
      description: `95% of requests took up to {{ $value | humanize }}ms over the last 10 minutes (threshold ${th.p95Ms}ms).`,
    },
    {
      alert: 'GatewayLatencyP99High',
      expr: `${q.p99} > ${th.p99Ms}`,
      for: '10m',
      severity: 'critical',
      summary: `Gateway ${gw} P99 latency is above ${th.p99Ms}ms`,
      description: `99% of requests took up to {{ $value | humanize }}ms over the last 10 minutes (threshold ${th.p99Ms}ms).`,
    },
    {
      alert: 'GatewayErrors5xxHigh',
      expr: `${q.errorPercent(5)} > ${th.errors5xxPercent}`,
      for: '5m',
      severity: 'critical',
      summary: `Gateway ${gw} answers more than ${th.errors5xxPercent}% of requests with 5xx`,
      description: `{{ $value | humanize }}% of requests got a 5xx status for 5 minutes: backends failing, unreachable or overloaded.`,
    },
    {
      alert: 'GatewayErrors4xxHigh',
      expr: `${q.errorPercent(4)} > ${th.errors4xxPercent}`,
      for: '15m',
      severity: 'warning',
      summary: `Gateway ${gw} answers more than ${th.errors4xxPercent}% of requests with 4xx`,
      description: `{{ $value | humanize }}% of requests got a 4xx status for 15 minutes: missing routes (404), rate limits (429) or refused clients.`,
    },
    {
      alert: 'GatewayCpuNearLimit',
      expr: `${q.cpuPercentOf('limits')} > ${th.cpuLimitPercent}`,
      for: '10m',
      severity: 'warning',
      summary: `Gateway pod {{ $labels.pod }} uses more than ${th.cpuLimitPercent}% of its CPU limit`,
      description: `The proxy uses {{ $value | humanize }}% of its CPU limit: it is throttled above 100%, which adds latency.`,
    },
    {
      alert: 'GatewayCpuAboveRequest',
      expr: `${q.cpuPercentOf('requests')} > 100`,
      for: '15m',
      severity: 'info',
      summary: `Gateway pod {{ $labels.pod }} uses more CPU than it requests`,
      description: `The proxy uses {{ $value | humanize }}% of its CPU request for 15 minutes: the autoscaler should be adding pods, or the request is too low for the node to guarantee.`,
    },
    {
      alert: 'GatewayMemoryNearLimit',
      expr: `${q.memoryPercentOf('limits')} > ${th.memoryLimitPercent}`,
      for: '10m',
      severity: 'warning',
      summary: `Gateway pod {{ $labels.pod }} uses more than ${th.memoryLimitPercent}% of its memory limit`,
      description: `The proxy uses {{ $value | humanize }}% of its memory limit: at 100% it is OOM-killed and its connections drop.`,
    },
    {
      alert: 'GatewayMemoryAboveRequest',
      expr: `${q.memoryPercentOf('requests')} > 100`,
      for: '15m',
      severity: 'info',
      summary: `Gateway pod {{ $labels.pod }} uses more memory than it requests`,
      description: `The proxy uses {{ $value | humanize }}% of its memory request for 15 minutes: under node pressure it is among the first evicted.`,
    },
    {
      alert: 'GatewayAutoscalerAtMax',
      expr: `${q.hpaCurrent} >= ${q.hpaMax}`,
      for: `${th.hpaMaxMinutes}m`,
      severity: 'warning',
      summary: `Autoscaler ${t.namespace}/${t.autoscaler} has run at its maximum replicas for ${th.hpaMaxMinutes} minutes`,
      description: `The gateway cannot scale further: raise maxReplicas or the pods' capacity before latency grows.`,
    },
    {
      alert: 'GatewayDisruptionBudgetBlocks',
      expr: `${q.disruptionsAllowed} == 0`,
      for: '15m',
      severity: 'warning',
      summary: `Disruption budget ${t.namespace}/${t.budget} allows no disruption`,
      description: `For 15 minutes no gateway pod could be evicted: node drains and cluster upgrades are blocked (too few healthy replicas, or a budget no replica count can meet).`,
    },
  );
  return alerts;
}

export function prometheusRule(
  name: string,
  t: GatewayTargets,
  th: AlertThresholds,
  labels: Readonly<Record<string, string>>,
): Manifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, namespace: t.namespace, ...withLabels(labels) },
    spec: {
      groups: [
        {
          name: `${t.name}.gateway`,
          rules: gatewayAlerts(t, th).map((a) => ({
            alert: a.alert,
            expr: a.expr,
            for: a.for,
            labels: { severity: a.severity },
            annotations: { summary: a.summary, description: a.description },
          })),
        },
      ],
    },
  };
}

/** `labels` in metadata only when there are some. */
export function withLabels(labels: Readonly<Record<string, string>>) {
  return Object.keys(labels).length ? { labels: { ...labels } } : {};
}
