import type { XY } from '../../store/designerStore.ts';
import type { BaseNode, CanvasEdge } from '../canvas/flowTypes.ts';
import { GROUP_COLOR } from '../canvas/grouping.ts';
import { KIND_LOOK } from '../canvas/kindLook.ts';
import { impliedParts } from '../canvas/nodeDetails.ts';
import type { Diagram, DiagramEdge, DiagramNode, DiagramRow } from './diagramSvg.ts';

/** Where a label sits on its edge, as on the canvas (LabeledEdge): a split's share near its rule. */
const LABEL_AT: Readonly<Record<string, number>> = { route: 0.25, mirror: 0.75 };

/**
 * The canvas's elements as a diagram: each node at its place on the canvas, with the header,
 * facts and rows the canvas shows; edges from the row they leave (a rule's) to their target.
 * Pure: the canvas's own `toFlowElements` made the elements, so the picture says what it says.
 */
export function diagramOf(
  nodes: readonly BaseNode[],
  edges: readonly CanvasEdge[],
  places: Readonly<Record<string, XY>>,
): Diagram {
  const drawn: DiagramNode[] = [];
  for (const node of nodes) {
    const place = places[node.id];
    if (place) drawn.push(diagramNode(node, place));
  }
  const ids = new Set(drawn.map((node) => node.id));
  const lines: DiagramEdge[] = [];
  for (const edge of edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target) || edge.hidden) continue;
    const style = edge.style ?? {};
    const label = typeof edge.label === 'string' ? edge.label : undefined;
    const kind = edge.data?.kind ?? 'flow';
    lines.push({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.sourceHandle ? { fromRow: edge.sourceHandle } : {}),
      ...(label ? { label } : {}),
      color: typeof style.stroke === 'string' ? style.stroke : '#64748b',
      width: typeof style.strokeWidth === 'number' ? style.strokeWidth : 1.5,
      ...(typeof style.strokeDasharray === 'string' ? { dash: style.strokeDasharray } : {}),
      arrow: edge.markerEnd !== undefined,
      labelAt: LABEL_AT[kind] ?? 0.5,
    });
  }
  return { nodes: drawn, edges: lines };
}

function diagramNode(node: BaseNode, place: XY): DiagramNode {
  const { data } = node;
  const graphNode = data.node;
  const group = data.group;
  if (group) {
    const title = group.by === 'namespace' ? 'Namespace' : 'Host';
    return {
      id: node.id,
      title: `${title} · ${group.resources} resource${group.resources === 1 ? '' : 's'}`,
      name: group.name,
      glyph: group.by === 'namespace' ? 'NS' : 'H',
      color: GROUP_COLOR,
      x: place.x,
      y: place.y,
      width: data.width,
      lines: group.open ? [] : group.kinds.map((k) => `${k.count} ${KIND_LOOK[k.kind].title}`),
      rows: [],
    };
  }
  const look = KIND_LOOK[graphNode.kind];
  const namespace = data.service ?? graphNode.resource?.split('/')[1];
  const name = graphNode.implied ? impliedParts(graphNode.label).name : graphNode.label;
  const rows: DiagramRow[] = [
    ...data.servers.map((server, i) => ({
      id: `${node.id}#server-${i}`,
      title: `${server.port}  ${server.hosts}`,
      lines: [
        ...(server.tls ? [server.tls] : []),
        ...(server.httpsRedirect ? ['→ HTTPS redirect'] : []),
      ],
    })),
    ...data.listeners.map((listener) => ({
      id: listener.id,
      title: `${listener.label} · ${listener.port}`,
      lines: [
        [listener.hostname, listener.tls].filter(Boolean).join(' · '),
        listener.allowed,
      ].filter((line) => line !== ''),
    })),
    ...data.rules.map((rule) => ({
      id: rule.id,
      title: rule.label,
      lines: [rule.match, ...(rule.tags.length > 0 ? [rule.tags.join(' · ')] : [])].filter(
        (line) => line !== '',
      ),
    })),
  ];
  return {
    id: node.id,
    title: `${look.title}${namespace ? ` · ${namespace}` : ''}${graphNode.implied ? ' (implied)' : ''}`,
    name,
    glyph: look.glyph,
    color: look.color,
    x: place.x,
    y: place.y,
    width: data.width,
    lines: data.lines,
    rows,
    ...(graphNode.implied ? { implied: true } : {}),
  };
}
