import { applyCommand } from '../../edit/applyCommand.ts';
import type { Command } from '../../edit/command.ts';
import { CLOUD_PRESETS, presetOf, STATUS_PORT } from '../../model/cloudLoadBalancers.ts';
import { PROXY_READINESS } from '../../model/gatewayProxy.ts';
import { selects } from '../../model/labels.ts';
import { num, valueAt } from '../../model/read.ts';
import { gatewayPods } from '../../templates/gatewayPods.ts';
import { quantityValue } from '../../templates/quantity.ts';
import { scenarioById } from '../../templates/scenarios.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type CheckContext, checkContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { entryOf } from '../workloads/resources.ts';
import { MIN_GATEWAY_REPLICAS } from './autoscaling.ts';
import { gatewayFindings } from './checks.ts';
import { proxyContainer, strategyOf } from './deployment.ts';
import { type GatewayRef, type ReadinessGateway, readinessGateway } from './gateways.ts';
import { gatewayMonitoring } from './monitoring.ts';
import { gatewayBalancers } from './nodeGateway.ts';
import { GLOBAL_RATE_LIMIT_FILTER, LOCAL_RATE_LIMIT_FILTER } from './rateLimit.ts';
import { rolloutUnavailable } from './scale.ts';

export type { GatewayRef } from './gateways.ts';
export { readinessGatewayOf } from './nodeGateway.ts';

/** The six production considerations of the ingress guide, in its order. */
export type ReadinessTopic =
  | 'autoscaling'
  | 'resources'
  | 'loadBalancer'
  | 'rateLimit'
  | 'monitoring'
  | 'rollout';

export interface ReadinessItem {
  readonly topic: ReadinessTopic;
  readonly title: string;
  readonly ok: boolean;
  /** What is missing, one line each, as a person reads it ("HPA minReplicas is 1; at least 2"). */
  readonly missing: readonly string[];
  /** Worth knowing but not missing (the load balancer's cloud annotations, its traffic policy). */
  readonly notes?: readonly string[];
  /** Adds what is missing: one Command (one undo step), or undefined. */
  readonly fix?: { readonly label: string; readonly command: Command };
}

const TITLES: Readonly<Record<ReadinessTopic, string>> = {
  autoscaling: 'Autoscaling',
  resources: 'Resource requests and limits',
  loadBalancer: 'Cloud load balancer',
  rateLimit: 'Rate limiting',
  monitoring: 'Monitoring and alerts',
  rollout: 'Zero-downtime rollout',
};

/** The topic each readiness finding belongs to: an item is ready only without them. */
const TOPIC_OF: Readonly<Record<string, ReadinessTopic>> = {
  'readiness-hpa-min-replicas': 'autoscaling',
  'readiness-hpa-wrong-target': 'autoscaling',
  'readiness-hpa-no-request': 'autoscaling',
  'readiness-limit-below-request': 'resources',
  'readiness-ratelimit-fail-closed': 'rateLimit',
  'readiness-no-monitoring': 'monitoring',
  'readiness-pdb-missing': 'rollout',
  'readiness-pdb-selector-misses': 'rollout',
  'readiness-pdb-blocks-drain': 'rollout',
  'readiness-rollout-below-pdb': 'rollout',
};

/** The scenario that adds what a topic needs (built with the gateway's name and namespace). */
export const READINESS_SCENARIOS: Readonly<Record<ReadinessTopic, string>> = {
  autoscaling: 'gateway-scaling',
  resources: 'gateway-scaling',
  loadBalancer: 'gateway-scaling',
  rateLimit: 'local-rate-limit',
  monitoring: 'gateway-monitoring',
  rollout: 'zero-downtime',
};

const TOPICS = Object.keys(TITLES) as ReadinessTopic[];

/** What one topic lacks: lines for resources that are not there, and the checks' findings. */
interface Lacking {
  readonly absent: readonly string[];
  readonly notes?: readonly string[];
}

/**
 * The guide's checklist for one gateway Deployment: each consideration ready (its resources
 * exist and no readiness finding of its topic is present) or what is missing, with the fix that
 * adds it. Empty when no Gateway selects that Deployment.
 */
export function gatewayReadiness(workspace: Workspace, ref: GatewayRef): readonly ReadinessItem[] {
  const context = checkContext(workspace);
  const gateway = readinessGateway(context, ref);
  if (!gateway) return [];
  const findings = [...gatewayFindings(context, gateway)];
  return TOPICS.map((topic) => {
    const lacking = LACKING[topic](context, gateway);
    const own = findings.filter((f) => TOPIC_OF[f.code] === topic);
    const missing = [...lacking.absent, ...own.map((f) => firstClause(f.message))];
    const item: ReadinessItem = {
      topic,
      title: TITLES[topic],
      ok: missing.length === 0,
      missing,
      ...(lacking.notes?.length ? { notes: lacking.notes } : {}),
    };
    if (item.ok) return item;
    const fix = itemFix(workspace, gateway, topic, lacking.absent.length > 0, own);
    return fix ? { ...item, fix } : item;
  });
}

/**
 * Every item's fix applied in order as one batch (one undo step); undefined when nothing is
 * missing. Each fix is worked out on the workspace the previous ones made (a pack adds the
 * Deployment the rollout then extends); a second round takes what the first left.
 */
export function readinessFixAll(workspace: Workspace, ref: GatewayRef): Command | undefined {
  const commands: Command[] = [];
  let current = workspace;
  for (let round = 0; round < 2; round += 1) {
    for (const topic of TOPICS) {
      const item = gatewayReadiness(current, ref).find((i) => i.topic === topic);
      if (!item?.fix) continue;
      const result = applyCommand(current, item.fix.command);
      if (!result.ok) continue;
      current = result.value;
      commands.push(item.fix.command);
    }
  }
  return commands.length > 0 ? { type: 'batch', commands } : undefined;
}

/**
 * A finding's message up to its first colon outside parentheses: what is wrong, without the why
 * and the how, for a checklist line.
 */
function firstClause(message: string): string {
  let depth = 0;
  for (let i = 0; i < message.length; i += 1) {
    const c = message[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ':' && depth === 0 && message[i + 1] === ' ') return message.slice(0, i);
  }
  return message;
}

/** Where the clouds' load balancer controllers read their Service annotations (AKS, EKS, GKE). */
const CLOUD_ANNOTATION_PREFIXES = [
  'service.beta.kubernetes.io/',
  'service.kubernetes.io/',
  'networking.gke.io/',
  'cloud.google.com/',
];

function isCloudAnnotation(key: string): boolean {
  return CLOUD_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const notWritten = (gateway: ReadinessGateway, what: string) =>
  `Deployment ${gateway.namespace}/${gateway.name} is not in the workspace: ${what} cannot be checked`;

const LACKING: Readonly<
  Record<ReadinessTopic, (context: CheckContext, gateway: ReadinessGateway) => Lacking>
> = {
  autoscaling(_context, gateway) {
    if (gateway.autoscalers.length === 0)
      return {
        absent: [
          `No HorizontalPodAutoscaler scales Deployment ${gateway.name} (at least ${MIN_GATEWAY_REPLICAS} replicas, on CPU)`,
        ],
      };
    return {
      absent: gateway.deployment
        ? []
        : [notWritten(gateway, 'the CPU request the autoscaler measures')],
    };
  },
  resources(_context, gateway) {
    if (!gateway.deployment) return { absent: [notWritten(gateway, 'its requests and limits')] };
    const proxy = proxyContainer(gateway.deployment.entry.plain);
    if (!proxy) return { absent: [`Deployment ${gateway.name} has no container`] };
    const lacks: string[] = [];
    for (const [group, values] of [
      ['request', proxy.requests],
      ['limit', proxy.limits],
    ] as const)
      for (const key of ['cpu', 'memory'])
        if (quantityValue(String(values[key] ?? '')) === undefined)
          lacks.push(`${key === 'cpu' ? 'CPU' : 'memory'} ${group}`);
    return {
      absent: lacks.length
        ? [`Container ${proxy.name || 'of the gateway'} has no ${lacks.join(', ')}`]
        : [],
    };
  },
  loadBalancer(context, gateway) {
    const found = gatewayBalancers(context, gateway);
    if (found.length === 0)
      return { absent: [`No Service of type LoadBalancer selects the pods of ${gateway.name}`] };
    const notes: string[] = [];
    for (const service of found) {
      const name = service.object.metadata.name;
      const annotations = service.object.metadata.annotations;
      const cloud = Object.keys(annotations).filter(isCloudAnnotation);
      const ports = service.object.ports.flatMap((p) =>
        p.port === undefined || p.port === STATUS_PORT.port ? [] : [p.port],
      );
      const preset = CLOUD_PRESETS[presetOf(annotations, ports) ?? 'none'];
      if (preset) notes.push(`${name}: ${preset.label}`);
      else for (const key of cloud) notes.push(`${name}: ${key}: ${annotations[key]}`);
      if (cloud.length === 0)
        notes.push(
          `${name}: no cloud annotation, so the cloud's default load balancer (zones, SKU) is used`,
        );
      const entry = entryOf(context, service.id);
      const policy = valueAt(entry?.plain, ['spec', 'externalTrafficPolicy']);
      notes.push(
        policy === 'Local'
          ? `${name}: externalTrafficPolicy Local keeps client IPs (only nodes with a gateway pod receive traffic)`
          : `${name}: externalTrafficPolicy Cluster (the default) hides client IPs behind a node hop`,
      );
    }
    return { absent: [], notes };
  },
  rateLimit(_context, gateway) {
    const limited = gateway.filters.some((filter) =>
      filter.object.configPatches.some(
        (p) =>
          p.filterName === LOCAL_RATE_LIMIT_FILTER || p.filterName === GLOBAL_RATE_LIMIT_FILTER,
      ),
    );
    return {
      absent: limited
        ? []
        : [`No rate limit filter (local or global) on the pods of ${gateway.name}`],
    };
  },
  monitoring(context, gateway) {
    const { monitors, rules } = gatewayMonitoring(context, gateway);
    return {
      absent: [
        ...(monitors.length
          ? []
          : [`No ServiceMonitor or PodMonitor scrapes the pods of ${gateway.name}`]),
        ...(rules.length ? [] : [`No PrometheusRule alerts on ${gateway.name}`]),
      ],
    };
  },
  rollout(_context, gateway) {
    // The implied gateway's missing budget has no finding (nothing written to point at).
    const budget =
      gateway.deployment || gateway.budgets.length > 0
        ? []
        : [`No PodDisruptionBudget selects the pods of ${gateway.name}`];
    if (!gateway.deployment)
      return {
        absent: [notWritten(gateway, 'its rollout strategy and readiness probe'), ...budget],
      };
    const raw = gateway.deployment.entry.plain;
    const absent: string[] = [];
    // The most pods it runs: where a percentage of unavailable pods comes to the most.
    const [hpa] = gateway.autoscalers;
    const most = hpa?.object.maxReplicas ?? num(valueAt(raw, ['spec', 'replicas'])) ?? 1;
    const strategy = strategyOf(raw);
    const down = rolloutUnavailable(strategy, most);
    if (strategy.type === 'Recreate')
      absent.push('The Recreate strategy stops every pod before starting new ones');
    else if (down !== 0)
      absent.push(
        `A rollout may stop ${down ?? 'some'} of ${most} pods before new ones are ready (maxUnavailable ${strategy.maxUnavailable ?? '25% by default'}; 0 for zero downtime)`,
      );
    const proxy = proxyContainer(raw);
    if (proxy && valueAt(proxy.raw, ['readinessProbe']) === undefined)
      absent.push(
        `No readiness probe on container ${proxy.name} (Istio's is ${PROXY_READINESS.port} ${PROXY_READINESS.path})`,
      );
    return { absent };
  },
};

/**
 * The fix of a topic: its scenario built for the gateway when something is absent (it adds the
 * resources), else the findings' own fixes in one batch.
 */
function itemFix(
  workspace: Workspace,
  gateway: ReadinessGateway,
  topic: ReadinessTopic,
  absent: boolean,
  findings: readonly Finding[],
): ReadinessItem['fix'] {
  if (absent && followsChart(gateway)) {
    const scenario = scenarioById(READINESS_SCENARIOS[topic]);
    const built = scenario?.build(scenarioParams(gateway, topic), workspace);
    if (scenario && built?.ok) return { label: `Add ${scenario.title}`, command: built.value };
  }
  const fixes = findings.flatMap((f) => (f.fixes?.[0] ? [f.fixes[0]] : []));
  const [only] = fixes;
  if (!only) return undefined;
  return fixes.length === 1
    ? { label: only.title, command: only.command }
    : {
        label: fixes.map((f) => f.title).join('; '),
        command: { type: 'batch', commands: fixes.map((f) => f.command) },
      };
}

/**
 * Whether the gateway's pods carry the labels the scenarios select them by (Istio's gateway
 * chart: `istio: <name without istio->`): a scenario for pods labelled otherwise would add a
 * Service or budget that selects none of them.
 */
function followsChart(gateway: ReadinessGateway): boolean {
  return selects(gatewayPods(gateway.name, gateway.namespace).selector, gateway.labels);
}

/**
 * The gateway's name and namespace, and for the scaling pack the values its form would refuse
 * as the workspace has them (minReplicas below 2, a limit below its request): the pack then
 * fixes them rather than refusing.
 */
function scenarioParams(
  gateway: ReadinessGateway,
  topic: ReadinessTopic,
): Record<string, string | number> {
  const params: Record<string, string | number> = {
    name: gateway.name,
    namespace: gateway.namespace,
  };
  if (READINESS_SCENARIOS[topic] !== 'gateway-scaling') return params;
  const hpa = gateway.autoscalers.find((h) => h.object.metadata.name === gateway.name);
  if (hpa) {
    const min = Math.max(MIN_GATEWAY_REPLICAS, hpa.object.minReplicas ?? 1);
    params.minReplicas = min;
    if ((hpa.object.maxReplicas ?? min) < min) params.maxReplicas = min;
  }
  const proxy = gateway.deployment ? proxyContainer(gateway.deployment.entry.plain) : undefined;
  for (const key of ['cpu', 'memory'] as const) {
    const request = proxy?.requests[key];
    const limit = proxy?.limits[key];
    const r = quantityValue(String(request ?? ''));
    const l = quantityValue(String(limit ?? ''));
    if (r !== undefined && l !== undefined && l < r)
      params[key === 'cpu' ? 'cpuLimit' : 'memoryLimit'] = String(request);
  }
  return params;
}
