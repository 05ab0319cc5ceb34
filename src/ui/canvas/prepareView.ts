import { selectGraph } from '../../store/selectors.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { groupKeysOf } from './graphView.ts';
import { toFlowElements } from './toFlow.ts';

/**
 * Works out, ahead of showing it, what the canvas will draw for a workspace about to be shown
 * (an import): its graph, its elements and its groups, each a task of its own. All are kept by
 * identity, so the render that follows finds them done, and no single task holds the page for
 * the whole of a thousand resources.
 */
export async function prepareView(workspace: Workspace, yieldNow: () => Promise<void>) {
  const graph = selectGraph({ workspace });
  await yieldNow();
  toFlowElements(graph, workspace);
  await yieldNow();
  groupKeysOf(graph, workspace, 'namespace');
  await yieldNow();
}
