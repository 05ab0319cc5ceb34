import type { EdgeKind, FlowGraph, GraphEdge, GraphNode, NodeKind } from './types.ts';

/**
 * Where each kind goes in the output: the ingress chain first, then VirtualServices with their
 * routes, services, subsets and pods. Within a rank, nodes keep the order they were added in,
 * which follows the workspace's file and document order, so the output is deterministic.
 */
const RANK: Readonly<Record<NodeKind, number>> = {
  client: 0,
  loadBalancer: 1,
  gatewayWorkload: 2,
  autoscaler: 3,
  disruptionBudget: 3,
  envoyFilter: 3,
  gateway: 4,
  listener: 4,
  virtualService: 5,
  httpRoute: 5,
  grpcRoute: 5,
  tlsRoute: 5,
  tcpRoute: 5,
  ingress: 5,
  route: 5,
  service: 6,
  subset: 7,
  pods: 8,
};

/**
 * Collects nodes and edges while the graph is derived. The first node or edge with a given id
 * wins, so duplicate resources or repeated references never yield duplicate ids.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  /** Adds `node` unless one with its id exists; true when it was added. */
  addNode(node: GraphNode): boolean {
    if (this.nodes.has(node.id)) return false;
    this.nodes.set(node.id, node);
    return true;
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  /**
   * Adds an edge. Its id is `kind:source->target` unless `slot` names which of several edges
   * between the same ends it is (a route's destination index), then `kind:source:slot`.
   */
  addEdge(
    kind: EdgeKind,
    source: string,
    target: string,
    options: {
      readonly slot?: string;
      readonly weight?: number | undefined;
      readonly origin?: GraphEdge['origin'];
      readonly grant?: string | undefined;
      readonly broken?: GraphEdge['broken'];
    } = {},
  ): void {
    const id =
      options.slot === undefined
        ? `${kind}:${source}->${target}`
        : `${kind}:${source}:${options.slot}`;
    if (this.edges.has(id)) return;
    const edge: GraphEdge = {
      id,
      source,
      target,
      kind,
      ...(options.weight === undefined ? {} : { weight: options.weight }),
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      ...(options.grant === undefined ? {} : { grant: options.grant }),
      ...(options.broken === undefined ? {} : { broken: options.broken }),
    };
    this.edges.set(id, edge);
  }

  /** The graph: nodes in rank order, and only edges whose both ends exist. */
  build(): FlowGraph {
    // Array sort is stable (ES2019), so insertion order holds within a rank.
    const nodes = [...this.nodes.values()].sort((a, b) => RANK[a.kind] - RANK[b.kind]);
    const edges = [...this.edges.values()].filter(
      (edge) => this.nodes.has(edge.source) && this.nodes.has(edge.target),
    );
    return { nodes, edges };
  }
}
