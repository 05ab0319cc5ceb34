import { type ObjectRef, readObjectRef } from './gatewayApi.ts';
import { type Dict, isRecord, labels, list, num, record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/**
 * Istio `EnvoyFilter`: raw Envoy patches for the workloads its `workloadSelector` picks (all
 * workloads of its namespace without one; all of the mesh when in the root namespace).
 * Rate limiting at the ingress gateway is written this way.
 */
export interface EnvoyFilter extends ObjectHeader {
  readonly kind: 'EnvoyFilter';
  readonly workloadSelector: Dict<string> | undefined;
  /**
   * `targetRefs`: the Gateway API Gateways it applies to, instead of its
   * workloadSelector; an EnvoyFilter that has them never applies to other workloads.
   */
  readonly targetRefs: readonly PolicyTargetRef[];
  readonly configPatches: readonly EnvoyConfigPatch[];
  readonly priority: number | undefined;
}

/** Istio's `PolicyTargetReference`: group (`''` is core), kind, name and an optional namespace. */
export type PolicyTargetRef = ObjectRef;

export interface EnvoyConfigPatch {
  readonly applyTo: string;
  readonly context: string | undefined;
  readonly operation: string | undefined;
  /** The filter the patch adds, where it names one (`envoy.filters.http.local_ratelimit`). */
  readonly filterName: string | undefined;
}

export function readEnvoyFilter(raw: Record<string, unknown>): EnvoyFilter {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'EnvoyFilter',
    workloadSelector: isRecord(spec.workloadSelector)
      ? labels(spec.workloadSelector.labels)
      : undefined,
    targetRefs: list(spec.targetRefs, (r) => readObjectRef(r, '', '')),
    configPatches: list(spec.configPatches, (p) => {
      const patch = record(p);
      const match = record(patch.match);
      const value = record(record(patch.patch).value);
      return {
        applyTo: str(patch.applyTo) ?? '',
        context: str(match.context),
        operation: str(record(patch.patch).operation),
        filterName: str(value.name),
      };
    }),
    priority: num(spec.priority),
  };
}
