import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { selectLitPath } from '../../../store/selectors.ts';
import { useDesigner } from '../../StoreContext.tsx';
import type { ListenerRowData } from '../flowTypes.ts';
import { ProblemBadge } from './ProblemBadge.tsx';

/**
 * One listener of a Gateway API Gateway: name, port and protocol, hostname and TLS, which routes
 * it allows. The row stands for the `listener` node of the graph (`data-kind="listener"`),
 * selects it, and is where the bind edges to its routes leave from; a connection drawn from its
 * handle attaches a route to this listener.
 */
export const ListenerRow = memo(function ListenerRow({ listener }: { listener: ListenerRowData }) {
  const selected = useDesigner((s) => s.selection === listener.id);
  const lit = useDesigner((s) => selectLitPath(s)?.nodes.has(listener.id));
  const select = useDesigner((s) => s.select);
  const where = [listener.hostname, listener.tls].filter(Boolean).join(' · ');
  return (
    <li
      className={[
        'listener',
        'nodrag',
        selected && 'rule--selected',
        lit === true && 'rule--lit',
        lit === false && 'rule--dim',
      ]
        .filter(Boolean)
        .join(' ')}
      data-lit={lit === undefined ? undefined : String(lit)}
      data-kind="listener"
      data-resource={listener.resource}
    >
      <button
        type="button"
        className="rule__select listener__select"
        aria-label={`Listener ${listener.label}: ${listener.port}, ${where}, routes ${listener.allowed}`}
        aria-pressed={selected}
        onClick={(event) => {
          // The row selects the listener, not the Gateway around it.
          event.stopPropagation();
          select(listener.id);
        }}
      >
        <span className="listener__head">
          <span className="rule__label">{listener.label}</span>
          <span className="listener__port">{listener.port}</span>
        </span>
        <span className="listener__line" title={where}>
          {where}
        </span>
        <span className="listener__line" title={listener.allowed}>
          {listener.allowed}
        </span>
      </button>
      <ProblemBadge id={listener.id} />
      <Handle type="source" position={Position.Right} id={listener.id} isConnectable />
    </li>
  );
});
