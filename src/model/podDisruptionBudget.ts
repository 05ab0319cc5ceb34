import { type LabelSelector, readLabelSelector } from './gatewayApi.ts';
import { type Dict, isRecord, labels, record } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Kubernetes `PodDisruptionBudget`: how many of the pods it selects must stay up. */
export interface PodDisruptionBudget extends ObjectHeader {
  readonly kind: 'PodDisruptionBudget';
  /** `matchLabels` only (for messages and fixes); which pods it selects: `labelSelector`. */
  readonly selector: Dict<string>;
  /** The whole `spec.selector` (`matchExpressions` too); undefined when not written. */
  readonly labelSelector: LabelSelector | undefined;
  readonly minAvailable: number | string | undefined;
  readonly maxUnavailable: number | string | undefined;
}

export function readPodDisruptionBudget(raw: Record<string, unknown>): PodDisruptionBudget {
  const spec = record(raw.spec);
  const intOrPercent = (v: unknown) =>
    typeof v === 'number' || typeof v === 'string' ? v : undefined;
  return {
    ...readHeader(raw),
    kind: 'PodDisruptionBudget',
    selector: isRecord(spec.selector) ? labels(spec.selector.matchLabels) : {},
    labelSelector: isRecord(spec.selector) ? readLabelSelector(spec.selector) : undefined,
    minAvailable: intOrPercent(spec.minAvailable),
    maxUnavailable: intOrPercent(spec.maxUnavailable),
  };
}
