import type { FlowGraph, GraphEdge, GraphNode } from '../../graph/types.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { isModelled, type ManifestObject, type ModelledObject } from '../../model/kinds.ts';
import type { HttpRoute } from '../../model/virtualService.ts';
import { gatewayApiIndex, type IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import { sameItems } from '../../workspace/sameItems.ts';
import { entries, type Workspace } from '../../workspace/workspace.ts';
import { flowEdges, isRow } from './flowEdges.ts';
import type {
  BaseNode,
  CanvasEdge,
  CanvasNodeKind,
  ListenerRowData,
  RuleRowData,
} from './flowTypes.ts';
import { gatewayRuleMatch, gatewayRuleTags, listenerSummary } from './gatewayApiSummaries.ts';
import { GROUP_OPEN_LIMIT, SHARED_KINDS } from './grouping.ts';
import { ingressNote, ingressRowMatch } from './ingressSummaries.ts';
import { nodeAriaLabel, nodeWidth } from './kindLook.ts';
import { compactNameWidth } from './nameWidth.ts';
import { nodeDetails } from './nodeDetails.ts';
import { matchSummary, ruleActionTags, type ServerSummary, serverSummary } from './summaries.ts';

/** The canvas's view of a graph: React Flow nodes (without places yet) and edges. */
export interface FlowElements {
  readonly nodes: readonly BaseNode[];
  readonly edges: readonly CanvasEdge[];
  /** Graph nodes and edges by id, for selection and deletion. */
  readonly graphNodes: ReadonlyMap<string, GraphNode>;
  readonly graphEdges: ReadonlyMap<string, GraphEdge>;
}

/** The nodes drawn as nodes of their own: all but rows. */
function drawnCount(graph: FlowGraph): number {
  let count = 0;
  for (const node of graph.nodes) if (!isRow(node)) count++;
  return count;
}

/** Room for the compact font's padding (bigGraph.css) and the node's border. */
const COMPACT_PADDING = 16;

/**
 * A big graph is first seen zoomed out, where each node shows only its name in a large font:
 * the shared nodes (client, load balancer, gateway pods) are narrow kinds, so they are made
 * wide enough for that name rather than breaking it mid-word.
 */
function sharedWidth(node: GraphNode, chain: ReadonlySet<string>): number {
  return Math.max(
    nodeWidth(node, chain.has(node.id)),
    Math.ceil(compactNameWidth(node.label)) + COMPACT_PADDING,
  );
}

/**
 * Converts the flow graph into React Flow elements. Route nodes become rows of their
 * VirtualService or Gateway API route, listener nodes rows of their Gateway (CONTRACT section
 * 5: each thing drawn once), so edges leaving a row leave from its node through the row's
 * handle, and `rule` and `listener` edges (a node → its own row) are not drawn. Pure; the caller
 * memoises it by graph identity.
 */
export function toFlowElements(graph: FlowGraph, workspace: Workspace): FlowElements {
  const objects = objectsById(workspace);
  const graphNodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const rowsByParent = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (!isRow(node) || node.parent === null) continue;
    const rows = rowsByParent.get(node.parent);
    if (rows) rows.push(node);
    else rowsByParent.set(node.parent, [node]);
  }

  const chain = gatewayApiChain(graph, graphNodes);
  const big = drawnCount(graph) > GROUP_OPEN_LIMIT;
  const services = subsetServices(graph, graphNodes);
  const nodes: BaseNode[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'route' || node.kind === 'listener') continue;
    const made: Made = {
      object: node.resource === undefined ? undefined : objects.get(node.resource),
      rows: rowsByParent.get(node.id) ?? NO_ROWS,
      width:
        big && SHARED_KINDS.has(node.kind)
          ? sharedWidth(node, chain)
          : nodeWidth(node, chain.has(node.id)),
      service: services.get(node.id),
    };
    // The same graph node from the same manifest, rows and neighbours: the same element, so
    // the canvas skips it (graph nodes keep their objects while their document is unchanged).
    // Notes that read other resources (Ingress, Gateway API indexes) are added every time.
    const known = madeNodes.get(node);
    let base = known && sameMade(known, made) ? known.base : undefined;
    if (!base) {
      const plain = baseNode(node, node.kind, made.object, made.rows, made.width);
      base = made.service ? { ...plain, data: { ...plain.data, service: made.service } } : plain;
      madeNodes.set(node, { ...made, base });
    }
    nodes.push(
      node.kind === 'ingress' ? ingressNote(base, workspace) : gatewayNote(base, workspace),
    );
  }

  return {
    nodes,
    edges: flowEdges(graph, graphNodes, objects),
    graphNodes,
    graphEdges: new Map(graph.edges.map((e) => [e.id, e])),
  };
}

/** What a canvas node was made from, and the node. */
interface Made {
  readonly object: ManifestObject | undefined;
  readonly rows: readonly GraphNode[];
  readonly width: number;
  readonly service: string | undefined;
}

const NO_ROWS: readonly GraphNode[] = [];
const madeNodes = new WeakMap<GraphNode, Made & { readonly base: BaseNode }>();

function sameMade(a: Made, b: Made): boolean {
  return (
    a.object === b.object &&
    a.width === b.width &&
    a.service === b.service &&
    sameItems(a.rows, b.rows)
  );
}

/** Each subset's service, by its short name (the service node's label): `svc-3` for `v1`. */
function subsetServices(
  graph: FlowGraph,
  graphNodes: ReadonlyMap<string, GraphNode>,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'subset') continue;
    const service = graphNodes.get(edge.source);
    if (service?.kind === 'service' && !out.has(edge.target)) out.set(edge.target, service.label);
  }
  return out;
}

/** Kinds a new connection may start from or end at (see src/edit/gestures/connect.ts). */
const CONNECTABLE: ReadonlySet<string> = new Set([
  'gateway',
  'virtualService',
  'httpRoute',
  'grpcRoute',
  'tlsRoute',
  'tcpRoute',
  'service',
  'subset',
]);

/**
 * The load balancers and gateway pods in front of Gateway API Gateways (the flow edges into such
 * a Gateway come from its pods, and those into the pods from its load balancers), and in front of
 * Kubernetes Ingresses (the pods that bind them).
 */
function gatewayApiChain(
  graph: FlowGraph,
  graphNodes: ReadonlyMap<string, GraphNode>,
): ReadonlySet<string> {
  const flows = graph.edges.filter((e) => e.kind === 'flow');
  const chain = new Set<string>();
  for (const edge of flows)
    if (graphNodes.get(edge.target)?.resource?.startsWith(`${K8S_GATEWAY}/`))
      chain.add(edge.source);
  // An Ingress controller's pods bind their Ingresses; its names (`ingress-nginx-controller`) are long too.
  for (const edge of graph.edges)
    if (edge.kind === 'bind' && graphNodes.get(edge.target)?.kind === 'ingress')
      chain.add(edge.source);
  for (const edge of flows)
    if (graphNodes.get(edge.target)?.kind === 'gatewayWorkload' && chain.has(edge.target))
      chain.add(edge.source);
  return chain;
}

function baseNode(
  node: GraphNode,
  kind: CanvasNodeKind,
  object: ManifestObject | undefined,
  rows: readonly GraphNode[],
  width: number,
): BaseNode {
  // Only modelled objects: a `kind: VirtualService` of an API version we do not read is not one.
  const typed = object && isModelled(object) ? object : undefined;
  const vs = typed?.kind === 'VirtualService' ? typed : undefined;
  const servers: ServerSummary[] =
    typed?.kind === 'Gateway' ? typed.servers.map(serverSummary) : [];
  const lines = vs ? [vs.hosts.join(', ') || 'delegate (no hosts)'] : nodeDetails(node, object);
  const domAttributes: Record<string, string> = { 'data-kind': node.kind };
  if (node.resource !== undefined) domAttributes['data-resource'] = node.resource;
  const rules = rows.filter((r) => r.kind === 'route').map((r) => ruleRow(r, typed));
  const listeners = rows.filter((r) => r.kind === 'listener').map((r) => listenerRow(r, typed));
  return {
    id: node.id,
    type: kind,
    data: { node, lines, servers, rules, listeners, width },
    ariaLabel: nodeAriaLabel(node.kind, node.label),
    domAttributes,
    // Connections are drawn from gateways, listener and rule rows to what they may bind or route to.
    connectable: CONNECTABLE.has(node.kind),
  };
}

function ruleRow(route: GraphNode, owner: ModelledObject | undefined): RuleRowData {
  const index = route.index ?? 0;
  const base = { id: route.id, label: route.label, resource: route.resource, index };
  if (route.section === 'rules' && owner?.kind === 'Ingress')
    return { ...base, section: 'rules', match: ingressRowMatch(owner, index), tags: [] };
  if (route.section === 'rules') {
    const gatewayRoute =
      owner?.kind === 'HTTPRoute' ||
      owner?.kind === 'GRPCRoute' ||
      owner?.kind === 'TLSRoute' ||
      owner?.kind === 'TCPRoute'
        ? owner
        : undefined;
    return {
      ...base,
      section: 'rules',
      match: gatewayRoute ? gatewayRuleMatch(gatewayRoute, index) : '',
      tags: gatewayRoute ? gatewayRuleTags(gatewayRoute, index) : [],
    };
  }
  const section = route.section ?? 'http';
  const vs = owner?.kind === 'VirtualService' ? owner : undefined;
  const rule = vs?.[section][index];
  return {
    ...base,
    section,
    match: rule ? matchSummary(rule.match, section) : '',
    tags: rule && section === 'http' ? ruleActionTags(rule as HttpRoute) : [],
  };
}

function listenerRow(node: GraphNode, owner: ModelledObject | undefined): ListenerRowData {
  const listener =
    owner?.kind === K8S_GATEWAY && node.index !== undefined
      ? owner.listeners[node.index]
      : undefined;
  const summary = listener
    ? listenerSummary(listener)
    : { port: '', hostname: '', tls: undefined, allowed: '' };
  return { id: node.id, label: node.label, resource: node.resource, ...summary };
}

/**
 * A Gateway API Gateway that Istio does not run (another vendor's class, a waypoint's) is drawn
 * without gateway pods: its node says why, so the missing chain is not taken for a fault.
 */
function gatewayNote(base: BaseNode, workspace: Workspace): BaseNode {
  const node = base.data.node;
  if (node.kind !== 'gateway' || !node.resource?.startsWith(`${K8S_GATEWAY}/`)) return base;
  const indexed = gatewaysById(workspace).get(node.resource);
  if (!indexed || indexed.deployment) return base;
  const note = indexed.controller
    ? `controller ${indexed.controller}: no ingress pods drawn`
    : `class ${indexed.gateway.gatewayClassName || '(none)'} is unknown: no gateway pods`;
  return { ...base, data: { ...base.data, lines: [...base.data.lines, note] } };
}

const gatewayCache = new WeakMap<Workspace, ReadonlyMap<string, IndexedGateway>>();

/** The workspace's Gateway API Gateways by resource id (the index lists them in order). */
function gatewaysById(workspace: Workspace): ReadonlyMap<string, IndexedGateway> {
  let map = gatewayCache.get(workspace);
  if (!map) {
    map = new Map(gatewayApiIndex(workspace).gateways.map((g) => [g.entry.id, g]));
    gatewayCache.set(workspace, map);
  }
  return map;
}

const objectCache = new WeakMap<Workspace, ReadonlyMap<string, ManifestObject>>();

/** Typed manifests by resource id, first one winning (as the graph reads repeated ids). */
function objectsById(workspace: Workspace): ReadonlyMap<string, ManifestObject> {
  const cached = objectCache.get(workspace);
  if (cached) return cached;
  const map = new Map<string, ManifestObject>();
  for (const entry of entries(workspace)) if (!map.has(entry.id)) map.set(entry.id, entry.object);
  objectCache.set(workspace, map);
  return map;
}
