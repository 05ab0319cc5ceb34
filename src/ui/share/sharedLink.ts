import { decodeShare, isShareFragment, type SharedDesign } from '../../share/shareLink.ts';
import { parseSavedTests, type SavedTest, stringifySavedTests } from '../../simulate/savedTests.ts';
import type { DesignerState, DesignerStore, XY } from '../../store/designerStore.ts';
import { selectFileNames, selectFileText, selectGraph } from '../../store/selectors.ts';
import type { SourceText } from '../../workspace/workspace.ts';

/**
 * The design as the user sees it: every file with the editor's text (drafts too), the saved
 * tests, and where the graph's nodes stand (positions of nodes gone since are left behind).
 */
export function currentDesign(state: DesignerState): SharedDesign {
  const positions: Record<string, XY> = {};
  for (const node of selectGraph(state).nodes) {
    const at = state.positions[node.id];
    if (at) positions[node.id] = at;
  }
  return {
    files: selectFileNames(state).map((name) => ({ name, text: selectFileText(state, name) })),
    savedTests: state.savedTests,
    ...(Object.keys(positions).length > 0 ? { positions } : {}),
  };
}

/**
 * Whether opening `incoming` would lose something: not when the workspace is empty, is the
 * example as first opened (by text, as New renames it), or already is the shared design.
 */
export function wouldReplaceWork(
  state: DesignerState,
  incoming: SharedDesign,
  example: readonly SourceText[],
): boolean {
  const current = currentDesign(state);
  if (current.files.every((file) => file.text.trim() === '') && current.savedTests.length === 0)
    return false;
  if (sameDesign(current, incoming)) return false;
  return !(
    current.savedTests.length === 0 &&
    current.files.length === example.length &&
    current.files.every((file, i) => file.text === example[i]?.text)
  );
}

function sameDesign(a: SharedDesign, b: SharedDesign): boolean {
  return (
    a.files.length === b.files.length &&
    a.files.every((file, i) => file.name === b.files[i]?.name && file.text === b.files[i]?.text) &&
    sameTests(a.savedTests, b.savedTests)
  );
}

/** Tests compared as a link carries them: written out and read back (which orders their fields). */
function sameTests(a: readonly SavedTest[], b: readonly SavedTest[]): boolean {
  const read = (tests: readonly SavedTest[]) =>
    JSON.stringify(parseSavedTests(stringifySavedTests(tests)).tests);
  return a.length === b.length && read(a) === read(b);
}

/** Replaces the workspace with the shared design: one undo step brings the old one back. */
export function openSharedDesign(store: DesignerStore, design: SharedDesign): void {
  const files = design.files.length;
  if (!store.getState().apply({ type: 'replaceWorkspace', files: design.files })) return;
  store.getState().setSavedTests(design.savedTests);
  // Arranged as it was shared; without positions (or for nodes without one) the canvas lays out.
  if (design.positions) store.getState().setPositions(design.positions, 'replace');
  else store.getState().requestLayout();
  store.getState().notify({
    kind: 'info',
    text: `Opened the shared design (${files} file${files === 1 ? '' : 's'}, ${design.savedTests.length} saved test${design.savedTests.length === 1 ? '' : 's'}). Undo brings your previous workspace back.`,
    undoable: true,
  });
}

export interface LinkArrival {
  /** The location's hash, `#d1=…`. */
  readonly hash: string;
  /** Takes the fragment out of the address, so a reload does not open the link again. */
  clearFragment(): void;
  /** Asks the user before edited work is replaced. */
  ask(design: SharedDesign): void;
}

/**
 * What a location's fragment asks for: nothing when it is no share link; a damaged link is
 * reported and leaves the workspace as it is; a design replaces the workspace at once when
 * nothing would be lost, else the user is asked. Never throws.
 */
export function receiveLink(
  store: DesignerStore,
  arrival: LinkArrival,
  example: readonly SourceText[],
): void {
  if (!isShareFragment(arrival.hash)) return;
  const decoded = decodeShare(arrival.hash);
  if (!decoded.ok) {
    arrival.clearFragment();
    store.getState().notify({
      kind: 'error',
      text: `${decoded.error} Your workspace is unchanged.`,
    });
    return;
  }
  if (wouldReplaceWork(store.getState(), decoded.design, example)) {
    arrival.ask(decoded.design);
    return;
  }
  arrival.clearFragment();
  openSharedDesign(store, decoded.design);
}
