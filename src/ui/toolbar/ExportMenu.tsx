import { strToU8, zipSync } from 'fflate';
import { useCallback, useRef, useState } from 'react';
import { cleanForApply } from '../../workspace/cleanForApply.ts';
import { joinedYaml, resourceFiles } from '../../workspace/exportFiles.ts';
import { openDiagramDialog } from '../diagram/diagramUi.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { useOutsideClick } from '../useOutsideClick.ts';
import { download } from './download.ts';

/**
 * "Export": the manifests as one YAML file (as they are, or clean for apply), on the clipboard,
 * or as a ZIP for kustomize.
 */
export function ExportMenu() {
  const store = useDesignerStore();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const menu = useRef<HTMLDivElement>(null);

  useOutsideClick(menu, open, close);

  const run = (action: () => void | Promise<void>) => async () => {
    setOpen(false);
    try {
      await action();
      // The manifests that went out are what Compare's "the last export" measures against (a
      // diagram is no export of them).
      if (action !== openDiagramDialog) store.getState().recordExport(store.getState().workspace);
    } catch (error) {
      store.getState().notify({
        kind: 'error',
        text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const workspace = () => store.getState().workspace;
  const items = [
    {
      name: 'Download YAML',
      action: () => download('manifests.yaml', joinedYaml(workspace()), 'application/yaml'),
    },
    {
      // What `kubectl neat` leaves of a dump; the workspace keeps every field.
      name: 'Download YAML, clean for apply (no status, managedFields…)',
      action: () =>
        download(
          'manifests-clean.yaml',
          joinedYaml(cleanForApply(workspace())),
          'application/yaml',
        ),
    },
    {
      name: 'Copy YAML to clipboard',
      action: async () => {
        await navigator.clipboard.writeText(joinedYaml(workspace()));
        store.getState().notify({ kind: 'info', text: 'Manifests copied to the clipboard.' });
      },
    },
    {
      name: 'Download ZIP (one file per resource, with kustomization.yaml)',
      action: () => {
        const files = Object.fromEntries(
          resourceFiles(workspace()).map((f) => [f.name, strToU8(f.text)]),
        );
        download('manifests.zip', zipSync(files), 'application/zip');
      },
    },
    { name: 'Export diagram (SVG or PNG)…', action: openDiagramDialog },
  ];

  return (
    <div className="menu" ref={menu}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <div role="menu" className="menu-items">
          {items.map((item) => (
            <button key={item.name} type="button" role="menuitem" onClick={run(item.action)}>
              {item.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
