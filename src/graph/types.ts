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
  | 'envoyFilter';

export interface GraphNode {
  /** Stable across re-parses: derived from resource identity, position and names only. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** `Kind/namespace/name` of the resource the node stands for; absent for implied nodes. */
  readonly resource?: string;
  /** The node this one is drawn inside (a route's VirtualService), or null. */
  readonly parent: string | null;
  /** For `route` nodes: which rule list of the VirtualService. */
  readonly section?: 'http' | 'tls' | 'tcp';
  /** For `route` nodes: the position in that list. */
  readonly index?: number;
  /** True for nodes the workspace does not hold but Istio or Kubernetes would assume. */
  readonly implied?: boolean;
}

/** Section 2's edge kinds plus `mirror`, `attach` and `subset` (see CONTEXT.md). */
export type EdgeKind =
  | 'flow'
  | 'bind'
  | 'rule'
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
  /** For `route` edges: the destination's `weight`, only when the manifest writes one. */
  readonly weight?: number;
}

export interface FlowGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}
