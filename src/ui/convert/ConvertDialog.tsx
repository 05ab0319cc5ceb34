import { type FormEvent, useId, useMemo, useState } from 'react';
import { type ApplyMode, conversionCommand } from '../../convert/applyConversion.ts';
import { comparisonLine } from '../../convert/comparison.ts';
import type { TargetApi } from '../../convert/types.ts';
import { DESIGN_API_LABELS, DESIGN_APIS } from '../../templates/designApi.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { ConversionReport } from './ConversionReport.tsx';
import { suggestedTarget } from './conversionPreview.ts';
import { useConversionPreview } from './useConversionPreview.ts';
import './convertDialog.css';

/**
 * "Convert…": the workspace's routing in the other API, shown before anything changes: the
 * source beside the converted YAML, the loss report (what the target cannot say), and the same
 * requests sent through both ("41 of 41 requests go where they went"). Apply is one undo step,
 * in place of the source or as new files next to it.
 */
export function ConvertDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const workspace = useDesigner((s) => s.workspace);
  const savedTests = useDesigner((s) => s.savedTests);
  const dialog = useModalDialog();
  const [target, setTarget] = useState<TargetApi>(() => suggestedTarget(workspace));
  const [mode, setMode] = useState<ApplyMode>('replace');
  const ids = { title: useId(), summary: useId() };
  const saved = useMemo(() => savedTests.map((t) => t.request), [savedTests]);
  const preview = useConversionPreview(workspace, target, saved);
  const label = DESIGN_API_LABELS[target];
  const notExplained =
    preview?.kind === 'ready'
      ? preview.verification.differences.filter((d) => !d.explainedBy).length
      : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (preview?.kind !== 'ready') return;
    const state = store.getState();
    const { command, files } = conversionCommand(workspace, preview.conversion, mode);
    if (!state.apply(command)) return;
    const count = preview.conversion.replaced.length;
    if (files[0]) state.setActiveFile(files[0]);
    state.requestLayout();
    store.getState().notify({
      kind: 'info',
      text: `Converted ${count} resource${count === 1 ? '' : 's'} to the ${label}${mode === 'add' ? ', next to the source' : ''} (Undo restores ${mode === 'add' ? 'the workspace' : 'the source'}).`,
      undoable: true,
    });
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog convert-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.summary}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <div className="convert-head">
          <h2 id={ids.title}>Convert to another API</h2>
          <fieldset className="convert-choice">
            <legend>Convert to</legend>
            {DESIGN_APIS.map((api) => (
              <label key={api}>
                <input
                  type="radio"
                  name="convert-target"
                  value={api}
                  checked={target === api}
                  onChange={() => setTarget(api)}
                />
                {DESIGN_API_LABELS[api]}
              </label>
            ))}
          </fieldset>
        </div>
        {preview === null ? (
          <p id={ids.summary} role="status" className="convert-summary convert-summary--busy">
            Converting to the {label} and sending the same requests through both…
          </p>
        ) : preview.kind === 'ready' ? (
          <>
            <p
              id={ids.summary}
              role="status"
              className={`convert-summary ${notExplained ? 'convert-summary--bad' : ''}`}
            >
              {comparisonLine(preview.verification)}
              {notExplained > 0 && ` — ${notExplained} not explained: read them before you apply.`}
            </p>
            <ConversionReport preview={preview} target={label} />
            <fieldset className="convert-choice">
              <legend>Apply</legend>
              <label>
                <input
                  type="radio"
                  name="convert-mode"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />
                Replace the {preview.conversion.replaced.length} converted resources
              </label>
              <label>
                <input
                  type="radio"
                  name="convert-mode"
                  checked={mode === 'add'}
                  onChange={() => setMode('add')}
                />
                Add as new files, keep the source
              </label>
            </fieldset>
          </>
        ) : (
          <p id={ids.summary} role="status" className="convert-summary">
            {preview.kind === 'syntax'
              ? `The workspace has ${preview.errors} syntax error${preview.errors === 1 ? '' : 's'} (see Problems): fix ${preview.errors === 1 ? 'it' : 'them'} first, so nothing is left out of the conversion.`
              : `Nothing to convert to the ${label}: the workspace has no ${target === 'istio' ? 'Gateway API routes or Ingress' : 'Istio Gateway, VirtualService or Ingress'}.`}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={preview?.kind !== 'ready'}>
            Apply
          </button>
        </div>
      </form>
    </dialog>
  );
}
