import { useEffect } from 'react';
import { useDesignerStore } from './StoreContext.tsx';

/**
 * Undo and redo from the keyboard anywhere but in text fields and the editor, which have
 * their own undo (their edits reach the store as text changes).
 */
export function useGlobalShortcuts(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .monaco-editor'))
        return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
