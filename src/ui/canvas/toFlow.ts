import { MarkerType } from '@xyflow/react';
import type { FlowGraph, GraphEdge, GraphNode } from '../../graph/types.ts';
import { isModelled, type ManifestObject } from '../../model/kinds.ts';
import type { HttpRoute, VirtualService } from '../../model/virtualService.ts';
import { entries, type Workspace } from '../../workspace/workspace.ts';
import { edgeAriaLabel } from './edgeNames.ts';
import type { BaseNode, CanvasEdge, CanvasNodeKind, RuleRowData } from './flowTypes.ts';
import { EDGE_LOOK, nodeAriaLabel } from './kindLook.ts';
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
 * VirtualService (CONTRACT section 5: each thing drawn once), so edges leaving a route leave
 * from its VirtualService through the row's handle, and `rule` edges (VirtualService → its own
 * row) are not drawn. Pure; the caller memoises it by graph identity.
 */
export function toFlowElements(graph: FlowGraph, workspace: Workspace): FlowElements {
  const objects = objectsById(workspace);
  const graphNodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const rowsByParent = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (node.kind !== 'route' || node.parent === null) continue;
    const rows = rowsByParent.get(node.parent);
    if (rows) rows.push(node);
    else rowsByParent.set(node.parent, [node]);
  }

  const nodes: BaseNode[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'route') continue;
    const object = node.resource === undefined ? undefined : objects.get(node.resource);
    nodes.push(baseNode(node, node.kind, object, rowsByParent.get(node.id) ?? []));
  }

  return {
    nodes,
    edges: flowEdges(graph, graphNodes, objects),
    graphNodes,
    graphEdges: new Map(graph.edges.map((e) => [e.id, e])),
  };
}

/** Kinds a new connection may start from or end at (see src/edit/gestures/connect.ts). */
const CONNECTABLE: ReadonlySet<string> = new Set([
  'gateway',
  'virtualService',
  'service',
  'subset',
]);

function baseNode(
  node: GraphNode,
  kind: CanvasNodeKind,
  object: ManifestObject | undefined,
  routes: readonly GraphNode[],
): BaseNode {
  // Only modelled objects: a `kind: VirtualService` of an API version we do not read is not one.
  const typed = object && isModelled(object) ? object : undefined;
  const vs = typed?.kind === 'VirtualService' ? typed : undefined;
  const servers: ServerSummary[] =
    typed?.kind === 'Gateway' ? typed.servers.map(serverSummary) : [];
  const lines = vs ? [vs.hosts.join(', ') || 'delegate (no hosts)'] : nodeDetails(node, object);
  const domAttributes: Record<string, string> = { 'data-kind': node.kind };
  if (node.resource !== undefined) domAttributes['data-resource'] = node.resource;
  return {
    id: node.id,
    type: kind,
    data: { node, lines, servers, rules: routes.map((r) => ruleRow(r, vs)) },
    ariaLabel: nodeAriaLabel(node.kind, node.label),
    domAttributes,
    // Connections are drawn from gateways and rule rows to what they may bind or route to.
    connectable: CONNECTABLE.has(node.kind),
  };
}

function ruleRow(route: GraphNode, vs: VirtualService | undefined): RuleRowData {
  const section = route.section === 'rules' || !route.section ? 'http' : route.section;
  const rule = vs && route.index !== undefined ? vs[section][route.index] : undefined;
  return {
    id: route.id,
    label: route.label,
    match: rule ? matchSummary(rule.match, section) : '',
    tags: rule && section === 'http' ? ruleActionTags(rule as HttpRoute) : [],
    resource: route.resource,
    section,
    index: route.index ?? 0,
  };
}

function flowEdges(
  graph: FlowGraph,
  graphNodes: ReadonlyMap<string, GraphNode>,
  objects: ReadonlyMap<string, ManifestObject>,
): CanvasEdge[] {
  const percentages = splitLabels(graph.edges);
  const out: CanvasEdge[] = [];
  for (const edge of graph.edges) {
    if (edge.kind === 'rule') continue;
    const from = graphNodes.get(edge.source);
    const to = graphNodes.get(edge.target);
    const fromRow = from?.kind === 'route' && from.parent !== null;
    const source = fromRow ? (from.parent as string) : edge.source;
    const target = to?.kind === 'route' && to.parent !== null ? to.parent : edge.target;
    if (source === target) continue;
    const look = EDGE_LOOK[edge.kind];
    const label =
      edge.kind === 'mirror'
        ? mirrorLabel(mirrorPercentage(edge, from, objects))
        : edge.kind === 'delegate'
          ? 'delegate'
          : percentages.get(edge.id);
    out.push({
      id: edge.id,
      source,
      target,
      ...(fromRow ? { sourceHandle: edge.source } : {}),
      ...(label === undefined ? {} : { label }),
      type: 'labeled',
      className: `edge-${edge.kind}`,
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
      domAttributes: { 'data-edge-kind': edge.kind } as Record<string, string>,
    });
  }
  return out;
}

/** A mirror's sampling percentage, read where the edge's origin says it is written. */
function mirrorPercentage(
  edge: GraphEdge,
  route: GraphNode | undefined,
  objects: ReadonlyMap<string, ManifestObject>,
): number | undefined {
  const path = edge.origin?.paths[0];
  const vs = edge.origin ? objects.get(edge.origin.resource) : undefined;
  if (!path || !vs || !isModelled(vs) || vs.kind !== 'VirtualService') return undefined;
  if (route?.index === undefined) return undefined;
  const rule = vs.http[route.index];
  if (!rule) return undefined;
  const slot = path[path.length - 2] === 'mirrors' ? path[path.length - 1] : undefined;
  if (typeof slot === 'number') return rule.mirrors?.[slot]?.percentage;
  return rule.mirrorPercentage;
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
