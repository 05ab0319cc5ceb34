import type { ResourceChange } from '../../diff/resourceChanges.ts';
import { nodeForPath } from '../../graph/nodeLocation.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { pathPosition } from '../../workspace/position.ts';
import { findEntry } from '../../workspace/workspace.ts';
import { parsePath } from '../../yaml/path.ts';
import { revealInView } from '../canvas/graphView.ts';

/**
 * Shows a changed or added resource: its node (the rule a changed field is in) selected on the
 * graph, and the first changed field in the editor. False when it is not in the workspace (a
 * removed resource).
 */
export function revealChange(store: DesignerStore, change: ResourceChange): boolean {
  const state = store.getState();
  const entry = findEntry(state.workspace, change.resource);
  if (!entry) return false;
  // A field still there, first: a removed one is not in the editor (`… (removed)`), an added one
  // or a reordered list (`spec.http (order)`) is, by its path without the note.
  const shown = change.paths.find((p) => !p.endsWith(' (removed)')) ?? '';
  const path = parsePath(shown.replace(/ \((order|added)\)$/, ''));
  const node = nodeForPath(selectGraph(state), change.resource, path);
  if (node) {
    revealInView(store, node.id);
    state.select(node.id, 'list');
  }
  const place =
    pathPosition(state.workspace, entry, path) ?? pathPosition(state.workspace, entry, []);
  if (place) state.revealAt(place.file, place.line, place.column);
  return true;
}
