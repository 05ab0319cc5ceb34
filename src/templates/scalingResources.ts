import { type CloudPreset, STATUS_PORT } from '../model/cloudLoadBalancers.ts';
import { selects } from '../model/labels.ts';
import { isRecord } from '../model/read.ts';
import { type GatewayPods, gatewayPods } from './gatewayPods.ts';
import type { Manifest } from './manifests.ts';
import type { PackPart } from './packParts.ts';
import { quantityValue } from './quantity.ts';
import { AUTO, CLOUD_PRESETS, cpuMetricIndex, proxyIndex } from './scalingParameters.ts';
import { num, type ResolvedParams, text } from './scenario.ts';

/**
 * The four resources of the scaling pack, each as a new manifest and as the fields the pack
 * sets on one that exists (`extend…`): everything else of an existing resource is kept.
 */

export interface Pack {
  readonly pods: GatewayPods;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly cpuTarget: number;
  readonly cloud: CloudPreset | undefined;
  /** An Azure public IP for the AKS public preset; empty: Azure creates one. */
  readonly publicIpName: string;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly resources: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly cpu: string; readonly memory: string };
  };
}

export function readPack(params: ResolvedParams): Pack {
  return {
    pods: gatewayPods(text(params, 'name'), text(params, 'namespace')),
    minReplicas: num(params, 'minReplicas'),
    maxReplicas: num(params, 'maxReplicas'),
    cpuTarget: num(params, 'cpuTarget'),
    cloud: CLOUD_PRESETS[text(params, 'cloud')],
    publicIpName: text(params, 'publicIpName') === AUTO ? '' : text(params, 'publicIpName'),
    externalTrafficPolicy: text(params, 'externalTrafficPolicy') === 'Local' ? 'Local' : 'Cluster',
    resources: {
      requests: { cpu: text(params, 'cpuRequest'), memory: text(params, 'memoryRequest') },
      limits: { cpu: text(params, 'cpuLimit'), memory: text(params, 'memoryLimit') },
    },
  };
}

/** One resource of the scaling pack. */
export type ScalingPart = PackPart<Pack>;

/** The Service ports Istio's gateways use: plain HTTP (`http2`, so HTTP/2 too) and HTTPS. */
const GATEWAY_PORTS = [
  { name: 'http2', port: 80 },
  { name: 'https', port: 443 },
] as const;

const metadata = (pack: { readonly pods: GatewayPods }) => ({
  name: pack.pods.name,
  namespace: pack.pods.namespace,
});

const scaleTargetRef = (pack: Pack) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: pack.pods.name,
});

const cpuMetric = (pack: Pack) => ({
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pack.cpuTarget } },
});

const AUTOSCALER: ScalingPart = {
  kind: 'HorizontalPodAutoscaler',
  create: (pack) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(pack),
    spec: {
      scaleTargetRef: scaleTargetRef(pack),
      minReplicas: pack.minReplicas,
      maxReplicas: pack.maxReplicas,
      metrics: [cpuMetric(pack)],
    },
  }),
  extend(hpa, pack) {
    const ref = hpa.at(['spec', 'scaleTargetRef']);
    // What the graph and Kubernetes match is the target's kind and name.
    if (!isRecord(ref) || ref.kind !== 'Deployment' || ref.name !== pack.pods.name)
      hpa.set(['spec', 'scaleTargetRef'], scaleTargetRef(pack));
    hpa.set(['spec', 'minReplicas'], pack.minReplicas);
    hpa.set(['spec', 'maxReplicas'], pack.maxReplicas);
    if (hpa.at(['spec', 'targetCPUUtilizationPercentage']) !== undefined) {
      hpa.set(['spec', 'targetCPUUtilizationPercentage'], pack.cpuTarget); // autoscaling/v1
      return;
    }
    // Other metrics (memory, custom) stay; the CPU one is set or added.
    const index = cpuMetricIndex(hpa.at(['spec', 'metrics']));
    if (index === -1) hpa.append(['spec', 'metrics'], cpuMetric(pack));
    else hpa.set(['spec', 'metrics', index, 'resource', 'target'], cpuMetric(pack).resource.target);
  },
};

/** The disruption budget: one pod kept up (the zero-downtime pack adds the same). */
export const BUDGET: PackPart<{ readonly pods: GatewayPods }> = {
  kind: 'PodDisruptionBudget',
  create: (pack) => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(pack),
    spec: { minAvailable: 1, selector: { matchLabels: { ...pack.pods.selector } } },
  }),
  extend(pdb, pack) {
    // minAvailable and maxUnavailable exclude each other; the pack keeps one pod up.
    pdb.remove(['spec', 'maxUnavailable']);
    pdb.set(['spec', 'minAvailable'], 1);
    const matchLabels = pdb.at(['spec', 'selector', 'matchLabels']);
    const selecting =
      isRecord(matchLabels) && selects(matchLabels as Record<string, string>, pack.pods.podLabels);
    if (!selecting && pdb.at(['spec', 'selector', 'matchExpressions']) === undefined)
      pdb.set(['spec', 'selector'], { matchLabels: { ...pack.pods.selector } });
  },
};

/** The cloud preset's annotations for a Service load balancing `ports`. */
function cloudAnnotations(pack: Pack, ports: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  const input = {
    ports: ports.filter((p) => p !== STATUS_PORT.port),
    publicIpName: pack.publicIpName,
  };
  for (const [key, value] of pack.cloud?.annotations(input) ?? []) out[key] = value;
  return out;
}

const LOAD_BALANCER: ScalingPart = {
  kind: 'Service',
  create: (pack) => {
    const ports = [...GATEWAY_PORTS, ...(pack.cloud?.statusPort ? [STATUS_PORT] : [])];
    const annotations = cloudAnnotations(
      pack,
      ports.map((p) => p.port),
    );
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        ...metadata(pack),
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      },
      spec: {
        type: 'LoadBalancer',
        selector: { ...pack.pods.selector },
        ports: ports.map((p) => ({ ...p })),
        // Cluster is Kubernetes' default: written only when the pack asks for Local.
        ...(pack.externalTrafficPolicy === 'Local' ? { externalTrafficPolicy: 'Local' } : {}),
      },
    };
  },
  extend(svc, pack) {
    svc.set(['spec', 'type'], 'LoadBalancer');
    const selector = svc.at(['spec', 'selector']);
    if (!isRecord(selector) || !selects(selector as Record<string, string>, pack.pods.podLabels))
      svc.set(['spec', 'selector'], { ...pack.pods.selector });
    const ports = svc.at(['spec', 'ports']);
    const existing = Array.isArray(ports) ? ports.filter(isRecord) : [];
    // A missing port follows the mapping of one already there: 80→8080 says the pods listen on
    // unprivileged ports (the gateway chart's layout), so 443 goes to 8443.
    const mapped = existing.find(
      (p) => typeof p.port === 'number' && typeof p.targetPort === 'number',
    );
    const offset = mapped ? Number(mapped.targetPort) - Number(mapped.port) : 0;
    const numbers = existing.map((p) => p.port).filter((p): p is number => typeof p === 'number');
    for (const port of GATEWAY_PORTS) {
      if (numbers.includes(port.port)) continue;
      numbers.push(port.port);
      svc.append(
        ['spec', 'ports'],
        offset === 0 ? { ...port } : { ...port, targetPort: port.port + offset },
      );
    }
    // The status port is the proxy's own (15021 in the pod whatever the offset).
    if (pack.cloud?.statusPort && !numbers.includes(STATUS_PORT.port))
      svc.append(['spec', 'ports'], { ...STATUS_PORT });
    for (const [key, value] of Object.entries(cloudAnnotations(pack, numbers)))
      svc.set(['metadata', 'annotations', key], value);
    const policy = svc.at(['spec', 'externalTrafficPolicy']);
    if (pack.externalTrafficPolicy === 'Local' || policy !== undefined)
      svc.set(['spec', 'externalTrafficPolicy'], pack.externalTrafficPolicy);
  },
};

/**
 * The gateway Deployment as Istio's "Installing Gateways" guide writes it for gateway
 * injection: `image: auto` and the `gateway` template fill in the proxy; the sysctl lets the
 * non-root proxy bind ports 80 and 443. No `replicas`: the autoscaler owns that number.
 */
export function gatewayDeployment(
  pods: GatewayPods,
  container: Readonly<Record<string, unknown>> = {},
): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: pods.name, namespace: pods.namespace },
    spec: {
      selector: { matchLabels: { ...pods.selector } },
      template: {
        metadata: {
          annotations: { 'inject.istio.io/templates': 'gateway' },
          labels: { ...pods.podLabels, 'sidecar.istio.io/inject': 'true' },
        },
        spec: {
          securityContext: {
            sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
          },
          containers: [{ name: 'istio-proxy', image: 'auto', ...container }],
        },
      },
    },
  };
}

const DEPLOYMENT: ScalingPart = {
  kind: 'Deployment',
  create: (pack) => gatewayDeployment(pack.pods, { resources: pack.resources }),
  extend(deployment, pack) {
    const index = proxyIndex(deployment);
    if (index === -1) {
      deployment.refuse(`${deployment.entry.id} has no container to give resources to`);
      return;
    }
    const path = ['spec', 'template', 'spec', 'containers', index, 'resources'];
    for (const group of ['requests', 'limits'] as const) {
      for (const key of ['cpu', 'memory'] as const) {
        const written = deployment.at([...path, group, key]);
        const wanted = pack.resources[group][key];
        // `2` and `2000m` are one quantity: the user's spelling stays.
        const same =
          written !== undefined && quantityValue(String(written)) === quantityValue(wanted);
        if (!same) deployment.set([...path, group, key], wanted);
      }
    }
    // A replica count in the manifest would reset the autoscaler's choice on every apply.
    deployment.remove(['spec', 'replicas']);
  },
};

/** In the order they are added: what scales, what protects, what exposes, what runs. */
export const PACK_PARTS: readonly ScalingPart[] = [AUTOSCALER, BUDGET, LOAD_BALANCER, DEPLOYMENT];
