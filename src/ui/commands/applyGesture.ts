import type { CommandResult } from '../../edit/command.ts';
import type { Gesture } from '../../edit/gestures/gesture.ts';
import type { DesignerStore } from '../../store/designerStore.ts';

/**
 * Applies what a gesture produced as one undo step and says what it did (with its notes and
 * follow-up offers as buttons), or why it was refused. True when the workspace changed.
 */
export function applyGesture(store: DesignerStore, result: CommandResult<Gesture>): boolean {
  const state = store.getState();
  if (!result.ok) {
    state.notify({ kind: 'error', text: result.error });
    return false;
  }
  const { command, summary, notes, offers } = result.value;
  if (!state.apply(command)) return false;
  store.getState().notify({
    kind: 'info',
    text: [summary, ...(notes ?? [])].join(' '),
    ...(offers?.length ? { actions: offers } : {}),
  });
  return true;
}
