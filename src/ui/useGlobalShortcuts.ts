import { useEffect } from 'react';
import type { DialogName } from '../store/designerStore.ts';
import { isTextField } from './isTextField.ts';
import { useDesignerStore } from './StoreContext.tsx';

/**
 * The app's own keys. The palettes open from anywhere, the editor included: Ctrl+K,
 * Ctrl+Shift+P and F1 the command palette, Ctrl+P "Go to resource…" (never the browser's print
 * dialog). They are caught on the way down (capture), before Monaco, which would take F1 for its
 * own palette and Ctrl+K for its chords. Undo and redo act here only outside text fields and the
 * editor, whose own undo reaches the store as text changes. The canvas's keys (Delete, F2,
 * Ctrl+D, Space) are the canvas's own: see canvas/useCanvasKeys.ts.
 */
export function useGlobalShortcuts(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const onPaletteKey = (event: KeyboardEvent) => {
      const wanted = paletteFor(event);
      if (!wanted) return;
      event.preventDefault();
      event.stopPropagation();
      const state = store.getState();
      // Another dialog (import, rename…) keeps the keyboard; one palette gives way to the other.
      if (state.dialog === null || state.dialog === 'palette' || state.dialog === 'goto')
        state.openDialog(wanted);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (isTextField(event.target)) return;
      const state = store.getState();
      if (state.dialog !== null) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) state.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') state.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onPaletteKey, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onPaletteKey, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [store]);
}

/** Which palette a key opens, if any. */
export function paletteFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): Extract<DialogName, 'palette' | 'goto'> | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (event.key === 'F1' && !mod && !event.shiftKey) return 'palette';
  if (!mod) return null;
  if (key === 'k' && !event.shiftKey) return 'palette';
  if (key === 'p') return event.shiftKey ? 'palette' : 'goto';
  return null;
}
