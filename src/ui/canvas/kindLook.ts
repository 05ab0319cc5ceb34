import type { EdgeKind, GraphNode, NodeKind } from '../../graph/types.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';

/** How a node kind looks: one table, so node components stay free of per-kind branches. */
export interface KindLook {
  /** The kind's name for people: the node's header and the start of its accessible name. */
  readonly title: string;
  /**
   * A short badge. Letters rather than emoji or icon fonts: they render the same everywhere
   * and the page loads no font from anywhere (CONTRACT section 5).
   */
  readonly glyph: string;
  /** Accent colour; mid-tone, so it reads on both the light and the dark canvas. */
  readonly color: string;
  /** Node width in pixels; fixed per kind so the layout's size estimate holds (see `nodeWidth`). */
  readonly width: number;
}

export const KIND_LOOK: Readonly<Record<NodeKind, KindLook>> = {
  client: { title: 'Client', glyph: 'IN', color: '#64748b', width: 120 },
  loadBalancer: { title: 'Load balancer', glyph: 'LB', color: '#ea580c', width: 220 },
  gatewayWorkload: { title: 'Gateway pods', glyph: 'GP', color: '#7c3aed', width: 230 },
  gateway: { title: 'Gateway', glyph: 'GW', color: '#9333ea', width: 220 },
  virtualService: { title: 'VirtualService', glyph: 'VS', color: '#2563eb', width: 240 },
  route: { title: 'Rule', glyph: 'R', color: '#2563eb', width: 240 },
  service: { title: 'Service', glyph: 'SVC', color: '#059669', width: 200 },
  subset: { title: 'Subset', glyph: 'SS', color: '#0d9488', width: 160 },
  pods: { title: 'Pods', glyph: 'POD', color: '#475569', width: 210 },
  autoscaler: { title: 'Autoscaler', glyph: 'HPA', color: '#ca8a04', width: 200 },
  disruptionBudget: { title: 'Disruption budget', glyph: 'PDB', color: '#db2777', width: 200 },
  envoyFilter: { title: 'EnvoyFilter', glyph: 'EF', color: '#92400e', width: 190 },
  monitor: { title: 'Monitor', glyph: 'MON', color: '#b45309', width: 200 },
  alertRules: { title: 'Alert rules', glyph: 'ALR', color: '#dc2626', width: 200 },
  dashboard: { title: 'Dashboard', glyph: 'DSH', color: '#0369a1', width: 200 },
  listener: { title: 'Listener', glyph: 'L', color: '#9333ea', width: 220 },
  httpRoute: { title: 'HTTPRoute', glyph: 'HR', color: '#2563eb', width: 310 },
  grpcRoute: { title: 'GRPCRoute', glyph: 'GR', color: '#2563eb', width: 310 },
  tlsRoute: { title: 'TLSRoute', glyph: 'TLS', color: '#2563eb', width: 240 },
  tcpRoute: { title: 'TCPRoute', glyph: 'TCP', color: '#2563eb', width: 240 },
  ingress: { title: 'Ingress', glyph: 'ING', color: '#2563eb', width: 310 },
};

/**
 * A node's width: its kind's, but for the Gateway API's ingress chain. A Gateway API Gateway's
 * listener rows say more than an Istio server (hostname, TLS, the routes it allows); the load
 * balancer and pods Istio generates for it are named `<gateway>-istio`, longer than the
 * default ingress's names. `gatewayApiChain`: the node fronts a Gateway API Gateway, or an
 * Ingress (`ingress-nginx-controller`).
 */
export function nodeWidth(
  node: Pick<GraphNode, 'kind' | 'resource'>,
  gatewayApiChain = false,
): number {
  if (node.kind === 'gateway' && node.resource?.startsWith(`${K8S_GATEWAY}/`)) return 250;
  if (gatewayApiChain && (node.kind === 'loadBalancer' || node.kind === 'gatewayWorkload'))
    return 260;
  return KIND_LOOK[node.kind].width;
}

/** How an edge kind is drawn. Dash patterns are SVG `stroke-dasharray` values. */
export interface EdgeLook {
  readonly color: string;
  readonly dash?: string;
  readonly width: number;
  /** Whether the edge carries requests (drawn with an arrow) or only relates two things. */
  readonly arrow: boolean;
}

export const EDGE_LOOK: Readonly<Record<EdgeKind, EdgeLook>> = {
  flow: { color: '#64748b', width: 2, arrow: true },
  bind: { color: '#9333ea', width: 1.5, arrow: true },
  rule: { color: '#2563eb', width: 1.5, arrow: true },
  listener: { color: '#9333ea', width: 1.5, arrow: true },
  route: { color: '#2563eb', width: 2, arrow: true },
  mirror: { color: '#0891b2', dash: '6 4', width: 1.5, arrow: true },
  delegate: { color: '#4f46e5', dash: '2 4', width: 2, arrow: true },
  subset: { color: '#0d9488', width: 1.5, arrow: true },
  select: { color: '#94a3b8', width: 1.5, arrow: true },
  attach: { color: '#a8a29e', dash: '1 3', width: 1.5, arrow: false },
};

/**
 * A Gateway API backendRef that does not resolve (RefNotPermitted, BackendNotFound,
 * InvalidKind): red and dashed whatever its kind, its label says why.
 */
export const BROKEN_EDGE_LOOK: EdgeLook = {
  color: '#dc2626',
  dash: '5 4',
  width: 2,
  arrow: true,
};

/** The accessible name of a node: `Gateway my-gateway`. */
export function nodeAriaLabel(kind: NodeKind, label: string): string {
  return `${KIND_LOOK[kind].title} ${label}`;
}
