import type { Command } from '../../edit/command.ts';
import type { HorizontalPodAutoscaler } from '../../model/horizontalPodAutoscaler.ts';
import { isRecord, str, valueAt } from '../../model/read.ts';
import { type Item, inNamespace } from '../../workspace/catalog.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { entryOf, findingOn } from '../workloads/resources.ts';
import { CONTAINERS, templateContainers } from './deployment.ts';
import type { ReadinessGateway } from './gateways.ts';

/** At least two pods, so one can be drained or fail while the other serves (the guide's HPA). */
export const MIN_GATEWAY_REPLICAS = 2;

/**
 * The requests a new one gets: the istio/gateway chart's defaults for the proxy container
 * (values.yaml `resources.requests`).
 */
export const DEFAULT_REQUESTS: Readonly<Record<string, string>> = { cpu: '100m', memory: '128Mi' };

/** An autoscaler that keeps fewer than two gateway pods (`minReplicas` absent is 1). */
export function* minReplicasFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  for (const hpa of gateway.autoscalers) {
    const entry = entryOf(context, hpa.id);
    const min = hpa.object.minReplicas;
    if (!entry || (min ?? 1) >= MIN_GATEWAY_REPLICAS) continue;
    const written = min === undefined ? 'no minReplicas, so 1' : `minReplicas ${min}`;
    yield findingOn(entry, {
      code: 'readiness-hpa-min-replicas',
      severity: 'warning',
      message: `HorizontalPodAutoscaler ${hpa.object.metadata.name} keeps as few as ${min ?? 1} pod of the gateway ${gateway.name} (${written}; at least ${MIN_GATEWAY_REPLICAS}): a drained or failing pod then takes all ingress traffic down. Set minReplicas to ${MIN_GATEWAY_REPLICAS}.`,
      path: ['spec', 'minReplicas'],
      fixes: [
        {
          title: `Set minReplicas to ${MIN_GATEWAY_REPLICAS}`,
          command: keepTwoOnAutoscaler(hpa),
        },
      ],
    });
  }
}

/** Sets an autoscaler's minReplicas to 2, and maxReplicas with it when lower (max ≥ min). */
export function keepTwoOnAutoscaler(hpa: Item<HorizontalPodAutoscaler>): Command {
  const set = (key: string): Command => ({
    type: 'setValue',
    target: hpa.id,
    path: ['spec', key],
    value: MIN_GATEWAY_REPLICAS,
  });
  const max = hpa.object.maxReplicas;
  return max !== undefined && max < MIN_GATEWAY_REPLICAS
    ? { type: 'batch', commands: [set('minReplicas'), set('maxReplicas')] }
    : set('minReplicas');
}

/** A resource an autoscaler measures as a share of the pods' requests, and in which containers. */
interface UtilizationMetric {
  readonly resource: string;
  /** A `ContainerResource` metric's container; undefined: every container counts. */
  readonly container: string | undefined;
}

/**
 * The resources an autoscaler measures by utilization. Without metrics it scales on 80% CPU:
 * autoscaling/v1 without `targetCPUUtilizationPercentage` and v2 without `metrics` alike.
 */
function utilizationMetrics(raw: unknown): readonly UtilizationMetric[] {
  const spec = valueAt(raw, ['spec']);
  const metrics = valueAt(spec, ['metrics']);
  if (!Array.isArray(metrics) || metrics.length === 0)
    return [{ resource: 'cpu', container: undefined }];
  const out: UtilizationMetric[] = [];
  for (const metric of metrics) {
    if (!isRecord(metric)) continue;
    const type = str(metric.type);
    const source =
      type === 'Resource'
        ? metric.resource
        : type === 'ContainerResource'
          ? metric.containerResource
          : undefined;
    if (!isRecord(source) || valueAt(source, ['target', 'type']) !== 'Utilization') continue;
    const resource = str(source.name);
    if (resource)
      out.push({
        resource,
        container: type === 'ContainerResource' ? str(source.container) : undefined,
      });
  }
  return out;
}

/**
 * An autoscaler on CPU (or memory) utilization of the gateway whose containers lack that
 * request: the HPA controller reads utilization as usage over the pods' summed requests and
 * reports "missing request for cpu" instead of scaling (`calculatePodRequests`).
 */
export function* missingRequestFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  const deployment = gateway.deployment;
  if (!deployment) return;
  const containers = templateContainers(deployment.entry.plain);
  const reported = new Set<string>();
  for (const hpa of gateway.autoscalers) {
    const entry = entryOf(context, hpa.id);
    if (!entry) continue;
    for (const metric of utilizationMetrics(entry.plain)) {
      if (reported.has(metric.resource)) continue;
      const lacking = containers.filter(
        (c) =>
          (metric.container === undefined || c.name === metric.container) &&
          c.requests[metric.resource] === undefined &&
          // The API server defaults a missing request to the limit.
          c.limits[metric.resource] === undefined,
      );
      const [first] = lacking;
      if (!first) continue;
      reported.add(metric.resource);
      const request = DEFAULT_REQUESTS[metric.resource] ?? '1';
      const names = lacking.map((c) => c.name || `#${c.index + 1}`).join(', ');
      const what = metric.resource === 'cpu' ? 'CPU' : metric.resource;
      yield findingOn(deployment.entry, {
        code: 'readiness-hpa-no-request',
        severity: 'warning',
        message: `HorizontalPodAutoscaler ${hpa.object.metadata.name} scales the gateway on ${what} utilization, but container ${names} of Deployment ${gateway.name} has no ${what} request: utilization is usage against the request, so the autoscaler computes nothing and never scales. Add a ${what} request.`,
        path: [...CONTAINERS, first.index, 'resources', 'requests'],
        fixes: [
          {
            title: `Add a ${what} request of ${request} to ${names}`,
            command: {
              type: 'batch',
              commands: lacking.map((c) => ({
                type: 'setValue',
                target: deployment.item.id,
                path: [...CONTAINERS, c.index, 'resources', 'requests', metric.resource],
                value: request,
              })),
            },
          },
        ],
      });
    }
  }
}

/**
 * An autoscaler named for the gateway that scales another Deployment of the workspace, one no
 * Gateway selects: the gateway keeps a fixed size while something else grows.
 */
export function* wrongTargetFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
  gatewayIds: ReadonlySet<string>,
): Generator<Finding> {
  for (const hpa of inNamespace(context.catalog.autoscalersByNamespace, gateway.namespace)) {
    const { target, metadata } = hpa.object;
    if (
      metadata.name !== gateway.name ||
      target.kind !== 'Deployment' ||
      target.name === gateway.name
    )
      continue;
    const scaled = inNamespace(context.catalog.workloadsByNamespace, gateway.namespace).find(
      (w) => w.object.kind === 'Deployment' && w.object.metadata.name === target.name,
    );
    const entry = entryOf(context, hpa.id);
    if (!scaled || gatewayIds.has(scaled.id) || !entry) continue;
    const version =
      str(valueAt(entry.plain, ['spec', 'scaleTargetRef', 'apiVersion'])) ?? 'apps/v1';
    yield findingOn(entry, {
      code: 'readiness-hpa-wrong-target',
      severity: 'warning',
      message: `HorizontalPodAutoscaler ${metadata.name} is named for the gateway ${gateway.name} but scales Deployment ${target.name}, whose pods no Gateway selects: the gateway is not autoscaled. Target Deployment ${gateway.name}.`,
      path: ['spec', 'scaleTargetRef', 'name'],
      fixes: [
        {
          title: `Scale Deployment ${gateway.name}`,
          command: {
            type: 'setValue',
            target: hpa.id,
            path: ['spec', 'scaleTargetRef'],
            value: { apiVersion: version, kind: 'Deployment', name: gateway.name },
          },
        },
      ],
    });
  }
}
