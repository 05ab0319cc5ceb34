import { PROXY_READINESS } from './gatewayProxy.ts';
import { isRecord } from './read.ts';
import { readService } from './service.ts';

/**
 * The annotations each cloud's load balancer controller reads on a Service of type
 * LoadBalancer, as the clouds document them: cloud-provider-azure ("Azure LoadBalancer",
 * "Custom Load Balancer health probe"), the AWS Load Balancer Controller (Service annotations)
 * and GKE (internal passthrough Network Load Balancer). Each preset is one cloud's setting for
 * an Istio gateway; the three first ones (one annotation each) are kept as they were.
 */

export type Annotation = readonly [key: string, value: string];

/** What a preset's annotations depend on: the Service's ports and the user's names. */
export interface PresetInput {
  /** The Service's port numbers (the status port excluded). */
  readonly ports: readonly number[];
  /** An Azure public IP resource to use; empty: Azure creates one. */
  readonly publicIpName: string;
}

export interface CloudPreset {
  readonly label: string;
  readonly annotations: (input: PresetInput) => readonly Annotation[];
  /**
   * The Service needs the gateway's status port (15021, `status-port` as the istio/gateway
   * chart names it): Azure's health probe is pointed at it.
   */
  readonly statusPort?: boolean;
  /** The preset uses `publicIpName`. */
  readonly publicIp?: boolean;
}

/** The gateway chart's name for the proxy's status port. */
export const STATUS_PORT = { name: 'status-port', port: PROXY_READINESS.port } as const;

const AZURE = 'service.beta.kubernetes.io/azure-';
const AZURE_PORT = 'service.beta.kubernetes.io/port_';
const AWS = 'service.beta.kubernetes.io/aws-load-balancer-';

/**
 * Azure probes each load-balanced port over TCP unless told otherwise; these point every port's
 * probe at the proxy's readiness endpoint (HTTP on the status port), and keep the status port
 * itself off the load balancer (cloud-provider-azure: "health check service should not be
 * exposed to the public internet (e.g. istio/envoy health check service)").
 */
function azureProbe(ports: readonly number[]): Annotation[] {
  return [
    [`${AZURE}load-balancer-health-probe-request-path`, PROXY_READINESS.path],
    ...ports.flatMap((port): Annotation[] => [
      [`${AZURE_PORT}${port}_health-probe_protocol`, 'http'],
      [`${AZURE_PORT}${port}_health-probe_port`, STATUS_PORT.name],
    ]),
    [`${AZURE_PORT}${STATUS_PORT.port}_no_lb_rule`, 'true'],
  ];
}

/**
 * The AWS Load Balancer Controller's NLB (`external`), sending to pod IPs, load balancing
 * across zones, and checking the proxy's readiness endpoint on the pods themselves.
 */
function awsNlb(scheme: 'internet-facing' | 'internal'): Annotation[] {
  return [
    [`${AWS}type`, 'external'],
    [`${AWS}nlb-target-type`, 'ip'],
    [`${AWS}scheme`, scheme],
    [`${AWS}attributes`, 'load_balancing.cross_zone.enabled=true'],
    [`${AWS}healthcheck-protocol`, 'http'],
    [`${AWS}healthcheck-port`, String(PROXY_READINESS.port)],
    [`${AWS}healthcheck-path`, PROXY_READINESS.path],
  ];
}

const GKE_INTERNAL: Annotation = ['networking.gke.io/load-balancer-type', 'Internal'];

export const CLOUD_PRESETS: Readonly<Record<string, CloudPreset | undefined>> = {
  none: undefined,
  'azure-internal': {
    label: 'Azure internal load balancer',
    annotations: () => [[`${AZURE}load-balancer-internal`, 'true']],
  },
  'aws-nlb': {
    label: 'AWS Network Load Balancer',
    annotations: () => [[`${AWS}type`, 'nlb']],
  },
  'gcp-internal': {
    label: 'GCP internal load balancer',
    annotations: () => [GKE_INTERNAL],
  },
  'aks-public': {
    label: 'AKS public, probing the gateway’s readiness',
    annotations: ({ ports, publicIpName }) => [
      ...(publicIpName ? [[`${AZURE}pip-name`, publicIpName] as const] : []),
      ...azureProbe(ports),
    ],
    statusPort: true,
    publicIp: true,
  },
  'aks-internal': {
    label: 'AKS internal, probing the gateway’s readiness',
    annotations: ({ ports }) => [[`${AZURE}load-balancer-internal`, 'true'], ...azureProbe(ports)],
    statusPort: true,
  },
  'eks-nlb': {
    label: 'EKS Network Load Balancer, internet-facing, cross-zone',
    annotations: () => awsNlb('internet-facing'),
  },
  'eks-nlb-internal': {
    label: 'EKS Network Load Balancer, internal, cross-zone',
    annotations: () => awsNlb('internal'),
  },
  'gke-internal-global': {
    label: 'GKE internal, reachable from every region',
    annotations: () => [
      GKE_INTERNAL,
      ['networking.gke.io/internal-load-balancer-allow-global-access', 'true'],
    ],
  },
};

/**
 * An Azure public IP name as Azure accepts resource names: 1 to 80 letters, digits,
 * underscores, periods and hyphens, starting with a letter or digit, ending with a letter,
 * digit or underscore.
 */
export function azureResourceNameProblem(name: string): string | undefined {
  return /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/.test(name)
    ? undefined
    : 'Use 1 to 80 letters, digits, _ . -, starting with a letter or digit and not ending in . or -';
}

/**
 * The preset a Service's annotations already hold (the fullest one when several match), read
 * with its own public IP name; undefined when none does.
 */
export function presetOf(
  annotations: Readonly<Record<string, unknown>>,
  ports: readonly number[],
): string | undefined {
  const pip = annotations[`${AZURE}pip-name`];
  const input: PresetInput = { ports, publicIpName: typeof pip === 'string' ? pip : '' };
  let best: { id: string; size: number } | undefined;
  for (const [id, preset] of Object.entries(CLOUD_PRESETS)) {
    if (!preset) continue;
    const wanted = preset.annotations(input);
    if (!wanted.every(([key, value]) => annotations[key] === value)) continue;
    if (!best || wanted.length > best.size) best = { id, size: wanted.length };
  }
  return best?.id;
}

/** The ports a Service's load balancer balances, for the presets' per-port annotations. */
export function balancedPorts(service: unknown): number[] {
  if (!isRecord(service)) return [];
  return readService(service)
    .ports.map((p) => p.port)
    .filter((p): p is number => p !== undefined && p !== STATUS_PORT.port);
}
