import type { QuickFix } from '../../check/finding.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectProblems, selectProblemsCurrent } from '../../store/selectors.ts';
import type { FileModels } from './fileModels.ts';
import { monaco } from './monaco.ts';

type Disposable = { dispose(): void };

/**
 * Offers the checks' quick fixes in the editor (the light bulb and Ctrl+.), next to the same
 * buttons in Problems. A fix is a command on the workspace, so applying it goes through the
 * store like any edit: one undo step, text and graph updated together. `flush` sends typing not
 * yet applied, so the fix applies to the text the user sees.
 */
export function registerQuickFixes(
  store: DesignerStore,
  models: FileModels,
  flush: () => void,
): Disposable {
  const commandId = `istio-designer.quickFix.${Math.random().toString(36).slice(2)}`;
  const command = monaco.editor.registerCommand(commandId, (_accessor, fix: QuickFix) => {
    flush();
    store.getState().apply(fix.command);
  });
  const provider = monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(model, range) {
      const file = [...models.entries()].find(([, m]) => m === model)?.[0];
      if (file === undefined) return { actions: [], dispose() {} };
      const actions = [];
      const state = store.getState();
      // Fixes are commands on the workspace the checks looked at: none while they catch up.
      if (!selectProblemsCurrent(state)) return { actions: [], dispose() {} };
      for (const d of selectProblems(state)) {
        if (d.file !== file || !d.fixes) continue;
        const at = new monaco.Range(d.line, d.column, d.endLine ?? d.line, d.endColumn ?? d.column);
        if (!monaco.Range.areIntersectingOrTouching(at, range)) continue;
        for (const fix of d.fixes)
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            isPreferred: d.fixes.length === 1,
            command: { id: commandId, title: fix.title, arguments: [fix] },
          });
      }
      return { actions, dispose() {} };
    },
  });
  return {
    dispose() {
      provider.dispose();
      command.dispose();
    },
  };
}
