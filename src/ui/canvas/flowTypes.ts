import type { Edge, Node } from '@xyflow/react';
import type { EdgeKind, GraphEdge, GraphNode, NodeKind } from '../../graph/types.ts';
import type { ListenerSummary } from './gatewayApiSummaries.ts';
import type { ServerSummary } from './summaries.ts';

/**
 * One rule of a VirtualService or of a Gateway API route (HTTPRoute…), drawn as a row of its
 * node with its own source handle.
 */
export interface RuleRowData {
  /** The route node's id: the row's handle id and what selecting the row selects. */
  readonly id: string;
  readonly label: string;
  /** `prefix /api · x-beta=true`; `Exact /productpage, PathPrefix /static +3`. */
  readonly match: string;
  /** What the rule does besides routing: `rewrite /`, `redirect 301`, `headers`, `mirror`… */
  readonly tags: readonly string[];
  readonly resource: string | undefined;
  /** Which rule list and where in it: dragging a row moves the rule within its list. */
  readonly section: 'http' | 'tls' | 'tcp' | 'rules';
  readonly index: number;
}

/**
 * One listener of a Gateway API Gateway, drawn as a row with its own source handle: bind edges
 * to the routes it accepts leave from it, and a connection drawn from it attaches a route there.
 */
export interface ListenerRowData extends ListenerSummary {
  /** The listener node's id: the row's handle id and what selecting the row selects. */
  readonly id: string;
  /** The listener's name. */
  readonly label: string;
  readonly resource: string | undefined;
}

/** What every canvas node carries. A `type` alias: React Flow wants an index-signature type. */
export type CanvasNodeData = {
  readonly node: GraphNode;
  /** Facts shown under the name (ports, replicas, labels…). */
  readonly lines: readonly string[];
  /** Gateway nodes: their servers. */
  readonly servers: readonly ServerSummary[];
  /** VirtualService and Gateway API route nodes: their rules, in manifest order. */
  readonly rules: readonly RuleRowData[];
  /** Gateway API Gateway nodes: their listeners, in manifest order. */
  readonly listeners: readonly ListenerRowData[];
  /** The node's width in pixels (`nodeWidth`): what it is drawn with and laid out by. */
  readonly width: number;
  /** A collapsed group's node (grouping.ts): what it stands for. */
  readonly group?: GroupSummary;
  /** Subsets: the short name of the service they are a subset of. */
  readonly service?: string;
};

/** A collapsed group of nodes (by namespace or host), drawn as one node. */
export interface GroupSummary {
  /** `namespace:team-3`, `host:app-3.example.com`. */
  readonly key: string;
  readonly by: 'namespace' | 'host';
  readonly name: string;
  /** Open: the node is only the group's header above its nodes; else it stands for them. */
  readonly open: boolean;
  /** How many distinct resources its nodes stand for. */
  readonly resources: number;
  readonly kinds: readonly { readonly kind: NodeKind; readonly count: number }[];
  /** The ids of the nodes it stands for. */
  readonly members: readonly string[];
}

/**
 * Kinds drawn as React Flow nodes: every kind but `route` and `listener`, which are rows of their
 * VirtualService or route, and of their Gateway; and `group`, a collapsed group (grouping.ts).
 */
export type CanvasNodeKind = Exclude<NodeKind, 'route' | 'listener'> | 'group';

export type CanvasNode = Node<CanvasNodeData, CanvasNodeKind>;

/** A node before the canvas gives it a place, a selection and its measured size. */
export type BaseNode = Omit<CanvasNode, 'position' | 'selected' | 'measured'>;

export type CanvasEdgeData = {
  readonly edge: GraphEdge;
  readonly kind: EdgeKind;
  /**
   * On or off the simulated request's path, while one is shown (its label follows); `dim` also
   * for edges to and from collapsed groups, which step back behind the groups' own.
   */
  readonly sim?: 'lit' | 'dim';
};

export type CanvasEdge = Edge<CanvasEdgeData>;
