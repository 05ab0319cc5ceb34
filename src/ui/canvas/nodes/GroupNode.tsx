import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, type MouseEvent, memo } from 'react';
import { selectProblemCounts } from '../../../store/selectors.ts';
import { useDesigner } from '../../StoreContext.tsx';
import type { CanvasNode } from '../flowTypes.ts';

/**
 * A group of nodes (a namespace's, a host's). Collapsed, it stands for them: its name, how many
 * resources of each kind, how many problems they have, and edges to what they connect to.
 * Open, it is a slim header above its nodes. Its button (or Enter on it: useCanvasKeys) opens
 * or collapses it.
 */
export const GroupNode = memo(function GroupNode({ data }: NodeProps<CanvasNode>) {
  const group = data.group;
  const setGroupOpen = useDesigner((s) => s.setGroupOpen);
  const problems = useDesigner((s) => {
    if (!group || group.open) return 0;
    const counts = selectProblemCounts(s);
    let total = 0;
    for (const id of group.members) {
      const c = counts.get(id);
      if (c) total += c.error + c.warning + c.info;
    }
    return total;
  });
  if (!group) return null;
  const title = group.by === 'namespace' ? 'Namespace' : 'Host';
  // The node's own click (FlowCanvas) toggles too: once is enough.
  const toggle = (event: MouseEvent) => {
    event.stopPropagation();
    setGroupOpen([group.key], !group.open);
  };
  const action = group.open ? 'Collapse' : 'Expand';
  const style = { width: data.width } as CSSProperties;
  return (
    <div className={`cnode cgroup${group.open ? ' cgroup--open' : ''}`} style={style}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="cnode__header">
        <span className="cnode__glyph" aria-hidden="true">
          {group.by === 'namespace' ? 'NS' : 'H'}
        </span>
        <span className="cnode__titles">
          <span className="cnode__kind">
            {title} · {group.resources} resource{group.resources === 1 ? '' : 's'}
          </span>
          <span className="cnode__name" title={group.name}>
            {group.name}
          </span>
        </span>
        <button
          type="button"
          className="cgroup__toggle nodrag"
          onClick={toggle}
          aria-label={`${action} ${title.toLowerCase()} ${group.name}`}
          title={`${action} (Enter)`}
        >
          {group.open ? '−' : '+'}
        </button>
      </div>
      {!group.open && (
        <div className="cnode__body">
          {data.lines.map((line) => (
            <div key={line} className="cnode__line" title={line}>
              {line}
            </div>
          ))}
          {problems > 0 && (
            <div className="cnode__line cgroup__problems">
              {problems} problem{problems === 1 ? '' : 's'}
            </div>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
