/**
 * A Gateway API rule's backendRefs as Istio forwards to them (conversion.go
 * `buildHTTPDestination`): weight 0 gets nothing (Istio drops it), a lone remaining backend takes
 * every request, several share by weight. A backendRef that does not resolve (InvalidKind,
 * RefNotPermitted, BackendNotFound) keeps its share, and Envoy answers that share with 500
 * (route.go sets `cluster_not_found_response_code: INTERNAL_SERVER_ERROR` for Gateway API routes).
 */
import type { BackendRef, RouteKind } from '../../model/gatewayRoutes.ts';
import { serviceFqdn } from '../../model/hosts.ts';
import type { ResourceId } from '../../model/resource.ts';
import { formatShare } from '../../model/weights.ts';
import type { GatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { type DestinationContext, resolveDestination } from '../destinations.ts';
import type { FieldPath, SimDestination, Step } from '../types.ts';

export interface WeightedBackends {
  readonly destinations: SimDestination[];
  readonly steps: Step[];
}

export function weightedBackends(
  api: GatewayApiIndex,
  dctx: DestinationContext,
  refs: readonly BackendRef[],
  from: { readonly kind: RouteKind; readonly namespace: string },
  at: { readonly resource: ResourceId; readonly path: FieldPath },
): WeightedBackends {
  const live = refs.filter((r) => r.weight > 0);
  const total = live.reduce((sum, r) => sum + r.weight, 0);
  const destinations: SimDestination[] = [];
  const steps: Step[] = [];
  refs.forEach((ref, i) => {
    const path = [...at.path, 'backendRefs', i];
    const probability = ref.weight <= 0 ? 0 : live.length === 1 ? 1 : ref.weight / total;
    const resolution = api.backend(ref, from);
    const share =
      ref.weight <= 0
        ? 'weight 0: gets no requests'
        : live.length === 1
          ? 'all requests'
          : `${formatShare(probability)} (weight ${ref.weight})`;
    if (!resolution.resolved) {
      const host =
        (ref.group === '' || ref.group === 'core') && ref.kind === 'Service'
          ? serviceFqdn(ref.name, resolution.namespace)
          : ref.name;
      const problem = `${resolution.reason}: ${resolution.message}; the gateway answers its requests with 500`;
      destinations.push({
        host,
        subset: null,
        port: ref.port ?? null,
        weight: ref.weight,
        probability,
        service: null,
        destinationRule: null,
        trafficPolicy: null,
        pods: [],
        problems: [problem],
        endpoints: 'none',
        endpointsNote: `cannot be resolved (${resolution.reason})`,
        unresolved: resolution.reason,
        path,
      });
      steps.push({
        kind: 'destination',
        detail: `${ref.kind} ${ref.name}: ${share}; ${problem}`,
        matched: false,
        index: i,
        resource: at.resource,
        path,
      });
      return;
    }
    const { definedAt, ...resolved } = resolveDestination(
      dctx,
      { host: resolution.host, ...(ref.port !== undefined ? { port: ref.port } : {}) },
      resolution.namespace,
    );
    const grant = resolution.grant
      ? `; permitted by ReferenceGrant ${resolution.grant.metadata.namespace}/${resolution.grant.metadata.name}`
      : '';
    destinations.push({ ...resolved, weight: ref.weight, probability, path });
    steps.push({
      kind: 'destination',
      detail: [
        `${resolved.host} port ${resolved.port}: ${share}${grant}`,
        ...resolved.problems,
      ].join('; '),
      matched: probability > 0 && resolved.endpoints !== 'none',
      index: i,
      resource: at.resource,
      path,
    });
  });
  return { destinations, steps };
}
