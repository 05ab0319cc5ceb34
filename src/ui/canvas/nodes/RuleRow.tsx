import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { selectLitPath, selectUncoveredRules } from '../../../store/selectors.ts';
import { useDesigner, useDesignerStore } from '../../StoreContext.tsx';
import type { RuleRowData } from '../flowTypes.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { moveRule, useRuleDrag } from './ruleDrag.ts';

/**
 * One rule of a VirtualService. The row stands for the `route` node of the graph: it carries
 * `data-kind="route"`, selects the route's id, and is where the rule's edges leave from. Each row
 * subscribes to its own selection, so selecting a rule re-renders that row only.
 */
export const RuleRow = memo(function RuleRow({ rule }: { rule: RuleRowData }) {
  const selected = useDesigner((s) => s.selection === rule.id);
  // Undefined while no request is simulated; then whether this rule is the one that answers.
  const lit = useDesigner((s) => selectLitPath(s)?.nodes.has(rule.id));
  const uncovered = useDesigner((s) => selectUncoveredRules(s).has(rule.id));
  const store = useDesignerStore();
  const drag = useRuleDrag(rule);
  const select = useDesigner((s) => s.select);
  return (
    <li
      className={[
        'rule',
        'nodrag',
        selected && 'rule--selected',
        lit === true && 'rule--lit',
        lit === false && 'rule--dim',
        uncovered && 'rule--uncovered',
      ]
        .filter(Boolean)
        .join(' ')}
      data-lit={lit === undefined ? undefined : String(lit)}
      data-uncovered={uncovered ? 'true' : undefined}
      title={uncovered ? 'No saved test reaches this rule' : undefined}
      data-kind="route"
      data-resource={rule.resource}
      {...drag}
    >
      <button
        type="button"
        className="rule__select"
        aria-label={`Rule ${rule.label}: ${rule.match}`}
        aria-pressed={selected}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onKeyDown={(event) => {
          // Alt+↑/↓ moves the rule: the keyboard's way to reorder (the first match wins).
          if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
          event.preventDefault();
          event.stopPropagation();
          moveRule(store, rule.id, rule.index + (event.key === 'ArrowUp' ? -1 : 1));
        }}
        onClick={(event) => {
          // The row selects the rule, not the VirtualService around it.
          event.stopPropagation();
          select(rule.id);
        }}
      >
        <span className="rule__label">{rule.label}</span>
        <span className="rule__match" title={rule.match}>
          {rule.match}
        </span>
        {rule.tags.length > 0 && (
          <span className="rule__tags">
            {rule.tags.map((tag) => (
              <span key={tag} className="rule__tag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
      <ProblemBadge id={rule.id} />
      <Handle type="source" position={Position.Right} id={rule.id} isConnectable />
    </li>
  );
});
