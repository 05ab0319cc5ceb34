import { useEffect } from 'react';
import { runCommand } from './commands/runCommand.ts';
import { useDesignerStore } from './StoreContext.tsx';

/**
 * Undo and redo, the command palette (Ctrl+K) and the selection's commands from the keyboard,
 * anywhere but in text fields and the editor, which have their own keys (their edits reach the
 * store as text changes; Monaco has its own palette on F1).
 */
export function useGlobalShortcuts(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .monaco-editor'))
        return;
      if (event.key === 'F2' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (runCommand(store, 'selection.rename')) event.preventDefault();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const state = store.getState();
      if (state.dialog !== null) return;
      if (key === 'z' && !event.shiftKey) state.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') state.redo();
      else if (key === 'k') state.openDialog('palette');
      else if (key === 'd') runCommand(store, 'selection.duplicate');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
