import { type DestinationRule, readDestinationRule } from './destinationRule.ts';
import { type EnvoyFilter, readEnvoyFilter } from './envoyFilter.ts';
import { type Gateway, readGateway } from './gateway.ts';
import {
  type GatewayClass,
  isGatewayApiVersion,
  type K8sGateway,
  type ReferenceGrant,
  readGatewayClass,
  readK8sGateway,
  readReferenceGrant,
} from './gatewayApi.ts';
import { type GatewayRoute, readRoute } from './gatewayRoutes.ts';
import {
  type HorizontalPodAutoscaler,
  readHorizontalPodAutoscaler,
} from './horizontalPodAutoscaler.ts';
import {
  type Ingress,
  type IngressClass,
  isIngressVersion,
  readIngress,
  readIngressClass,
} from './ingress.ts';
import { type PodDisruptionBudget, readPodDisruptionBudget } from './podDisruptionBudget.ts';
import { isRecord } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';
import { readSecret, type Secret } from './secret.ts';
import { readService, type Service } from './service.ts';
import { readServiceEntry, type ServiceEntry } from './serviceEntry.ts';
import { readVirtualService, type VirtualService } from './virtualService.ts';
import { type Deployment, type Pod, readDeployment, readPod } from './workload.ts';

export type IstioObject = Gateway | VirtualService | DestinationRule | ServiceEntry | EnvoyFilter;
export type KubeObject =
  | Service
  | Deployment
  | Pod
  | HorizontalPodAutoscaler
  | PodDisruptionBudget
  | Secret;
export type GatewayApiObject = GatewayClass | K8sGateway | GatewayRoute | ReferenceGrant;
export type IngressObject = Ingress | IngressClass;
export type ModelledObject = IstioObject | KubeObject | GatewayApiObject | IngressObject;
export type ModelledKind = ModelledObject['kind'];

/** A manifest of a kind the designer does not model: kept, named, and passed through untouched. */
export interface OtherObject extends ObjectHeader {
  readonly modelled: false;
}

export type ManifestObject = ModelledObject | OtherObject;

const ISTIO_NETWORKING = new Set([
  'networking.istio.io/v1',
  'networking.istio.io/v1beta1',
  'networking.istio.io/v1alpha3',
]);

type Reader = (raw: Record<string, unknown>) => ModelledObject;

interface KindReader {
  readonly accepts: (apiVersion: string) => boolean;
  readonly read: Reader;
}

const gatewayApi = (read: Reader): KindReader => ({ accepts: isGatewayApiVersion, read });

/**
 * Which reader takes a manifest, by kind and the API versions the kind is modelled for. `Gateway`
 * has two: Istio's and the Gateway API's, told apart by apiVersion.
 */
const READERS: Record<string, KindReader | readonly KindReader[]> = {
  Gateway: [
    { accepts: (v) => ISTIO_NETWORKING.has(v), read: readGateway },
    gatewayApi(readK8sGateway),
  ],
  GatewayClass: gatewayApi(readGatewayClass),
  HTTPRoute: gatewayApi(readRoute),
  GRPCRoute: gatewayApi(readRoute),
  TLSRoute: gatewayApi(readRoute),
  TCPRoute: gatewayApi(readRoute),
  ReferenceGrant: gatewayApi(readReferenceGrant),
  VirtualService: { accepts: (v) => ISTIO_NETWORKING.has(v), read: readVirtualService },
  DestinationRule: { accepts: (v) => ISTIO_NETWORKING.has(v), read: readDestinationRule },
  ServiceEntry: { accepts: (v) => ISTIO_NETWORKING.has(v), read: readServiceEntry },
  EnvoyFilter: { accepts: (v) => v === 'networking.istio.io/v1alpha3', read: readEnvoyFilter },
  Service: { accepts: (v) => v === 'v1', read: readService },
  Pod: { accepts: (v) => v === 'v1', read: readPod },
  Secret: { accepts: (v) => v === 'v1', read: readSecret },
  Deployment: { accepts: (v) => v === 'apps/v1', read: readDeployment },
  HorizontalPodAutoscaler: {
    accepts: (v) => v.startsWith('autoscaling/'),
    read: readHorizontalPodAutoscaler,
  },
  PodDisruptionBudget: { accepts: (v) => v.startsWith('policy/'), read: readPodDisruptionBudget },
  Ingress: { accepts: isIngressVersion, read: readIngress },
  IngressClass: { accepts: (v) => v.startsWith('networking.k8s.io/'), read: readIngressClass },
};

/**
 * Reads a document's plain value as a typed object. Returns undefined for documents that are
 * not manifests at all (no `kind`: empty, comment-only, a bare list…).
 */
export function readObject(raw: unknown): ManifestObject | undefined {
  if (!isRecord(raw) || typeof raw.kind !== 'string' || raw.kind === '') return undefined;
  const readers = Object.hasOwn(READERS, raw.kind) ? READERS[raw.kind] : undefined;
  const apiVersion = typeof raw.apiVersion === 'string' ? raw.apiVersion : '';
  for (const reader of Array.isArray(readers) ? readers : readers ? [readers] : [])
    if (reader.accepts(apiVersion)) return reader.read(raw);
  return { ...readHeader(raw), modelled: false };
}

export function isModelled(object: ManifestObject): object is ModelledObject {
  return !('modelled' in object);
}
