import { type FormEvent, useId, useState } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { type DiagramChoice, drawnAsLargeView, exportDiagram } from './exportDiagram.ts';

type Options<K extends keyof DiagramChoice> = readonly {
  readonly value: DiagramChoice[K];
  readonly label: string;
}[];

const FORMATS: Options<'format'> = [
  { value: 'svg', label: 'SVG (sharp at any size, text searchable)' },
  { value: 'png', label: 'PNG (an image at twice the screen size)' },
];
const AREAS: Options<'area'> = [
  { value: 'all', label: 'Whole graph' },
  { value: 'view', label: 'Current view' },
];
const THEMES: Options<'theme'> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** "Export diagram…": the graph as an SVG or PNG file, for design documents and reviews. */
export function DiagramDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const dialog = useModalDialog();
  const title = useId();
  const [choice, setChoice] = useState<DiagramChoice>(() => ({
    format: 'svg',
    area: 'all',
    theme: store.getState().theme,
  }));
  const [busy, setBusy] = useState(false);
  const [large] = useState(() => drawnAsLargeView(store.getState()));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const name = await exportDiagram(store.getState(), choice);
      store.getState().notify({ kind: 'info', text: `Diagram saved as ${name}.` });
      onClose();
    } catch (error) {
      store.getState().notify({
        kind: 'error',
        text: `Diagram export failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      setBusy(false);
    }
  };

  const group = <K extends keyof DiagramChoice>(key: K, legend: string, options: Options<K>) => (
    <fieldset className="diagram-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="radio"
            name={`${title}-${key}`}
            disabled={large && option.value === 'view'}
            checked={choice[key] === option.value}
            onChange={() => setChoice({ ...choice, [key]: option.value })}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={title} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={title}>Export diagram</h2>
        <p className="hint">
          The graph as a picture for design documents: nodes with their kind, name and rules, edges
          with their shares. Drawn in the browser; nothing is uploaded.
        </p>
        {group('format', 'Format', FORMATS)}
        {group('area', 'Area', AREAS)}
        {large && (
          <p className="hint">
            The canvas shows this graph grouped or in blocks: the diagram shows every resource,
            ungrouped, in columns by kind (the current view cannot be matched).
          </p>
        )}
        {group('theme', 'Colours', THEMES)}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Export
          </button>
        </div>
      </form>
    </dialog>
  );
}
