import { nodeReferences, referenceWarning } from '../../edit/gestures/references.ts';
import { deleteEdgeCommand, deleteNodeCommand } from '../../edit/graphDeletes.ts';
import type { GraphEdge, GraphNode } from '../../graph/types.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';

/**
 * Deletes a node (its resource, rule or subset) or an edge (the reference that writes it) as
 * one undo step. When other resources still refer to what goes, the notice says so (they would
 * now point at nothing), with Undo one click away. True when the workspace changed.
 */
export function deleteFromGraph(store: DesignerStore, target: GraphNode | GraphEdge): boolean {
  const state = store.getState();
  const node = 'source' in target ? undefined : target;
  const result = node ? deleteNodeCommand(node) : deleteEdgeCommand(target as GraphEdge);
  if (!result.ok) {
    state.notify({ kind: 'error', text: result.error });
    return false;
  }
  const warning = node
    ? referenceWarning(nodeReferences(state.workspace, selectGraph(state), node.id))
    : undefined;
  if (!state.apply(result.value)) return false;
  if (node && warning)
    store.getState().notify({ kind: 'info', text: `Deleted ${node.label}. ${warning}` });
  return true;
}
