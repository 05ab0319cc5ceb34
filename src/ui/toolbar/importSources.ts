import type { Command } from '../../edit/command.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { freeName } from '../../workspace/fileNames.ts';
import {
  loadWorkspaceInSlices,
  macrotask,
  type SliceOptions,
} from '../../workspace/loadInSlices.ts';
import type { SourceText } from '../../workspace/workspace.ts';
import { prepareView } from '../canvas/prepareView.ts';

/**
 * Imports texts: replacing the workspace (one undo step brings the old one back), or adding
 * them as new files next to what is there. The texts are read in slices (`loadInSlices.ts`), so
 * a 5 MB file shows its progress and never freezes the page; the store takes them as read.
 * Resolves false when nothing was imported (no input, or a refusal the store notified).
 */
export async function importSources(
  store: DesignerStore,
  sources: readonly SourceText[],
  mode: 'replace' | 'add',
  options: SliceOptions = {},
): Promise<boolean> {
  if (sources.length === 0) return false;
  const taken = new Set(store.getState().workspace.files.map((f) => f.name));
  const named =
    mode === 'replace'
      ? sources
      : sources.map((source) => {
          const name = freeName(source.name, taken);
          taken.add(name);
          return { name, text: source.text };
        });
  const loaded = await loadWorkspaceInSlices(named, options);
  const yieldNow = options.yieldNow ?? macrotask;
  await yieldNow();
  if (mode === 'replace') {
    await prepareView(loaded, yieldNow);
    options.signal?.throwIfAborted();
    return store.getState().apply({ type: 'replaceWorkspace', files: named, loaded });
  }
  const commands: Command[] = named.map((source, i) => ({
    type: 'replaceFile',
    file: source.name,
    text: source.text,
    ...(loaded.files[i] ? { loaded: loaded.files[i] } : {}),
  }));
  return store.getState().apply({ type: 'batch', commands });
}
