import { duplicate } from '../../edit/gestures/duplicate.ts';
import { addFromPalette, PALETTE_ITEMS, type PaletteItem } from '../../edit/gestures/palette.ts';
import { reorderRule } from '../../edit/gestures/reorder.ts';
import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { applyGesture } from './applyGesture.ts';
import type { UiCommand } from './uiCommands.ts';

const selectedNode = (state: DesignerState) =>
  state.selection === null
    ? undefined
    : selectGraph(state).nodes.find((n) => n.id === state.selection);

const isRule = (state: DesignerState) => selectedNode(state)?.kind === 'route';

/** Moves the selected rule up or down its list (the first match wins). */
function moveSelectedRule(store: DesignerStore, by: number): void {
  const state = store.getState();
  const node = selectedNode(state);
  if (node?.kind !== 'route' || node.index === undefined) return;
  applyGesture(store, reorderRule(state.workspace, selectGraph(state), node.id, node.index + by));
}

/** Commands on the selected node: duplicate, rename, move a rule. */
export const selectionCommands: readonly UiCommand[] = [
  {
    id: 'selection.duplicate',
    title: 'Duplicate the selected node',
    group: 'Selection',
    keys: 'Ctrl+D',
    enabled: (state) => selectedNode(state)?.resource !== undefined,
    run(store) {
      const state = store.getState();
      if (state.selection === null) return;
      applyGesture(store, duplicate(state.workspace, selectGraph(state), state.selection), {
        selectNew: true,
      });
    },
  },
  {
    id: 'selection.rename',
    title: 'Rename the selected node (references follow)…',
    group: 'Selection',
    keys: 'F2',
    enabled: (state) => selectedNode(state)?.resource !== undefined,
    run: (store) => store.getState().openDialog('rename'),
  },
  {
    id: 'selection.ruleUp',
    title: 'Move the selected rule up',
    group: 'Selection',
    keys: 'Alt+↑',
    enabled: isRule,
    run: (store) => moveSelectedRule(store, -1),
  },
  {
    id: 'selection.ruleDown',
    title: 'Move the selected rule down',
    group: 'Selection',
    keys: 'Alt+↓',
    enabled: isRule,
    run: (store) => moveSelectedRule(store, 1),
  },
];

const PALETTE_TITLES: Record<PaletteItem, string> = {
  gateway: 'Add a Gateway',
  server: 'Add a server to the selected Gateway',
  virtualService: 'Add a VirtualService',
  rule: 'Add a rule to the selected VirtualService or HTTPRoute',
  destinationRule: 'Add a DestinationRule',
  subset: 'Add a subset to the selected DestinationRule',
  service: 'Add a Service',
  // Not "Add a Gateway …": the Istio entry's name stays unique as a substring, as it is found by.
  k8sGateway: 'Add a Kubernetes Gateway (Gateway API)',
  listener: 'Add a listener to the selected Kubernetes Gateway',
  httpRoute: 'Add an HTTPRoute',
  referenceGrant: 'Add a ReferenceGrant for the selected Service',
};

/** The palette: new resources and parts, next to the selection and in the open file. */
export const paletteCommands: readonly UiCommand[] = PALETTE_ITEMS.map((item) => ({
  id: `add.${item}`,
  title: PALETTE_TITLES[item],
  group: 'Add',
  run(store: DesignerStore) {
    const state = store.getState();
    applyGesture(
      store,
      addFromPalette(state.workspace, selectGraph(state), item, {
        ...(state.selection === null ? {} : { selected: state.selection }),
        ...(state.activeFile === null ? {} : { file: state.activeFile }),
      }),
      { selectNew: true },
    );
  },
}));
