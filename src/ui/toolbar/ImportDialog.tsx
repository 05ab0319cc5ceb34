import { useEffect, useId, useRef, useState } from 'react';
import { UNTITLED } from '../../workspace/fileNames.ts';
import type { LoadProgress } from '../../workspace/loadInSlices.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { importSources } from './importSources.ts';
import { readFiles } from './readFiles.ts';
import { megabytes, percent } from './sizeText.ts';
import './importDialog.css';

/** The Import dialog: paste YAML or pick files; replace the workspace or add to it. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const dialog = useModalDialog();
  const [text, setText] = useState('');
  // A paste too big for a text area to take quickly (Chromium inserts 5 MB in ~20 s): kept
  // here and imported as it is; the text area says what it holds instead of showing it.
  const [pasted, setPasted] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [add, setAdd] = useState(false);
  // While a big input is read: how far it has come; Cancel stops it and changes nothing.
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);
  const ids = { yaml: useId(), files: useId(), add: useId(), progress: useId() };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (reading.current) return;
    const controller = new AbortController();
    reading.current = controller;
    try {
      const sources = await readFiles(files);
      const typed = pasted ?? text;
      if (typed.trim() !== '') sources.unshift({ name: UNTITLED, text: typed });
      const total = sources.reduce((sum, s) => sum + s.text.length, 0);
      setProgress({ done: 0, total });
      const imported = await importSources(store, sources, add ? 'add' : 'replace', {
        onProgress: setProgress,
        signal: controller.signal,
      });
      if (imported) onClose();
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      reading.current = null;
      setProgress(null);
    }
  };
  const cancel = () => {
    if (reading.current) reading.current.abort(new Error('import cancelled'));
    else onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${ids.yaml}-title`} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${ids.yaml}-title`}>Import manifests</h2>
        <p className="hint">Paste YAML or choose files. Nothing leaves your browser.</p>
        <label htmlFor={ids.yaml}>YAML</label>
        <textarea
          id={ids.yaml}
          value={pasted === null ? text : pastedSummary(pasted)}
          readOnly={pasted !== null}
          onPaste={(e) => {
            const clip = e.clipboardData.getData('text/plain');
            if (clip.length < BIG_PASTE_CHARS) return;
            e.preventDefault();
            setPasted(clip);
          }}
          onKeyDown={(e) => {
            // The summary is not text to edit: Delete or Backspace clears the big paste.
            if (pasted !== null && (e.key === 'Backspace' || e.key === 'Delete')) {
              e.preventDefault();
              setPasted(null);
            }
          }}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          spellCheck={false}
          placeholder="apiVersion: networking.istio.io/v1&#10;kind: Gateway&#10;…"
        />
        <label htmlFor={ids.files}>Files</label>
        <input
          id={ids.files}
          type="file"
          multiple
          accept=".yaml,.yml,.json,text/yaml"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <label className="checkbox" htmlFor={ids.add}>
          <input
            id={ids.add}
            type="checkbox"
            checked={add}
            onChange={(e) => setAdd(e.target.checked)}
          />
          Add to the current workspace instead of replacing it
        </label>
        {progress && (
          <p className="import-progress">
            <label htmlFor={ids.progress}>
              Reading {megabytes(progress.total)}… {percent(progress.done, progress.total)}
            </label>
            <progress id={ids.progress} max={progress.total} value={progress.done} />
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={progress !== null || ((pasted ?? text).trim() === '' && files.length === 0)}
          >
            Import
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A paste of this size or more is kept aside rather than put in the text area. */
const BIG_PASTE_CHARS = 200_000;

function pastedSummary(text: string): string {
  const documents = text.split(/^---[ \t]*$/m).length;
  return `Pasted ${megabytes(text.length)} (${documents.toLocaleString('en')} document${documents === 1 ? '' : 's'}): Import reads it. Delete clears it.`;
}
