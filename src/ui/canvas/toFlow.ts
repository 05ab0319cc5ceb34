import { MarkerType } from '@xyflow/react';
import type { FlowGraph, GraphEdge, GraphNode } from '../../graph/types.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { isModelled, type ManifestObject, type ModelledObject } from '../../model/kinds.ts';
import type { HttpRoute } from '../../model/virtualService.ts';
import { gatewayApiIndex, type IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import { entries, type Workspace } from '../../workspace/workspace.ts';
import { edgeAriaLabel } from './edgeNames.ts';
import type {
  BaseNode,
  CanvasEdge,
  CanvasNodeKind,
  ListenerRowData,
  RuleRowData,
} from './flowTypes.ts';
import { gatewayRuleMatch, gatewayRuleTags, listenerSummary } from './gatewayApiSummaries.ts';
import { ingressNote, ingressRowMatch } from './ingressSummaries.ts';
import { BROKEN_EDGE_LOOK, EDGE_LOOK, nodeAriaLabel, nodeWidth } from './kindLook.ts';
import { nodeDetails } from './nodeDetails.ts';
import {
  matchSummary,
  mirrorLabel,
  ruleActionTags,
  type ServerSummary,
  serverSummary,
  splitLabels,
} from './summaries.ts';

/** The canvas's view of a graph: React Flow nodes (without places yet) and edges. */
export interface FlowElements {
  readonly nodes: readonly BaseNode[];
  readonly edges: readonly CanvasEdge[];
  /** Graph nodes and edges by id, for selection and deletion. */
  readonly graphNodes: ReadonlyMap<string, GraphNode>;
  readonly graphEdges: ReadonlyMap<string, GraphEdge>;
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
  const services = subsetServices(graph, graphNodes);
  const nodes: BaseNode[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'route' || node.kind === 'listener') continue;
    const object = node.resource === undefined ? undefined : objects.get(node.resource);
    const rows = rowsByParent.get(node.id) ?? [];
    const width = nodeWidth(node, chain.has(node.id));
    const plain = baseNode(node, node.kind, object, rows, width);
    const service = services.get(node.id);
    const base = service ? { ...plain, data: { ...plain.data, service } } : plain;
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

/** Nodes drawn as rows of their parent: rules and listeners. */
function isRow(node: GraphNode): boolean {
  return node.kind === 'route' || node.kind === 'listener';
}

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

function flowEdges(
  graph: FlowGraph,
  graphNodes: ReadonlyMap<string, GraphNode>,
  objects: ReadonlyMap<string, ManifestObject>,
): CanvasEdge[] {
  const percentages = splitLabels(graph.edges);
  const out: CanvasEdge[] = [];
  for (const edge of graph.edges) {
    if (edge.kind === 'rule' || edge.kind === 'listener') continue;
    const from = graphNodes.get(edge.source);
    const to = graphNodes.get(edge.target);
    const fromRow = from !== undefined && isRow(from) && from.parent !== null;
    const source = fromRow ? (from.parent as string) : edge.source;
    const target = to && isRow(to) && to.parent !== null ? to.parent : edge.target;
    if (source === target) continue;
    const look = edge.broken ? BROKEN_EDGE_LOOK : EDGE_LOOK[edge.kind];
    const label = withReference(
      edge,
      edge.kind === 'mirror'
        ? mirrorLabel(mirrorPercentage(edge, from, objects))
        : edge.kind === 'delegate'
          ? 'delegate'
          : percentages.get(edge.id),
    );
    const domAttributes: Record<string, string> = { 'data-edge-kind': edge.kind };
    if (edge.broken) domAttributes['data-broken'] = edge.broken;
    if (edge.grant) domAttributes['data-grant'] = edge.grant;
    out.push({
      id: edge.id,
      source,
      target,
      ...(fromRow ? { sourceHandle: edge.source } : {}),
      ...(label === undefined ? {} : { label }),
      type: 'labeled',
      className: `edge-${edge.kind}${edge.broken ? ' edge--broken' : ''}`,
      data: { edge, kind: edge.kind },
      style: {
        stroke: look.color,
        strokeWidth: look.width,
        ...(look.dash ? { strokeDasharray: look.dash } : {}),
      },
      ...(look.arrow
        ? { markerEnd: { type: MarkerType.ArrowClosed, color: look.color, width: 14, height: 14 } }
        : {}),
      ariaLabel: edgeAriaLabel(edge, label, graphNodes),
      domAttributes,
    });
  }
  return out;
}

const BROKEN_TEXT: Readonly<Record<NonNullable<GraphEdge['broken']>, string>> = {
  RefNotPermitted: 'RefNotPermitted: no ReferenceGrant',
  BackendNotFound: 'BackendNotFound',
  InvalidKind: 'InvalidKind',
};

/**
 * A backendRef's label says what a person must know about the reference itself: why it does not
 * resolve (`RefNotPermitted`), or the ReferenceGrant that lets it cross namespaces.
 */
function withReference(edge: GraphEdge, label: string | undefined): string | undefined {
  const reference = edge.broken
    ? BROKEN_TEXT[edge.broken]
    : edge.grant
      ? `grant ${edge.grant.slice(edge.grant.lastIndexOf('/') + 1)}`
      : undefined;
  if (reference === undefined) return label;
  return label === undefined ? reference : `${label} · ${reference}`;
}

/** A mirror's sampling percentage, read where the edge's origin says it is written. */
function mirrorPercentage(
  edge: GraphEdge,
  route: GraphNode | undefined,
  objects: ReadonlyMap<string, ManifestObject>,
): number | undefined {
  const path = edge.origin?.paths[0];
  const vs = edge.origin ? objects.get(edge.origin.resource) : undefined;
  if (!path || !vs || !isModelled(vs)) return undefined;
  if (vs.kind === 'HTTPRoute' || vs.kind === 'GRPCRoute') return gatewayMirrorPercent(vs, path);
  if (vs.kind !== 'VirtualService') return undefined;
  if (route?.index === undefined) return undefined;
  const rule = vs.http[route.index];
  if (!rule) return undefined;
  const slot = path[path.length - 2] === 'mirrors' ? path[path.length - 1] : undefined;
  if (typeof slot === 'number') return rule.mirrors?.[slot]?.percentage;
  return rule.mirrorPercentage;
}

/**
 * A RequestMirror filter's percentage, at `['spec','rules',i,('backendRefs',j,)'filters',k]`;
 * undefined when it mirrors every request (the API's default), so the label stays `mirror`.
 */
function gatewayMirrorPercent(
  route: Extract<ModelledObject, { kind: 'HTTPRoute' | 'GRPCRoute' }>,
  path: readonly (string | number)[],
): number | undefined {
  const [, , i, part, j, , k] = path;
  const rule = typeof i === 'number' ? route.rules[i] : undefined;
  const filters =
    part === 'backendRefs' && typeof j === 'number' ? rule?.backendRefs[j]?.filters : rule?.filters;
  const at = part === 'backendRefs' ? k : j;
  const filter = typeof at === 'number' ? filters?.[at] : undefined;
  if (filter?.type !== 'RequestMirror' || filter.percent >= 100) return undefined;
  return filter.percent;
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
