import type { NodeKind } from '../../graph/types.ts';
import type { BaseNode } from './flowTypes.ts';

/**
 * Size estimates for the layout, before (or without) the browser measuring the nodes. They
 * follow canvas.css: change one, change the other. The layout only needs them close enough to
 * keep nodes from overlapping; real sizes replace them once React Flow has measured.
 */
export const NODE_METRICS = {
  header: 46,
  line: 17,
  server: 38,
  /** A rule row: label line plus match line. */
  row: 42,
  /** Extra height of a rule row that shows action tags. */
  rowTags: 18,
  /** A Gateway API listener row: name and port, hostname and TLS, allowed routes. */
  listenerRow: 59,
  padding: 14,
} as const;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A node reduced to what a layout needs. */
export interface SizedNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly size: Size;
}

/** Each node with its measured size where React Flow has one, else the estimate. */
export function sizeNodes(
  nodes: readonly BaseNode[],
  measured: ReadonlyMap<string, Size>,
): SizedNode[] {
  return nodes.map((node) => ({
    id: node.id,
    kind: node.data.node.kind,
    size: measured.get(node.id) ?? estimateSize(node),
  }));
}

/**
 * The estimated size of a node from its content: a VirtualService or route grows with its
 * rules, a Gateway with its servers or listeners.
 */
export function estimateSize(node: BaseNode): Size {
  const { lines, servers } = node.data;
  const m = NODE_METRICS;
  let height = m.header + m.padding + lines.length * m.line;
  for (const server of servers)
    height += m.server + (server.tls || server.httpsRedirect ? m.line : 0);
  for (const row of rowHeights(node)) height += row.height;
  return { width: node.data.width, height };
}

/** The rows of a node (rules, listeners) with their heights, in the order they are drawn. */
function rowHeights(node: BaseNode): { id: string; height: number }[] {
  const m = NODE_METRICS;
  return [
    ...node.data.listeners.map((listener) => ({ id: listener.id, height: m.listenerRow })),
    ...node.data.rules.map((rule) => ({
      id: rule.id,
      height: m.row + (rule.tags.length > 0 ? m.rowTags : 0),
    })),
  ];
}

/**
 * Where each rule or listener row's handle sits, from the node's top: the layout gives each row
 * a port there, so the targets of a row line up with it.
 */
export function rulePortOffsets(node: BaseNode): { id: string; y: number }[] {
  const m = NODE_METRICS;
  let y = m.header + m.padding / 2 + node.data.lines.length * m.line;
  return rowHeights(node).map((row) => {
    const port = { id: row.id, y: y + row.height / 2 };
    y += row.height;
    return port;
  });
}
