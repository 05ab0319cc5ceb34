import { Handle, Position, useConnection } from '@xyflow/react';
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { elideMiddle } from '../elideMiddle.ts';
import type { CanvasNodeData } from '../flowTypes.ts';
import { isFocusable } from '../focus.ts';
import { KIND_LOOK } from '../kindLook.ts';
import { nameWidth } from '../nameWidth.ts';
import { impliedParts } from '../nodeDetails.ts';
import { FocusButton } from './FocusButton.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';

export interface NodeFrameProps {
  readonly data: CanvasNodeData;
  readonly selected: boolean;
  /** Whether edges can arrive (every kind but the client). */
  readonly target?: boolean;
  /** Whether edges leave from the node as a whole (VirtualServices leave from their rows). */
  readonly source?: boolean;
  readonly children?: ReactNode;
}

/**
 * The shell every node shares: the kind's badge and colour from `KIND_LOOK`, the name, the
 * namespace, an "implied" tag for what the manifests do not hold, the detail lines, and handles.
 * `data-kind`/`data-resource` and the accessible name sit on React Flow's wrapper (see toFlow.ts).
 */
export function NodeFrame({
  data,
  selected,
  target = true,
  source = true,
  children,
}: NodeFrameProps) {
  const { node, lines } = data;
  const leaving = useConnection((c) => c.fromNode?.id === node.id);
  const look = KIND_LOOK[node.kind];
  const width = data.width;
  // A subset says which service it is of (`Subset · svc-3`): its namespace would not tell apart
  // the many `v1`s of a large workspace.
  const namespace = data.service ?? node.resource?.split('/')[1];
  // The tag says "implied" already, and the first line why: the graph's label carries both for
  // text-only readers.
  const name = node.implied ? impliedParts(node.label).name : node.label;
  const shown = useMemo(
    () => elideMiddle(name, nameRoom(width, look.glyph), nameWidth),
    [name, width, look.glyph],
  );
  const className = ['cnode', selected && 'cnode--selected', node.implied && 'cnode--implied']
    .filter(Boolean)
    .join(' ');
  const style = { '--kind-color': look.color, width } as CSSProperties;
  return (
    <div className={className} style={style}>
      {target && (
        // The whole node: while a connection is drawn, a drop anywhere on it ends there (canvas.css).
        // Every kind takes the drop, so the gesture engine can say why most refuse it, but the
        // node the connection leaves from (its own rows); none starts a connection (Gateways
        // start from their source handle, rules from their row).
        <Handle
          type="target"
          position={Position.Left}
          isConnectable
          isConnectableStart={false}
          isConnectableEnd={!leaving}
        />
      )}
      <div className="cnode__header">
        <span className="cnode__glyph" aria-hidden="true">
          {look.glyph}
        </span>
        <span className="cnode__titles">
          <span className="cnode__kind">
            {look.title}
            {namespace ? ` · ${namespace}` : ''}
            {node.implied && <span className="cnode__tag">implied</span>}
          </span>
          <span className="cnode__name" title={node.label}>
            {shown}
          </span>
        </span>
        <ProblemBadge id={node.id} />
      </div>
      {(lines.length > 0 || children) && (
        <div className="cnode__body">
          {lines.map((line) => (
            <div key={line} className="cnode__line" title={line}>
              {line}
            </div>
          ))}
          {children}
        </div>
      )}
      {source && (
        <Handle type="source" position={Position.Right} isConnectable={node.kind === 'gateway'} />
      )}
      {isFocusable(node.kind) && <FocusButton selected={selected} />}
    </div>
  );
}

/**
 * The width left for the name in the header (canvas.css `.cnode__header`): the node's width less
 * its borders (5 + 1.5), padding (8 + 10), the badge (at least 30 px, wider for three letters)
 * and the gap after it, with a few pixels to spare for a problem badge's margin.
 */
function nameRoom(width: number, glyph: string): number {
  const badge = Math.max(30, glyph.length * 7 + 8);
  return width - 6.5 - 18 - badge - 8 - 4;
}
