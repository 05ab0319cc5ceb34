import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasNode } from '../flowTypes.ts';
import { NodeFrame } from './NodeFrame.tsx';

/**
 * The node of every kind whose body is a few facts (client, load balancer, gateway pods,
 * service, subset, pods, autoscaler, disruption budget, EnvoyFilter): what differs between
 * them is data (`KIND_LOOK`, `nodeDetails`), not markup.
 */
export const ResourceNode = memo(function ResourceNode({ data, selected }: NodeProps<CanvasNode>) {
  return <NodeFrame data={data} selected={selected} target={data.node.kind !== 'client'} />;
});
