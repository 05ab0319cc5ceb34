import { MarkerType } from '@xyflow/react';
import type { FlowGraph, GraphEdge, GraphNode } from '../../graph/types.ts';
import { isModelled, type ManifestObject, type ModelledObject } from '../../model/kinds.ts';
import { edgeAriaLabel } from './edgeNames.ts';
import type { CanvasEdge } from './flowTypes.ts';
import { BROKEN_EDGE_LOOK, EDGE_LOOK } from './kindLook.ts';
import { mirrorLabel, splitLabels } from './summaries.ts';

/**
 * The canvas's edges: from a rule or listener row through its node's handle, into a row's node,
 * labelled with shares, mirror percentages and what a reference needs (a ReferenceGrant, why it
 * does not resolve). An unchanged edge between unchanged nodes keeps its element.
 */
export function flowEdges(
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
    const label = withReference(
      edge,
      edge.kind === 'mirror'
        ? mirrorLabel(mirrorPercentage(edge, from, objects))
        : edge.kind === 'delegate'
          ? 'delegate'
          : percentages.get(edge.id),
    );
    // The same edge between the same nodes with the same label: the same element.
    const known = madeEdges.get(edge);
    if (known && known.from === from && known.to === to && known.label === label) {
      if (known.flow) out.push(known.flow);
      continue;
    }
    const flow = flowEdge(edge, from, to, label, graphNodes);
    madeEdges.set(edge, { from, to, label, flow });
    if (flow) out.push(flow);
  }
  return out;
}

const madeEdges = new WeakMap<
  GraphEdge,
  {
    readonly from: GraphNode | undefined;
    readonly to: GraphNode | undefined;
    readonly label: string | undefined;
    readonly flow: CanvasEdge | undefined;
  }
>();

/** An edge as the canvas draws it (from a row's handle, into a row's node); none into itself. */
function flowEdge(
  edge: GraphEdge,
  from: GraphNode | undefined,
  to: GraphNode | undefined,
  label: string | undefined,
  graphNodes: ReadonlyMap<string, GraphNode>,
): CanvasEdge | undefined {
  const fromRow = from !== undefined && isRow(from) && from.parent !== null;
  const source = fromRow ? (from.parent as string) : edge.source;
  const target = to && isRow(to) && to.parent !== null ? to.parent : edge.target;
  if (source === target) return undefined;
  const look = edge.broken ? BROKEN_EDGE_LOOK : EDGE_LOOK[edge.kind];
  const domAttributes: Record<string, string> = { 'data-edge-kind': edge.kind };
  if (edge.broken) domAttributes['data-broken'] = edge.broken;
  if (edge.grant) domAttributes['data-grant'] = edge.grant;
  return {
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
  };
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

/** Nodes drawn as rows of their parent: rules and listeners. */
export function isRow(node: GraphNode): boolean {
  return node.kind === 'route' || node.kind === 'listener';
}
