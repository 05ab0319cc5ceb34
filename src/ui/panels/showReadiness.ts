import type { GraphNode, NodeKind } from '../../graph/types.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';

/**
 * The palette's "Gateway readiness…": the Inspector's checklist for the selected gateway, or for
 * the first gateway pods of the graph. Kept free of the checks, which load with the Inspector.
 */

/** The nodes that can belong to a gateway: its pods, its Gateway, what hangs off or fronts them. */
export const READINESS_KINDS: ReadonlySet<NodeKind> = new Set([
  'gatewayWorkload',
  'gateway',
  'loadBalancer',
  'autoscaler',
  'disruptionBudget',
  'envoyFilter',
  'monitor',
  'alertRules',
  'dashboard',
]);

/**
 * A request to move the keyboard to the checklist once it is drawn. The Inspector loads lazily,
 * so the request waits for the panel rather than looking for an element that may not exist yet.
 */
let focusWanted = false;

/** True once after a request: the checklist that takes it focuses itself. */
export function takeReadinessFocus(): boolean {
  const was = focusWanted;
  focusWanted = false;
  return was;
}

/** Selects the gateway's node, shows the Inspector and puts the keyboard on the checklist. */
export function showReadiness(store: DesignerStore): void {
  const state = store.getState();
  const nodes = selectGraph(state).nodes;
  const selected = nodes.find((n) => n.id === state.selection);
  const target: GraphNode | undefined =
    selected && READINESS_KINDS.has(selected.kind)
      ? selected
      : nodes.find((n) => n.kind === 'gatewayWorkload');
  if (!target) {
    state.notify({ kind: 'info', text: 'No gateway in the workspace: nothing to check.' });
    return;
  }
  focusWanted = true;
  state.goTo(target.id);
}
