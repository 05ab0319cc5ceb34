import type { CommandResult } from '../../edit/command.ts';
import type { Gesture } from '../../edit/gestures/gesture.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';

/**
 * Applies what a gesture produced as one undo step and says what it did (with its notes, Undo,
 * and follow-up offers as buttons), or why it was refused. True when the workspace changed.
 */
export function applyGesture(
  store: DesignerStore,
  result: CommandResult<Gesture>,
  options: { readonly selectNew?: boolean } = {},
): boolean {
  const state = store.getState();
  if (!result.ok) {
    state.notify({ kind: 'error', text: result.error });
    return false;
  }
  const { command, summary, notes, offers } = result.value;
  const before = new Set(selectGraph(state).nodes.map((n) => n.id));
  if (!state.apply(command)) return false;
  if (options.selectNew) selectAdded(store, before);
  store.getState().notify({
    kind: 'info',
    text: [summary, ...(notes ?? [])].join(' '),
    undoable: true,
    ...(offers?.length ? { actions: offers } : {}),
  });
  return true;
}

/**
 * Selects what a gesture added (a new resource, the copy, the renamed node), as design tools
 * do, so the inspector shows it: the first new node, a resource before its parts.
 */
function selectAdded(store: DesignerStore, before: ReadonlySet<string>): void {
  const added = selectGraph(store.getState()).nodes.filter((n) => !before.has(n.id) && !n.implied);
  const pick = added.find((n) => n.path === undefined) ?? added[0];
  if (pick) store.getState().select(pick.id);
}
