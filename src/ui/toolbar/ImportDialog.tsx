import { useId, useState } from 'react';
import { UNTITLED } from '../../workspace/fileNames.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { importSources } from './importSources.ts';
import { readFiles } from './readFiles.ts';

/** The Import dialog: paste YAML or pick files; replace the workspace or add to it. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const dialog = useModalDialog();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [add, setAdd] = useState(false);
  const ids = { yaml: useId(), files: useId(), add: useId() };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const sources = await readFiles(files);
    if (text.trim() !== '') sources.unshift({ name: UNTITLED, text });
    if (importSources(store, sources, add ? 'add' : 'replace')) onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${ids.yaml}-title`} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${ids.yaml}-title`}>Import manifests</h2>
        <p className="hint">Paste YAML or choose files. Nothing leaves your browser.</p>
        <label htmlFor={ids.yaml}>YAML</label>
        <textarea
          id={ids.yaml}
          value={text}
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
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={text.trim() === '' && files.length === 0}
          >
            Import
          </button>
        </div>
      </form>
    </dialog>
  );
}
