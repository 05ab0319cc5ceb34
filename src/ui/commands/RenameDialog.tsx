import { type FormEvent, useId, useState } from 'react';
import { renameNode } from '../../edit/gestures/rename.ts';
import { selectGraph } from '../../store/selectors.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { applyGesture } from './applyGesture.ts';

/**
 * Rename the selected node (F2): a resource, a rule or a subset. What refers to it follows
 * (VirtualServices binding a Gateway, routes naming a subset…), as one undo step; a name Istio
 * or Kubernetes would refuse is explained and nothing changes.
 */
export function RenameDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const node = useDesigner((s) => selectGraph(s).nodes.find((n) => n.id === s.selection));
  const dialog = useModalDialog();
  const [name, setName] = useState(node?.label ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { title: useId(), name: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const state = store.getState();
    if (!node) return onClose();
    const result = renameNode(state.workspace, selectGraph(state), node.id, name.trim());
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    if (applyGesture(store, result, { selectNew: true })) onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={ids.title}>Rename {node?.label ?? ''}</h2>
        <label htmlFor={ids.name}>New name</label>
        <input
          id={ids.name}
          value={name}
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids.name}-problem` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p id={`${ids.name}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Rename
          </button>
        </div>
      </form>
    </dialog>
  );
}
