/**
 * Where an Ingress backend sends requests: the Service port in the Ingress's namespace, resolved
 * with the simulator's destination rules of evidence (endpoints, pods). A named port is looked up
 * in the Service (Istio drops the path when it cannot; ingress-nginx has no upstream for it).
 * Only Istio's Envoy applies DestinationRules: ingress-nginx (and other controllers) send to the pods
 * themselves.
 */
import { serviceFqdn } from '../../model/hosts.ts';
import type { IngressBackend } from '../../model/ingress.ts';
import type { IngressReading } from '../../model/ingressPaths.ts';
import type { ResourceId } from '../../model/resource.ts';
import { formatShare } from '../../model/weights.ts';
import { type DestinationContext, resolveDestination } from '../destinations.ts';
import type { FieldPath, SimDestination, Step } from '../types.ts';

export interface BackendAt {
  readonly backend: IngressBackend;
  readonly namespace: string;
  readonly resource: ResourceId;
  readonly path: FieldPath;
}

/** The backend's Service port number, or why there is none. */
export function backendPort(
  dctx: DestinationContext,
  at: BackendAt,
): {
  port: number | undefined;
  problem?: string;
  /** The workspace holds the Service and it has no such port: the controller cannot resolve it. */
  unresolvable?: true;
} {
  const service = at.backend.service;
  if (!service) return { port: undefined };
  if (service.port !== undefined) return { port: service.port };
  if (service.portName === undefined)
    return { port: undefined, problem: 'the backend names no port' };
  const held = dctx.catalog.services.find(
    (s) => s.object.metadata.namespace === at.namespace && s.object.metadata.name === service.name,
  );
  const named = held?.object.ports.find((p) => p.name === service.portName);
  if (named) return { port: named.port };
  return held
    ? {
        port: undefined,
        problem: `Service ${at.namespace}/${service.name} has no port named ${service.portName}`,
        unresolvable: true,
      }
    : {
        port: undefined,
        problem: `port ${service.portName} cannot be resolved: Service ${at.namespace}/${service.name} is not in this workspace`,
      };
}

/** One destination with its share, as a `destination` step describes it. */
export function ingressDestination(
  dctx: DestinationContext,
  at: BackendAt,
  reading: IngressReading,
  probability: number,
  label: string,
): { destination: SimDestination | undefined; step: Step } {
  const service = at.backend.service;
  if (!service) {
    const resource = at.backend.resource;
    return {
      destination: undefined,
      step: {
        kind: 'destination',
        matched: false,
        detail: `${label}: a ${resource ? `${resource.kind} ${resource.name}` : 'backend without service'} is not a Service: the controller cannot forward to it`,
        resource: at.resource,
        path: at.path,
      },
    };
  }
  const { port, problem } = backendPort(dctx, at);
  const { definedAt: _ignored, ...resolved } = resolveDestination(
    dctx,
    { host: serviceFqdn(service.name, at.namespace), ...(port !== undefined ? { port } : {}) },
    at.namespace,
  );
  // The shared resolver speaks of Envoy; ingress-nginx and other controllers are not Envoy.
  const own = (text: string) =>
    reading === 'istio' ? text : text.replace(/\bEnvoy\b/g, 'the controller');
  const problems = (problem ? [problem, ...resolved.problems] : resolved.problems).map(own);
  const destination: SimDestination = {
    ...resolved,
    ...(reading !== 'istio' ? { destinationRule: null, trafficPolicy: null } : {}),
    problems,
    weight: Math.round(probability * 100),
    probability,
    path: at.path,
  };
  const share = probability === 1 ? 'all requests' : formatShare(probability);
  return {
    destination,
    step: {
      kind: 'destination',
      matched: probability > 0 && destination.endpoints !== 'none',
      detail: [
        `${label}: ${destination.host} port ${destination.port}: ${share}`,
        ...problems,
      ].join('; '),
      resource: at.resource,
      path: at.path,
    },
  };
}
