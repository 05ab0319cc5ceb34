import { num, record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Kubernetes `HorizontalPodAutoscaler` (autoscaling/v2 and v1): scales the Deployment it targets. */
export interface HorizontalPodAutoscaler extends ObjectHeader {
  readonly kind: 'HorizontalPodAutoscaler';
  readonly target: { readonly kind: string; readonly name: string };
  readonly minReplicas: number | undefined;
  readonly maxReplicas: number | undefined;
  /** Target CPU utilisation in percent, from v2 `metrics` or v1 `targetCPUUtilizationPercentage`. */
  readonly cpuUtilization: number | undefined;
}

export function readHorizontalPodAutoscaler(raw: Record<string, unknown>): HorizontalPodAutoscaler {
  const spec = record(raw.spec);
  const ref = record(spec.scaleTargetRef);
  return {
    ...readHeader(raw),
    kind: 'HorizontalPodAutoscaler',
    target: { kind: str(ref.kind) ?? '', name: str(ref.name) ?? '' },
    minReplicas: num(spec.minReplicas),
    maxReplicas: num(spec.maxReplicas),
    cpuUtilization: num(spec.targetCPUUtilizationPercentage) ?? cpuFromMetrics(spec.metrics),
  };
}

function cpuFromMetrics(metrics: unknown): number | undefined {
  if (!Array.isArray(metrics)) return undefined;
  for (const metric of metrics) {
    const resource = record(record(metric).resource);
    if (resource.name === 'cpu') return num(record(resource.target).averageUtilization);
  }
  return undefined;
}
