import type { NodeTypes } from '@xyflow/react';
import type { CanvasNodeKind } from '../flowTypes.ts';
import { GatewayNode } from './GatewayNode.tsx';
import { GroupNode } from './GroupNode.tsx';
import { ResourceNode } from './ResourceNode.tsx';
import { VirtualServiceNode } from './VirtualServiceNode.tsx';

/**
 * The node component of each kind. Defined once at module level: React Flow re-creates its
 * node renderers when this object changes identity.
 */
export const NODE_TYPES: Readonly<Record<CanvasNodeKind, NodeTypes[string]>> = {
  client: ResourceNode,
  loadBalancer: ResourceNode,
  gatewayWorkload: ResourceNode,
  gateway: GatewayNode,
  virtualService: VirtualServiceNode,
  service: ResourceNode,
  subset: ResourceNode,
  pods: ResourceNode,
  autoscaler: ResourceNode,
  disruptionBudget: ResourceNode,
  envoyFilter: ResourceNode,
  monitor: ResourceNode,
  alertRules: ResourceNode,
  dashboard: ResourceNode,
  httpRoute: VirtualServiceNode,
  grpcRoute: VirtualServiceNode,
  tlsRoute: VirtualServiceNode,
  tcpRoute: VirtualServiceNode,
  ingress: VirtualServiceNode,
  group: GroupNode,
};
