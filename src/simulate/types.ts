import type { ResourceId } from '../model/resource.ts';
import type { RuleSection } from '../model/virtualService.ts';

/** A field inside a resource, as the graph and the editor address it: `['spec','http',1]`. */
export type FieldPath = readonly (string | number)[];

/** What to send through the ingress gateway. */
export interface SimRequest {
  /** `http://` or `https://` URL; the port defaults to 80 / 443. A URL without a scheme is read as `http://`. */
  readonly url: string;
  /** Default `GET`. Compared as written, as Envoy compares `:method`. */
  readonly method?: string;
  /** Names are case-insensitive. `host` (or `:authority`) replaces the authority, as `curl -H 'Host: …'` does. */
  readonly headers?: Readonly<Record<string, string>>;
  /** `Gateway/ns/name`: send the request to the pods of this Gateway only. */
  readonly gateway?: string;
}

export type Outcome = 'route' | 'redirect' | 'directResponse' | 'fault' | 'noRoute' | 'noServer';

export type StepKind =
  | 'request'
  | 'loadBalancer'
  | 'gateway'
  | 'server'
  | 'virtualHost'
  | 'virtualService'
  | 'rule'
  | 'delegate'
  | 'fault'
  | 'redirect'
  | 'directResponse'
  | 'rewrite'
  | 'headers'
  | 'destination'
  | 'mirror'
  | 'policy'
  | 'note';

/** One line of the trace. `resource` and `path` say what it talks about, so a UI can select it. */
export interface Step {
  readonly kind: StepKind;
  readonly detail: string;
  readonly matched?: boolean;
  readonly index?: number;
  readonly resource?: ResourceId;
  readonly path?: FieldPath;
}

/** The request as the backend receives it (or as the gateway received it when not routed). */
export interface BackendRequest {
  /** Path with its query string. */
  readonly path: string;
  readonly authority: string;
  readonly method: string;
  /** The scheme the client used (what `x-forwarded-proto` carries). */
  readonly scheme: 'http' | 'https';
  /** Request headers after the route's header operations; lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface SimServer {
  /** The server's `port.number` as written. */
  readonly port: number;
  /** The port the proxy listens on for it, when a Service port moves it (`resolvePorts`). */
  readonly listenPort?: number;
  readonly protocol: string;
  readonly hosts: readonly string[];
  readonly index: number;
  readonly name?: string;
  readonly tlsMode?: string;
}

export interface SimRule {
  readonly index: number;
  readonly name: string | null;
  /** `rules` for a Gateway API route (CONTRACT section 4). */
  readonly section: RuleSection | 'rules';
  /** Which `match` block matched (absent for a rule without matches). */
  readonly matchIndex?: number;
  /** For a delegated rule: the root rule that delegated, in `rootVirtualService`. */
  readonly rootIndex?: number;
}

export interface EffectiveTrafficPolicy {
  readonly loadBalancer?: Readonly<Record<string, unknown>>;
  readonly connectionPool?: Readonly<Record<string, unknown>>;
  readonly outlierDetection?: Readonly<Record<string, unknown>>;
  readonly tls?: Readonly<Record<string, unknown>>;
  /** Where each group comes from: `destinationRule`, `subset`, `portLevel`, `subsetPortLevel`. */
  readonly sources: Readonly<Record<string, string>>;
}

export interface SimDestination {
  /** FQDN. */
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** As written; unset is 100 for a lone destination, else 0. */
  readonly weight: number;
  /** weight / sum of weights; a lone destination gets 1, a weight-0 one next to others 0. */
  readonly probability: number;
  /** `Service/ns/name` or `ServiceEntry/ns/name` the host resolves to, null when none. */
  readonly service: ResourceId | null;
  readonly destinationRule: ResourceId | null;
  readonly trafficPolicy: EffectiveTrafficPolicy | null;
  /** Workload ids selected by the Service selector plus the subset labels. */
  readonly pods: readonly ResourceId[];
  /** Why this destination may not answer (missing subset: Envoy answers 503 NC…). */
  readonly problems: readonly string[];
  /**
   * Whether Envoy has endpoints for it (CONTRACT section 4): `none` when the workspace shows it
   * has none (no such Service or subset, or none of the Service's pods match), so requests sent
   * there get 503 with `responseFlag`; `unknown` when what decides it is not in this workspace
   * (`endpointsNote` says what).
   */
  readonly endpoints: 'some' | 'none' | 'unknown';
  /** Envoy's response flag for `none`: `NC` (no such cluster), `UH` (no healthy upstream). */
  readonly responseFlag?: 'NC' | 'UH';
  /** Why `none` or `unknown`, to follow the host: "has no endpoints", "its pods are not in this workspace". */
  readonly endpointsNote?: string;
  /**
   * Gateway API: why the backendRef does not resolve (`InvalidKind`, `RefNotPermitted`,
   * `BackendNotFound`); the gateway answers its share with 500.
   */
  readonly unresolved?: string;
  readonly path: FieldPath;
}

export interface SimMirror {
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  readonly percentage: number;
}

export interface SimFault {
  readonly delay?: { readonly fixedDelay: string | null; readonly percentage: number };
  readonly abort?: {
    readonly httpStatus: number | null;
    readonly grpcStatus: string | null;
    readonly percentage: number;
  };
  /** True when the abort fires on every request (percentage 100): the outcome is `fault`. */
  readonly aborted: boolean;
}

export interface SimRetries {
  readonly attempts: number;
  readonly retryOn: string;
  readonly retriableStatusCodes: readonly number[];
  readonly perTryTimeout: string | null;
  /** `default`: Istio's retry policy for a rule without `retries`. */
  readonly source: 'default' | 'rule';
}

/** CONTRACT section 4, with the extra fields listed in src/simulate/CONTEXT.md. */
/** The external load balancer's hop: the URL's port carried to a port of the gateway pods. */
export interface SimLoadBalancer {
  readonly port: number;
  readonly targetPort: number;
  /** The Service that carries it; null when the workspace has none (the port goes through). */
  readonly service: ResourceId | null;
  /** istioctl's implied default ingress Service, not in the workspace. */
  readonly implied?: true;
}

/** The Gateway API listener that took the request (CONTRACT section 4), in place of `server`. */
export interface SimListener {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly hostname: string | null;
  /** Position in `spec.listeners`. */
  readonly index: number;
}

export interface Simulation {
  readonly outcome: Outcome;
  readonly status: number | null;
  /** `Gateway/ns/name`, or `Gateway.gateway.networking.k8s.io/ns/name` for the Gateway API. */
  readonly gateway: ResourceId | null;
  readonly server: SimServer | null;
  /** Gateway API: the listener that took the request (`server` is then null). */
  readonly listener?: SimListener;
  /** Gateway API: the route (HTTPRoute, GRPCRoute…) whose rule answered, in place of `virtualService`. */
  readonly httpRoute?: ResourceId;
  /** Kubernetes Ingress: the Ingress whose path (or defaultBackend) answered, in place of `virtualService`. */
  readonly ingress?: ResourceId;
  readonly virtualService: ResourceId | null;
  readonly rootVirtualService?: ResourceId;
  readonly rule: SimRule | null;
  readonly request: BackendRequest;
  readonly destinations: readonly SimDestination[];
  readonly steps: readonly Step[];
  /** The load balancer hop the request took; absent when no gateway took the connection. */
  readonly loadBalancer?: SimLoadBalancer;
  readonly redirect?: { readonly location: string; readonly status: number };
  readonly directResponse?: { readonly status: number; readonly body: string | null };
  readonly fault?: SimFault;
  readonly mirrors?: readonly SimMirror[];
  /** Null: no timeout (Istio's default, "disabled"). */
  readonly timeout?: string | null;
  /** Null: retries disabled (`attempts: 0`). */
  readonly retries?: SimRetries | null;
  readonly corsPolicy?: Readonly<Record<string, unknown>>;
}
