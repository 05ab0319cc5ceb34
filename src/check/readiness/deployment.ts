import { DEFAULT_INGRESS } from '../../model/defaultIngress.ts';
import { proxyContainerIndex } from '../../model/gatewayProxy.ts';
import { isRecord, num, str, valueAt } from '../../model/read.ts';
import type { Path } from '../../yaml/path.ts';
import type { ReadinessGateway } from './gateways.ts';
import type { Strategy } from './scale.ts';

/** The fields of a gateway Deployment the readiness checks read, from its document as written. */

export const CONTAINERS: Path = ['spec', 'template', 'spec', 'containers'];

/** One container of the pod template, with its index in the list (for paths) and resources. */
export interface TemplateContainer {
  readonly index: number;
  readonly name: string;
  readonly raw: Readonly<Record<string, unknown>>;
  /** `resources.requests` / `resources.limits`: resource name → quantity as written. */
  readonly requests: Readonly<Record<string, unknown>>;
  readonly limits: Readonly<Record<string, unknown>>;
}

export function templateContainers(raw: unknown): readonly TemplateContainer[] {
  const list = valueAt(raw, CONTAINERS);
  if (!Array.isArray(list)) return [];
  const out: TemplateContainer[] = [];
  for (const [index, container] of list.entries()) {
    if (!isRecord(container)) continue;
    const resources = valueAt(container, ['resources']);
    const group = (key: string) => {
      const value = valueAt(resources, [key]);
      return isRecord(value) ? value : {};
    };
    out.push({
      index,
      name: str(container.name) ?? '',
      raw: container,
      requests: group('requests'),
      limits: group('limits'),
    });
  }
  return out;
}

/** The proxy container of a gateway Deployment (model/gatewayProxy.ts says which). */
export function proxyContainer(raw: unknown): TemplateContainer | undefined {
  const index = proxyContainerIndex(valueAt(raw, CONTAINERS));
  return templateContainers(raw).find((c) => c.index === index);
}

export function strategyOf(raw: unknown): Strategy {
  const intOrPercent = (v: unknown) =>
    typeof v === 'number' || typeof v === 'string' ? v : undefined;
  return {
    type: str(valueAt(raw, ['spec', 'strategy', 'type'])),
    maxUnavailable: intOrPercent(
      valueAt(raw, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']),
    ),
    maxSurge: intOrPercent(valueAt(raw, ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])),
  };
}

/** What keeps the pods' number: an autoscaler of the Deployment, else the Deployment itself. */
export interface KeptReplicas {
  readonly replicas: number;
  /** Who says so: `autoscaler` (its minReplicas) or `deployment` (its replicas). */
  readonly by: 'autoscaler' | 'deployment';
}

/**
 * The fewest pods the gateway runs: the autoscaler's `minReplicas` (1 when absent), else the
 * Deployment's `replicas` (1 when absent). Undefined for the implied gateway without an
 * autoscaler, whose Deployment is not in the workspace.
 */
export function keptReplicas(gateway: ReadinessGateway): KeptReplicas | undefined {
  const [hpa] = gateway.autoscalers;
  if (hpa) return { replicas: hpa.object.minReplicas ?? 1, by: 'autoscaler' };
  if (!gateway.deployment) return undefined;
  return {
    replicas: num(valueAt(gateway.deployment.entry.plain, ['spec', 'replicas'])) ?? 1,
    by: 'deployment',
  };
}

/**
 * What selects exactly the gateway's pods: the Deployment's `spec.selector.matchLabels`, else its
 * pods' labels; for the implied default ingress the label Gateways select it by.
 */
export function podSelector(gateway: ReadinessGateway): Readonly<Record<string, string>> {
  if (!gateway.deployment) return { ...DEFAULT_INGRESS.podLabels };
  const matchLabels = valueAt(gateway.deployment.entry.plain, ['spec', 'selector', 'matchLabels']);
  if (isRecord(matchLabels) && Object.keys(matchLabels).length > 0) {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(matchLabels)) out[key] = String(value);
    return out;
  }
  return { ...gateway.labels };
}
