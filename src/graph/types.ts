import type { BackendDenialReason } from '../model/backendRefs.ts';
import type { RouteSection } from './ids.ts';

/**
 * The flow graph of CONTRACT section 2: what `graph` prints and what the UI draws. Plain data,
 * JSON-serialisable as it is.
 */

/** What a node stands for. The last three are this project's additions (see CONTEXT.md). */
export type NodeKind =
  | 'client'
  | 'loadBalancer'
  | 'gatewayWorkload'
  | 'gateway'
  | 'virtualService'
  | 'route'
  | 'service'
  | 'subset'
  | 'pods'
  | 'autoscaler'
  | 'disruptionBudget'
  | 'envoyFilter'
  /** prometheus-operator ServiceMonitor or PodMonitor scraping the gateway pods (CONTEXT.md). */
  | 'monitor'
  /** prometheus-operator PrometheusRule whose alerts watch the gateway workload. */
  | 'alertRules'
  /** Grafana dashboard ConfigMap (for the dashboard sidecar) whose panels watch the gateway workload. */
  | 'dashboard'
  /** Gateway API: one listener of a Gateway API Gateway, drawn as a row inside it (`parent`). */
  | 'listener'
  /** Gateway API routes (CONTRACT section 2); their `rules[i]` are `route` nodes. */
  | 'httpRoute'
  | 'grpcRoute'
  | 'tlsRoute'
  | 'tcpRoute'
  /** A Kubernetes `Ingress` (networking.k8s.io/v1); its paths are `route` nodes (`section: 'rules'`). */
  | 'ingress';

export interface GraphNode {
  /** Stable across re-parses: derived from resource identity, position and names only. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** `Kind/namespace/name` of the resource the node stands for; absent for implied nodes. */
  readonly resource?: string;
  /** The node this one is drawn inside (a route's VirtualService), or null. */
  readonly parent: string | null;
  /** For `route` nodes: which rule list of the VirtualService, or `rules` of a Gateway API route. */
  readonly section?: RouteSection;
  /** For `route` nodes: the position in that list. */
  readonly index?: number;
  /** True for nodes the workspace does not hold but Istio or Kubernetes would assume. */
  readonly implied?: boolean;
  /**
   * For nodes that stand for part of a resource (a rule, a subset): where that part is written
   * in `resource`, e.g. `['spec', 'http', 2]`. Editors reveal it; deleting the node removes it.
   */
  readonly path?: readonly (string | number)[];
  /**
   * For `loadBalancer` nodes: the ports it carries to the gateway pods (`80` → `8080`), from
   * its Service or the implied default ingress's (model/gatewayPorts.ts); absent when unknown.
   */
  readonly ports?: readonly { readonly port: number; readonly targetPort: number }[];
}

/** Section 2's edge kinds plus `mirror`, `attach`, `subset` and `listener` (see CONTEXT.md). */
export type EdgeKind =
  | 'flow'
  | 'bind'
  | 'rule'
  /** Gateway API: a Gateway to one of its listener rows (as `rule` joins a route to its rules). */
  | 'listener'
  | 'route'
  | 'delegate'
  | 'select'
  | 'mirror'
  | 'attach'
  | 'subset';

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
  /**
   * For `route` edges: the destination's `weight`, only when the manifest writes one; for a
   * Gateway API backendRef always, as the API defaults it (1 when unwritten, 0 sends nothing).
   */
  readonly weight?: number;
  /**
   * Gateway API backendRefs (and mirrors) into another namespace: the ReferenceGrant that
   * permits the reference, `ReferenceGrant/ns/name`.
   */
  readonly grant?: string;
  /**
   * Gateway API backendRefs (and mirrors) that do not resolve: why, as the route's
   * `ResolvedRefs` condition says. The edge still shows where the rule meant to send requests.
   */
  readonly broken?: BackendDenialReason;
  /**
   * For edges a manifest writes (bind, route, mirror, delegate): the resource that writes them
   * and where, e.g. `['spec', 'http', 0, 'route', 1]`. A bind edge may be written more than
   * once (top-level and per-match `gateways`). Derived edges (flow, select…) have none.
   */
  readonly origin?: {
    readonly resource: string;
    readonly paths: readonly (readonly (string | number)[])[];
  };
}

export interface FlowGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}
