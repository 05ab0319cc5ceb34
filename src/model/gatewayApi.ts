/**
 * The Kubernetes Gateway API (`gateway.networking.k8s.io`, v1 and the older versions as written):
 * `GatewayClass`, `Gateway` and `ReferenceGrant`, and the references every route kind shares.
 * Routes are in `gatewayRoutes.ts`. Field meanings follow the API reference (apis/v1/*.go of
 * kubernetes-sigs/gateway-api); readers keep list positions so indexes match the YAML.
 */
import { type Dict, defined, isRecord, labels, list, num, record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/**
 * The typed kind of a Gateway API `Gateway`. Istio has a `Gateway` too, so this one's kind (and
 * with it its resource id, CONTRACT section 2) carries the group: `Gateway.gateway.networking.k8s.io/ns/name`.
 * Manifests still say `kind: Gateway`; only the designer's ids and views carry the group.
 */
export const K8S_GATEWAY = 'Gateway.gateway.networking.k8s.io';

/** Whether an apiVersion is the Gateway API's (any version: v1, v1beta1, v1alpha2…). */
export function isGatewayApiVersion(apiVersion: string): boolean {
  return apiVersion.startsWith(`${GATEWAY_API_GROUP}/`);
}

export interface GatewayClass extends ObjectHeader {
  readonly kind: 'GatewayClass';
  readonly controllerName: string | undefined;
}

/** A Gateway API `Gateway`: listeners that routes attach to. */
export interface K8sGateway extends ObjectHeader {
  readonly kind: typeof K8S_GATEWAY;
  readonly gatewayClassName: string;
  readonly listeners: readonly Listener[];
  /** `spec.addresses`: a single Hostname address names an existing Service (manual deployment). */
  readonly addresses: readonly GatewayAddress[];
  /** `spec.infrastructure`: labels and annotations for the generated Service and Deployment. */
  readonly infrastructure: GatewayInfrastructure | undefined;
}

export interface GatewayAddress {
  /** `IPAddress` when unset, as the API defaults it. */
  readonly type: string;
  readonly value: string;
}

export interface GatewayInfrastructure {
  readonly labels: Dict<string> | undefined;
  readonly annotations: Dict<string> | undefined;
}

export interface Listener {
  readonly name: string;
  readonly port: number | undefined;
  /** As written, upper-cased: `HTTP`, `HTTPS`, `TLS`, `TCP`, `UDP`, or another implementation's. */
  readonly protocol: string;
  readonly hostname: string | undefined;
  readonly tls: ListenerTls | undefined;
  readonly allowedRoutes: AllowedRoutes;
}

export interface ListenerTls {
  /** `Terminate` when unset. */
  readonly mode: string;
  readonly certificateRefs: readonly ObjectRef[];
}

export interface AllowedRoutes {
  /** `Same` when unset. */
  readonly from: string;
  readonly selector: LabelSelector | undefined;
  /** Written kinds; empty means the protocol's default kinds. */
  readonly kinds: readonly { readonly group: string; readonly kind: string }[];
}

export interface LabelSelector {
  readonly matchLabels: Dict<string>;
  readonly matchExpressions: readonly {
    readonly key: string;
    readonly operator: string;
    readonly values: readonly string[];
  }[];
}

/** A reference by group, kind, name and namespace (certificateRefs, backendRefs, parentRefs). */
export interface ObjectRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Absent: the namespace of the resource that writes the reference. */
  readonly namespace: string | undefined;
}

export interface ReferenceGrant extends ObjectHeader {
  readonly kind: 'ReferenceGrant';
  readonly from: readonly {
    readonly group: string;
    readonly kind: string;
    readonly namespace: string;
  }[];
  readonly to: readonly {
    readonly group: string;
    readonly kind: string;
    readonly name: string | undefined;
  }[];
}

export function readGatewayClass(raw: Record<string, unknown>): GatewayClass {
  return {
    ...readHeader(raw),
    kind: 'GatewayClass',
    controllerName: str(record(raw.spec).controllerName),
  };
}

export function readK8sGateway(raw: Record<string, unknown>): K8sGateway {
  const spec = record(raw.spec);
  const infrastructure = isRecord(spec.infrastructure) ? spec.infrastructure : undefined;
  return {
    ...readHeader(raw),
    kind: K8S_GATEWAY,
    gatewayClassName: str(spec.gatewayClassName) ?? '',
    listeners: list(spec.listeners, readListener),
    addresses: list(spec.addresses, (a) => {
      const address = record(a);
      return { type: str(address.type) ?? 'IPAddress', value: str(address.value) ?? '' };
    }),
    infrastructure: infrastructure && {
      labels: isRecord(infrastructure.labels) ? labels(infrastructure.labels) : undefined,
      annotations: isRecord(infrastructure.annotations)
        ? labels(infrastructure.annotations)
        : undefined,
    },
  };
}

function readListener(raw: unknown): Listener {
  const listener = record(raw);
  const tls = isRecord(listener.tls) ? listener.tls : undefined;
  const allowed = record(listener.allowedRoutes);
  const namespaces = record(allowed.namespaces);
  return {
    name: str(listener.name) ?? '',
    port: num(listener.port),
    protocol: (str(listener.protocol) ?? '').toUpperCase(),
    hostname: str(listener.hostname),
    tls: tls && {
      mode: str(tls.mode) ?? 'Terminate',
      certificateRefs: list(tls.certificateRefs, (r) => readObjectRef(r, '', 'Secret')),
    },
    allowedRoutes: {
      from: str(namespaces.from) ?? 'Same',
      selector: isRecord(namespaces.selector) ? readLabelSelector(namespaces.selector) : undefined,
      kinds: list(allowed.kinds, (k) => {
        const kind = record(k);
        const name = str(kind.kind);
        return name === undefined
          ? undefined
          : { group: str(kind.group) ?? GATEWAY_API_GROUP, kind: name };
      }),
    },
  };
}

export function readLabelSelector(raw: Record<string, unknown>): LabelSelector {
  return {
    matchLabels: labels(raw.matchLabels),
    matchExpressions: list(raw.matchExpressions, (e) => {
      const expression = record(e);
      return {
        key: str(expression.key) ?? '',
        operator: str(expression.operator) ?? '',
        values: list(expression.values, (v) => (typeof v === 'string' ? v : undefined)),
      };
    }),
  };
}

/**
 * A reference with the API's defaults filled in: `group` defaults to `defaultGroup` (the core
 * group `''` for backendRefs and certificateRefs, the Gateway API's for parentRefs), `kind` to
 * `defaultKind`. A reference without a name is kept with name `''` so list positions hold.
 */
export function readObjectRef(raw: unknown, defaultGroup: string, defaultKind: string): ObjectRef {
  const ref = record(raw);
  return {
    group: str(ref.group) ?? defaultGroup,
    kind: str(ref.kind) ?? defaultKind,
    name: str(ref.name) ?? '',
    namespace: str(ref.namespace),
  };
}

export function readReferenceGrant(raw: Record<string, unknown>): ReferenceGrant {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'ReferenceGrant',
    from: list(spec.from, (f) => {
      const from = record(f);
      return {
        group: str(from.group) ?? '',
        kind: str(from.kind) ?? '',
        namespace: str(from.namespace) ?? '',
      };
    }),
    to: list(spec.to, (t) => {
      const to = record(t);
      return defined<{ group: string; kind: string; name: string | undefined }>({
        group: str(to.group) ?? '',
        kind: str(to.kind) ?? '',
        name: str(to.name),
      });
    }),
  };
}

/** The Gateway API's well-known label that holds a namespace's own name (set by Kubernetes). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
