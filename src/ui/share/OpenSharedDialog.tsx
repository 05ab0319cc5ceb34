import { useId } from 'react';
import type { SharedDesign } from '../../share/shareLink.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { openSharedDesign } from './sharedLink.ts';
import { clearShareFragment } from './useSharedLink.ts';

/**
 * A link was opened over edited work: the user chooses. Either way the fragment leaves the
 * address, so a reload asks nothing; Escape keeps the work, as closing a question should.
 */
export function OpenSharedDialog({
  design,
  onClose,
}: {
  design: SharedDesign;
  onClose: () => void;
}) {
  const store = useDesignerStore();
  const dialog = useModalDialog();
  const ids = { title: useId(), text: useId() };
  const keep = () => {
    clearShareFragment();
    onClose();
  };
  const open = () => {
    clearShareFragment();
    onClose();
    openSharedDesign(store, design);
  };
  // A link of a thousand files names a few: the question must stay readable.
  const shown = design.files.slice(0, 4).map((f) => f.name);
  const more = design.files.length - shown.length;
  const names =
    shown.join(', ') + (more > 0 ? ` and ${more} more file${more === 1 ? '' : 's'}` : '');
  const tests = design.savedTests.length;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.text}
      onClose={keep}
    >
      <form method="dialog" onSubmit={(e) => e.preventDefault()}>
        <h2 id={ids.title}>Open the shared design?</h2>
        <p id={ids.text} className="hint">
          The link holds a design ({names || 'no files'}
          {tests > 0 ? `, ${tests} saved test${tests === 1 ? '' : 's'}` : ''}). Opening it replaces
          your workspace and your saved tests; Undo brings the workspace back. Keeping yours ignores
          the link.
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={keep}>
            Keep mine
          </button>
          <button type="button" className="primary" onClick={open}>
            Open shared design
          </button>
        </div>
      </form>
    </dialog>
  );
}
