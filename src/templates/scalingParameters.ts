import {
  azureResourceNameProblem,
  balancedPorts,
  CLOUD_PRESETS,
  presetOf,
} from '../model/cloudLoadBalancers.ts';
import { proxyContainerIndex } from '../model/gatewayProxy.ts';
import { isRecord } from '../model/read.ts';
import { resourceId } from '../model/resource.ts';
import { findEntry, type Workspace } from '../workspace/workspace.ts';
import { Extension } from './extend.ts';
import { gatewayParameters } from './gatewayPods.ts';
import { integerIn, numberParam } from './parameters.ts';
import { quantity } from './quantity.ts';
import type { ParameterSpec, ParameterValue, ResolvedParams } from './scenario.ts';

/**
 * The scaling pack's parameters. Where the pack would extend a resource that exists, the
 * default is that resource's own value, so applying the pack with its defaults keeps what the
 * user had and only adds what is missing.
 */

export { CLOUD_PRESETS } from '../model/cloudLoadBalancers.ts';

/** The public IP parameter's value when Azure is to create the address. */
export const AUTO = 'auto';

/** The istio/gateway chart's default requests and limits for the proxy container. */
export const DEFAULT_RESOURCES = {
  cpuRequest: '100m',
  memoryRequest: '128Mi',
  cpuLimit: '2000m',
  memoryLimit: '1024Mi',
} as const;

/** The index of the CPU metric of an autoscaling/v2 `metrics` list, or -1. */
export function cpuMetricIndex(metrics: unknown): number {
  if (!Array.isArray(metrics)) return -1;
  return metrics.findIndex(
    (m) =>
      isRecord(m) && m.type === 'Resource' && isRecord(m.resource) && m.resource.name === 'cpu',
  );
}

/** The proxy container of a gateway Deployment: `istio-proxy`, else the first; -1 for none. */
export function proxyIndex(deployment: Pick<Extension, 'at'>): number {
  return proxyContainerIndex(deployment.at(['spec', 'template', 'spec', 'containers']));
}

/** A default read from the resource of `kind` the pack would extend, else `fallback`. */
export function fromWorkspace(
  kind: string,
  read: (extension: Extension) => unknown,
  fallback: ParameterValue,
): (params: ResolvedParams, workspace: Workspace) => ParameterValue {
  return (params, workspace) => {
    const id = resourceId(kind, String(params.namespace), String(params.name));
    const entry = findEntry(workspace, id);
    const value = entry ? read(new Extension(entry)) : undefined;
    return typeof value === 'number' || typeof value === 'string' ? value : fallback;
  };
}

/** The cloud preset an existing Service's annotations already hold. */
function servicePreset(service: Extension): string | undefined {
  const annotations = service.at(['metadata', 'annotations']);
  return isRecord(annotations) ? presetOf(annotations, balancedPorts(service.raw)) : undefined;
}

/** The CPU target of an autoscaler: v2 `metrics`, or v1 `targetCPUUtilizationPercentage`. */
function cpuTarget(hpa: Extension): unknown {
  const index = cpuMetricIndex(hpa.at(['spec', 'metrics']));
  return index === -1
    ? hpa.at(['spec', 'targetCPUUtilizationPercentage'])
    : hpa.at(['spec', 'metrics', index, 'resource', 'target', 'averageUtilization']);
}

function resourceDefault(group: 'requests' | 'limits', key: 'cpu' | 'memory', fallback: string) {
  return fromWorkspace(
    'Deployment',
    (deployment) => {
      const index = proxyIndex(deployment);
      const path = ['spec', 'template', 'spec', 'containers', index, 'resources', group, key];
      return index === -1 ? undefined : deployment.at(path);
    },
    fallback,
  );
}

function quantityParam(
  key: string,
  label: string,
  read: ParameterSpec['default'],
  validate: ParameterSpec['validate'],
): ParameterSpec {
  return { key, label, type: 'text', default: read, validate };
}

export const SCALING_PARAMETERS: readonly ParameterSpec[] = [
  ...gatewayParameters(''),
  {
    ...numberParam('minReplicas', 'Minimum replicas', 2, integerIn(2, 100)),
    help: 'At least 2, so one pod can be drained or fail while another serves',
    default: fromWorkspace('HorizontalPodAutoscaler', (h) => h.at(['spec', 'minReplicas']), 2),
  },
  {
    ...numberParam('maxReplicas', 'Maximum replicas', 5, (value, params) => {
      const problem = integerIn(2, 1000)(value, params);
      if (problem) return problem;
      return Number(value) < Number(params.minReplicas)
        ? 'Must be at least the minimum replicas'
        : undefined;
    }),
    default: fromWorkspace('HorizontalPodAutoscaler', (h) => h.at(['spec', 'maxReplicas']), 5),
  },
  {
    ...numberParam('cpuTarget', 'CPU target (%)', 80, integerIn(1, 100)),
    help: 'Average CPU use, as a share of the CPU request, that the autoscaler keeps',
    default: fromWorkspace('HorizontalPodAutoscaler', cpuTarget, 80),
  },
  {
    key: 'cloud',
    label: 'Cloud load balancer',
    help: 'Annotations as each cloud documents them: internal or public, Network Load Balancer, cross-zone, health probes on the gateway’s readiness (15021 /healthz/ready); the first three set one annotation each',
    type: 'choice',
    options: Object.keys(CLOUD_PRESETS),
    default: fromWorkspace('Service', (s) => servicePreset(s), 'none'),
    validate: () => undefined,
  },
  {
    key: 'publicIpName',
    label: 'Azure public IP name',
    help: 'For aks-public only: an existing Standard public IP to put in front of the gateway; auto lets Azure create one',
    type: 'text',
    default: fromWorkspace(
      'Service',
      (s) => s.at(['metadata', 'annotations', 'service.beta.kubernetes.io/azure-pip-name']),
      AUTO,
    ),
    validate: (value) => (value === AUTO ? undefined : azureResourceNameProblem(String(value))),
  },
  {
    key: 'externalTrafficPolicy',
    label: 'External traffic policy',
    help: 'Local keeps the client’s IP address (no second hop between nodes) and sends only to nodes running a gateway pod; Kubernetes then allocates spec.healthCheckNodePort, which the cloud’s load balancer probes (on AKS in place of the readiness probe annotations)',
    type: 'choice',
    options: ['Cluster', 'Local'],
    default: fromWorkspace('Service', (s) => s.at(['spec', 'externalTrafficPolicy']), 'Cluster'),
    validate: () => undefined,
  },
  quantityParam(
    'cpuRequest',
    'CPU request',
    resourceDefault('requests', 'cpu', DEFAULT_RESOURCES.cpuRequest),
    quantity('CPU', 'cpuLimit'),
  ),
  quantityParam(
    'memoryRequest',
    'Memory request',
    resourceDefault('requests', 'memory', DEFAULT_RESOURCES.memoryRequest),
    quantity('memory', 'memoryLimit'),
  ),
  quantityParam(
    'cpuLimit',
    'CPU limit',
    resourceDefault('limits', 'cpu', DEFAULT_RESOURCES.cpuLimit),
    quantity('CPU'),
  ),
  quantityParam(
    'memoryLimit',
    'Memory limit',
    resourceDefault('limits', 'memory', DEFAULT_RESOURCES.memoryLimit),
    quantity('memory'),
  ),
];
