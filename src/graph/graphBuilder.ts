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
  monitor: 3,
  alertRules: 3,
  dashboard: 3,
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
const RANK_COUNT = 9;

/** What a piece of derivation did to the builder, in order: enough to do it again. */
type Op =
  | { readonly node: GraphNode }
  | { readonly edge: GraphEdge }
  | { readonly call: string; readonly arg: string };

interface Fragment {
  readonly deps: readonly unknown[];
  readonly ops: readonly Op[];
  readonly value: unknown;
}

/**
 * Fragments of past derivations, by the object they were derived from (a manifest, an index of
 * the catalog) and the part of the graph they are (`tag`). Kept while the object lives: the
 * next workspace shares every document a keystroke did not touch, and so its fragments.
 */
const fragments = new WeakMap<object, Map<string, Fragment>>();

/**
 * The nodes and edges of the graph built last, by id: a node or edge made again with the same
 * content (a fragment derived again because something it read changed, such as the Gateway
 * list after a rename) is given the object it had, so what did not change keeps its identity.
 */
let lastNodes: ReadonlyMap<string, GraphNode> = new Map();
let lastEdges: ReadonlyMap<string, GraphEdge> = new Map();

/** Same content: small objects of plain values, compared by their JSON. */
function same<T extends { readonly id: string }>(a: T | undefined, b: T): a is T {
  return a !== undefined && (a === b || JSON.stringify(a) === JSON.stringify(b));
}

/**
 * Collects nodes and edges while the graph is derived. The first node or edge with a given id
 * wins, so duplicate resources or repeated references never yield duplicate ids.
 *
 * Derivation is incremental through `memo`: a part of the graph derived from a resource is
 * recorded, and derived again only when the resource or what it looked up (its `deps`, parts
 * of the catalog that keep their identity while unchanged) changed; otherwise its recorded
 * steps are replayed, giving the same node and edge objects as before (so the canvas can tell
 * they did not change). Adding is first-wins either way, so replaying steps in the order they
 * were taken gives what running the code would.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  /** The steps being recorded, innermost fragment last. */
  private readonly recording: Op[][] = [];
  private readonly handlers = new Map<string, (arg: string) => string>();
  private inCall = false;

  /**
   * `derive()`, or what it did the last time with the same `key`, `tag` and `deps` (compared by
   * identity), done again. `derive` must read nothing but `key` and `deps` besides calls made
   * through `call` (which are replayed as calls).
   */
  memo<T>(key: object, tag: string, deps: readonly unknown[], derive: () => T): T {
    let byTag = fragments.get(key);
    const known = byTag?.get(tag);
    if (known && known.deps.length === deps.length && known.deps.every((d, i) => d === deps[i])) {
      for (const op of known.ops) this.replay(op);
      return known.value as T;
    }
    const ops: Op[] = [];
    this.recording.push(ops);
    let value: T;
    try {
      value = derive();
    } finally {
      this.recording.pop();
    }
    this.recording.at(-1)?.push(...ops);
    if (!byTag) {
      byTag = new Map();
      fragments.set(key, byTag);
    }
    byTag.set(tag, { deps, ops, value });
    return value;
  }

  /** Makes `run` callable through `call`: a step recorded and replayed by name and argument. */
  handle(name: string, run: (arg: string) => string): void {
    this.handlers.set(name, run);
  }

  /** Runs a handled step (one that reads what changes between derivations: asked again on replay). */
  call(name: string, arg: string): string {
    const run = this.handlers.get(name);
    if (!run) throw new Error(`internal: no handler for ${name}`);
    if (this.inCall) return run(arg);
    this.recording.at(-1)?.push({ call: name, arg });
    this.inCall = true;
    try {
      return run(arg);
    } finally {
      this.inCall = false;
    }
  }

  private replay(op: Op): void {
    if ('node' in op) this.insertNode(op.node);
    else if ('edge' in op) this.insertEdge(op.edge);
    else this.call(op.call, op.arg);
  }

  /** Adds `node` unless one with its id exists; true when it was added. */
  addNode(made: GraphNode): boolean {
    const old = lastNodes.get(made.id);
    const node = same(old, made) ? old : made;
    // Recorded as kept: a replay then inserts the very object, with nothing to compare.
    if (!this.inCall) this.recording.at(-1)?.push({ node });
    return this.insertNode(node);
  }

  private insertNode(node: GraphNode): boolean {
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
    if (this.edges.has(id) && this.recording.length === 0) return;
    const made: GraphEdge = {
      id,
      source,
      target,
      kind,
      ...(options.weight === undefined ? {} : { weight: options.weight }),
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      ...(options.grant === undefined ? {} : { grant: options.grant }),
      ...(options.broken === undefined ? {} : { broken: options.broken }),
    };
    const old = lastEdges.get(id);
    const edge = same(old, made) ? old : made;
    if (!this.inCall) this.recording.at(-1)?.push({ edge });
    this.insertEdge(edge);
  }

  private insertEdge(edge: GraphEdge): void {
    if (!this.edges.has(edge.id)) this.edges.set(edge.id, edge);
  }

  /** The graph: nodes in rank order (insertion order within a rank), and only edges whose both ends exist. */
  build(): FlowGraph {
    const ranks: GraphNode[][] = Array.from({ length: RANK_COUNT }, () => []);
    for (const node of this.nodes.values()) ranks[RANK[node.kind]]?.push(node);
    const edges: GraphEdge[] = [];
    for (const edge of this.edges.values())
      if (this.nodes.has(edge.source) && this.nodes.has(edge.target)) edges.push(edge);
    lastNodes = this.nodes;
    lastEdges = this.edges;
    return { nodes: ranks.flat(), edges };
  }
}
