import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasNode } from '../flowTypes.ts';
import { NodeFrame } from './NodeFrame.tsx';
import { RuleRow } from './RuleRow.tsx';

/**
 * A VirtualService with its hosts and its rules as rows. Edges to destinations leave from the
 * rows (each has its own handle), so the node itself has no source handle.
 */
export const VirtualServiceNode = memo(function VirtualServiceNode({
  data,
  selected,
}: NodeProps<CanvasNode>) {
  return (
    <NodeFrame data={data} selected={selected} source={false}>
      {data.rules.length === 0 ? (
        <div className="cnode__line cnode__line--muted">no rules</div>
      ) : (
        <ol className="rules">
          {data.rules.map((rule) => (
            <RuleRow key={rule.id} rule={rule} />
          ))}
        </ol>
      )}
    </NodeFrame>
  );
});
