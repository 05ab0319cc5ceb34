import { autoscalersOf, budgetsOf } from '../model/gatewayAttachments.ts';
import { labelValueField, percentageField } from '../rules/fields.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { addManifests } from './additions.ts';
import { type GatewayPods, gatewayParameters, gatewayPods } from './gatewayPods.ts';
import type { ConfigMapManifest, Manifest } from './manifests.ts';
import { dashboardConfigMap } from './monitoringDashboard.ts';
import type { GatewayTargets } from './monitoringQueries.ts';
import { prometheusRule, withLabels } from './monitoringRules.ts';
import { all, integerIn, numberParam, textParam } from './parameters.ts';
import {
  defineScenario,
  num,
  type ParameterSpec,
  type ParameterValidator,
  type ResolvedParams,
  type Scenario,
  text,
} from './scenario.ts';

/** The port Istio's gateway chart and injection template name Envoy's Prometheus endpoint. */
export const ENVOY_METRICS_PORT = { name: 'http-envoy-prom', number: 15090 } as const;
export const ENVOY_METRICS_PATH = '/stats/prometheus';

const MONITOR = '-monitor';
const METRICS = '-metrics';
const ALERTS = '-alerts';
const DASHBOARD = '-dashboard';

/**
 * The scrape config, as Istio's `samples/addons/extras/prometheus-operator.yaml` scrapes Envoy
 * (`/stats/prometheus` every 15s) but by the named port the gateway's pods declare rather than
 * the sidecar's annotations: a PodMonitor on the gateway pods, or a ServiceMonitor on a
 * ClusterIP Service that exposes only that port (the gateway's own Service does not).
 */
function monitors(
  pods: GatewayPods,
  kind: string,
  labels: Readonly<Record<string, string>>,
): Manifest[] {
  const endpoint = { port: ENVOY_METRICS_PORT.name, path: ENVOY_METRICS_PATH, interval: '15s' };
  const meta = (name: string) => ({ name, namespace: pods.namespace, ...withLabels(labels) });
  if (kind === 'PodMonitor')
    return [
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: meta(`${pods.name}${MONITOR}`),
        spec: { selector: { matchLabels: { ...pods.selector } }, podMetricsEndpoints: [endpoint] },
      },
    ];
  // Its own label, so the monitor picks this Service and not the gateway's load balancer.
  const serviceLabels = { app: `${pods.name}${METRICS}` };
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: `${pods.name}${METRICS}`,
        namespace: pods.namespace,
        ...withLabels(serviceLabels),
      },
      spec: {
        selector: { ...pods.selector },
        ports: [
          {
            name: ENVOY_METRICS_PORT.name,
            port: ENVOY_METRICS_PORT.number,
            targetPort: ENVOY_METRICS_PORT.number,
          },
        ],
      },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: meta(`${pods.name}${MONITOR}`),
      spec: { selector: { matchLabels: serviceLabels }, endpoints: [endpoint] },
    },
  ];
}

/**
 * The autoscaler and budget kube-state-metrics names for the gateway: those of the workspace
 * that target its Deployment or select its pods, else the gateway's name (the scaling pack's).
 */
function targets(pods: GatewayPods, workspace: Workspace): GatewayTargets {
  const catalog = buildCatalog(workspace);
  const attachable = {
    namespace: pods.namespace,
    labels: pods.podLabels,
    deploymentName: pods.name,
  };
  const [autoscaler] = autoscalersOf(catalog.autoscalersByNamespace, attachable);
  const [budget] = budgetsOf(catalog.budgetsByNamespace, attachable);
  return {
    name: pods.name,
    namespace: pods.namespace,
    autoscaler: autoscaler?.object.metadata.name ?? pods.name,
    budget: budget?.object.metadata.name ?? pods.name,
  };
}

const percentAbove0: ParameterValidator = all(percentageField, (value) =>
  Number(value) > 0 ? undefined : 'Must be more than 0',
);

const rpsParam = (key: string, label: string, help: string) =>
  numberParam(key, label, 0, integerIn(0, 10_000_000), help);

export const MONITORING_PARAMETERS: readonly ParameterSpec[] = [
  ...gatewayParameters(DASHBOARD),
  {
    key: 'monitor',
    label: 'Scrape with',
    help: 'A PodMonitor scrapes the gateway pods directly; a ServiceMonitor scrapes them through a metrics Service it adds',
    type: 'choice',
    options: ['PodMonitor', 'ServiceMonitor'],
    default: 'PodMonitor',
    validate: () => undefined,
  },
  textParam(
    'release',
    'Prometheus release label',
    'kube-prometheus-stack',
    labelValueField,
    'The release label kube-prometheus-stack’s Prometheus selects monitors and rules by (its Helm release name)',
  ),
  numberParam('p95', 'P95 latency (ms)', 500, integerIn(1, 600_000)),
  numberParam('p99', 'P99 latency (ms)', 1000, (value, params) => {
    const problem = integerIn(1, 600_000)(value, params);
    if (problem) return problem;
    return Number(value) < Number(params.p95) ? 'Must be at least the P95 latency' : undefined;
  }),
  numberParam(
    'errors5xx',
    '5xx responses (%)',
    1,
    percentAbove0,
    'Alert when more than this share of requests fails with 5xx',
  ),
  numberParam(
    'errors4xx',
    '4xx responses (%)',
    5,
    percentAbove0,
    'Alert when more than this share of requests is refused with 4xx',
  ),
  numberParam('cpuPercent', 'CPU (% of limit)', 80, integerIn(1, 100)),
  numberParam('memoryPercent', 'Memory (% of limit)', 80, integerIn(1, 100)),
  numberParam(
    'hpaMaxMinutes',
    'Autoscaler at maximum (minutes)',
    15,
    integerIn(1, 1440),
    'Alert when the autoscaler has run at its maximum replicas this long',
  ),
  rpsParam('minRps', 'Minimum requests per second', 'Alert below this rate; 0 for no alert'),
  {
    ...rpsParam('maxRps', 'Maximum requests per second', 'Alert above this rate; 0 for no alert'),
    validate: (value, params) => {
      const problem = integerIn(0, 10_000_000)(value, params);
      if (problem) return problem;
      return Number(value) > 0 && Number(value) <= Number(params.minRps)
        ? 'Must be more than the minimum requests per second'
        : undefined;
    },
  },
];

function create(params: ResolvedParams, workspace: Workspace) {
  const pods = gatewayPods(text(params, 'name'), text(params, 'namespace'));
  const labels = { release: text(params, 'release') };
  const t = targets(pods, workspace);
  const manifests: (Manifest | ConfigMapManifest)[] = [
    ...monitors(pods, text(params, 'monitor'), labels),
    prometheusRule(
      `${pods.name}${ALERTS}`,
      t,
      {
        minRps: num(params, 'minRps'),
        maxRps: num(params, 'maxRps'),
        p95Ms: num(params, 'p95'),
        p99Ms: num(params, 'p99'),
        errors5xxPercent: num(params, 'errors5xx'),
        errors4xxPercent: num(params, 'errors4xx'),
        cpuLimitPercent: num(params, 'cpuPercent'),
        memoryLimitPercent: num(params, 'memoryPercent'),
        hpaMaxMinutes: num(params, 'hpaMaxMinutes'),
      },
      labels,
    ),
    dashboardConfigMap(`${pods.name}${DASHBOARD}`, t),
  ];
  return addManifests(workspace, manifests);
}

export const GATEWAY_MONITORING: Scenario = defineScenario({
  id: 'gateway-monitoring',
  title: 'Gateway monitoring and alerts',
  description:
    'For the ingress gateway pods: a PodMonitor (or a ServiceMonitor and a metrics Service) scraping Envoy’s Prometheus endpoint on port http-envoy-prom (15090) at /stats/prometheus, a PrometheusRule with alerts on request rate, P95/P99 latency, 4xx and 5xx ratios, CPU and memory against requests and limits, the autoscaler at its maximum and a disruption budget that allows no disruption, and a Grafana dashboard ConfigMap (label grafana_dashboard: "1") for the dashboard sidecar. Needs prometheus-operator (kube-prometheus-stack) and kube-state-metrics in the cluster.',
  parameters: MONITORING_PARAMETERS,
  create,
});
