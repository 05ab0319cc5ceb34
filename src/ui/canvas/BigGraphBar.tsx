import { Panel } from '@xyflow/react';
import { useEffect } from 'react';
import { GROUP_BY, type GroupBy, isGroupBy } from '../../store/graphView.ts';
import { isTextField } from '../isTextField.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import './bigGraph.css';

const GROUP_BY_TEXT: Readonly<Record<GroupBy, string>> = {
  namespace: 'namespace',
  host: 'host',
  none: 'none',
};

/**
 * Above a large graph: how it is grouped ("Group by: namespace | host | none") and the way to a
 * focus; while a focus is set, a banner that says what is shown and leads back to everything
 * (also Escape, from anywhere but a text field or a dialog).
 */
export function BigGraphBar({ groups }: { groups: boolean }) {
  const store = useDesignerStore();
  const focus = useDesigner((s) => s.focus);
  const groupBy = useDesigner((s) => s.groupBy);
  const leave = () => store.getState().setFocus(null);

  useEffect(() => {
    if (!focus) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (store.getState().dialog !== null || isTextField(event.target)) return;
      store.getState().setFocus(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, store]);

  if (focus)
    return (
      <Panel position="top-center">
        <output className="focus-banner" aria-label="Focus">
          <span>
            Only the path of {focus.kind === 'host' ? 'host' : 'Gateway'}{' '}
            <strong>{focus.label}</strong>
          </span>
          <button type="button" onClick={leave} title="Show everything (Escape)">
            Show everything
          </button>
        </output>
      </Panel>
    );
  if (!groups) return null;
  return (
    <Panel position="top-center">
      <div className="big-graph-bar">
        <label>
          Group by{' '}
          <select
            value={groupBy}
            onChange={(event) => {
              if (isGroupBy(event.target.value)) store.getState().setGroupBy(event.target.value);
            }}
          >
            {GROUP_BY.map((by) => (
              <option key={by} value={by}>
                {GROUP_BY_TEXT[by]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            store.getState().setFocusPicker('host');
            store.getState().openDialog('goto');
          }}
        >
          Focus on host…
        </button>
      </div>
    </Panel>
  );
}
