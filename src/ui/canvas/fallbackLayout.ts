import type { NodeKind } from '../../graph/types.ts';
import type { XY } from '../../store/designerStore.ts';
import type { SizedNode } from './nodeSize.ts';
import { COLUMN_GAP, ROW_GAP } from './spacing.ts';

/**
 * Where each kind stands in the request path, left to right. The quick layout below uses it as
 * the column; it matches what the layered layout produces for an ordinary ingress path.
 */
export const KIND_COLUMN: Readonly<Record<NodeKind, number>> = {
  client: 0,
  loadBalancer: 1,
  gatewayWorkload: 2,
  gateway: 3,
  autoscaler: 3,
  disruptionBudget: 3,
  envoyFilter: 3,
  monitor: 3,
  alertRules: 3,
  dashboard: 3,
  listener: 3,
  virtualService: 4,
  httpRoute: 4,
  grpcRoute: 4,
  tlsRoute: 4,
  tcpRoute: 4,
  ingress: 4,
  route: 4,
  service: 5,
  subset: 6,
  pods: 7,
};

/**
 * Kinds that hang off the gateway pods rather than carry traffic. Both layouts put them after
 * the rest (the layered one keeps model order), so the Gateway stays level with its pods and
 * these go below it.
 */
export const SIDE_KINDS: ReadonlySet<NodeKind> = new Set([
  'autoscaler',
  'disruptionBudget',
  'envoyFilter',
  'monitor',
  'alertRules',
  'dashboard',
]);

/** Nodes with the side kinds moved to the end, order otherwise kept. */
export function sideKindsLast<T extends { readonly kind: NodeKind }>(nodes: readonly T[]): T[] {
  return [
    ...nodes.filter((n) => !SIDE_KINDS.has(n.kind)),
    ...nodes.filter((n) => SIDE_KINDS.has(n.kind)),
  ];
}

/**
 * A layout computed in one pass, shown until the real one arrives from the worker, so the
 * first graph appears at once: one column per kind, nodes stacked in graph order, each column
 * centred on the same line as the layered layout roughly does, so the switch barely moves things.
 */
export function columnLayout(given: readonly SizedNode[]): Record<string, XY> {
  const nodes = sideKindsLast(given);
  const widths: number[] = [];
  const heights: number[] = [];
  for (const node of nodes) {
    const column = KIND_COLUMN[node.kind];
    widths[column] = Math.max(widths[column] ?? 0, node.size.width);
    heights[column] = (heights[column] ?? -ROW_GAP) + node.size.height + ROW_GAP;
  }
  const xs: number[] = [];
  let x = 0;
  for (let column = 0; column < widths.length; column++) {
    xs[column] = x;
    if (widths[column] !== undefined) x += (widths[column] as number) + COLUMN_GAP;
  }
  const tallest = Math.max(0, ...heights.filter((h) => h !== undefined));
  const ys = heights.map((h) => (tallest - (h ?? 0)) / 2);
  const out: Record<string, XY> = {};
  for (const node of nodes) {
    const column = KIND_COLUMN[node.kind];
    const y = ys[column] ?? 0;
    out[node.id] = { x: xs[column] ?? 0, y };
    ys[column] = y + node.size.height + ROW_GAP;
  }
  return out;
}
