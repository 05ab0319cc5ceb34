import type { DragEvent } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { importSources } from './importSources.ts';
import { readFiles } from './readFiles.ts';
import { percent } from './sizeText.ts';

/** Props for the page's root element that import files dropped anywhere on it. */
export function useFileDrop() {
  const store = useDesignerStore();
  return {
    onDragOver(event: DragEvent) {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    async onDrop(event: DragEvent) {
      if (event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      const sources = await readFiles(event.dataTransfer.files);
      const names = sources.map((s) => s.name).join(', ');
      // A big file takes a moment: the notice says how far it has come.
      await importSources(store, sources, 'replace', {
        onProgress: ({ done, total }) =>
          done < total &&
          store
            .getState()
            .notify({ kind: 'info', text: `Reading ${names}… ${percent(done, total)}` }),
      });
    },
  };
}
