import type { Command } from '../../edit/command.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { freeName } from '../../workspace/fileNames.ts';
import type { SourceText } from '../../workspace/workspace.ts';

/**
 * Imports texts: replacing the workspace (one undo step brings the old one back), or adding
 * them as new files next to what is there.
 */
export function importSources(
  store: DesignerStore,
  sources: readonly SourceText[],
  mode: 'replace' | 'add',
): boolean {
  if (sources.length === 0) return false;
  if (mode === 'replace')
    return store.getState().apply({ type: 'replaceWorkspace', files: sources });
  const taken = new Set(store.getState().workspace.files.map((f) => f.name));
  const commands: Command[] = sources.map((source) => {
    const file = freeName(source.name, taken);
    taken.add(file);
    return { type: 'replaceFile', file, text: source.text };
  });
  return store.getState().apply({ type: 'batch', commands });
}
