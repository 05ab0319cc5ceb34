import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import type { GraphFocus } from '../../store/graphView.ts';
import { selectGraph } from '../../store/selectors.ts';
import type { UiCommand } from '../commands/uiCommands.ts';
import { isFocusable, nodeHosts } from './focus.ts';
import { focusOn, groupKeysOf } from './graphView.ts';

/**
 * The focus a selected node leads to: a Gateway's path, or the first host of a route (a rule
 * row stands for its route). Undefined for other nodes.
 */
export function focusOfSelection(state: DesignerState): GraphFocus | undefined {
  const graph = selectGraph(state);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  let node = state.selection === null ? undefined : byId.get(state.selection);
  if (node?.parent && (node.kind === 'route' || node.kind === 'listener'))
    node = byId.get(node.parent);
  if (!node || !isFocusable(node.kind)) return undefined;
  if (node.kind === 'gateway') return { kind: 'gateway', key: node.id, label: node.label };
  const host = nodeHosts(graph, state.workspace).get(node.id)?.[0];
  return host ? { kind: 'host', key: host, label: host } : undefined;
}

function openPicker(store: DesignerStore, picker: 'host' | 'gateway'): void {
  store.getState().setFocusPicker(picker);
  store.getState().openDialog('goto');
}

function setAllGroups(store: DesignerStore, open: boolean): void {
  const state = store.getState();
  if (state.groupBy === 'none') return;
  const keys = groupKeysOf(selectGraph(state), state.workspace, state.groupBy);
  state.setGroupOpen([...new Set(keys.values())], open);
}

/** The canvas's view commands: focus on a host or Gateway, leave it, open or collapse groups. */
export const viewCommands: readonly UiCommand[] = [
  {
    id: 'view.focusHost',
    title: 'Focus on host…',
    group: 'View',
    run: (store) => openPicker(store, 'host'),
  },
  {
    id: 'view.focusGateway',
    title: 'Focus on a Gateway…',
    group: 'View',
    run: (store) => openPicker(store, 'gateway'),
  },
  {
    id: 'view.focusSelection',
    title: "Focus on the selected resource's path",
    group: 'View',
    enabled: (state) => focusOfSelection(state) !== undefined,
    run(store) {
      const focus = focusOfSelection(store.getState());
      if (focus) focusOn(store, focus);
    },
  },
  {
    id: 'view.unfocus',
    title: 'Show everything (leave focus)',
    group: 'View',
    keys: 'Escape',
    enabled: (state) => state.focus !== null,
    run: (store) => store.getState().setFocus(null),
  },
  {
    id: 'view.collapseGroups',
    title: 'Collapse all groups',
    group: 'View',
    enabled: (state) => state.groupBy !== 'none',
    run: (store) => setAllGroups(store, false),
  },
  {
    id: 'view.expandGroups',
    title: 'Expand all groups',
    group: 'View',
    enabled: (state) => state.groupBy !== 'none',
    run: (store) => setAllGroups(store, true),
  },
];
