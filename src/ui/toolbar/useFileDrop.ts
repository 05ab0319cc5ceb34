import type { DragEvent } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { importSources } from './importSources.ts';
import { readFiles } from './readFiles.ts';

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
      importSources(store, await readFiles(event.dataTransfer.files), 'replace');
    },
  };
}
