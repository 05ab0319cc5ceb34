import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import { selectCanRedo, selectCanUndo, selectGraph } from '../../store/selectors.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { joinedYaml } from '../../workspace/exportFiles.ts';
import { UNTITLED } from '../../workspace/fileNames.ts';
import { viewCommands } from '../canvas/viewCommands.ts';
import { openDiagramDialog } from '../diagram/diagramUi.ts';
import { showReadiness } from '../panels/showReadiness.ts';
import { isPanelMaximized, SHORT_WINDOW } from '../panels/usePanelMaximized.ts';
import { openShareDialog } from '../share/shareUi.ts';
import { download } from '../toolbar/download.ts';
import { deleteFromGraph } from './deleteNode.ts';
import { paletteCommands, selectionCommands } from './selectionCommands.ts';

/**
 * Everything the user can do by name: what the command palette (Ctrl+K) lists, with the
 * shortcut that also does it. Each runs through the store, so each edit is one undo step.
 */
export interface UiCommand {
  readonly id: string;
  readonly title: string;
  readonly group: 'Workspace' | 'Edit' | 'Add' | 'View' | 'Checks' | 'Selection';
  /** The shortcut, as shown to the user. */
  readonly keys?: string;
  enabled?(state: DesignerState): boolean;
  run(store: DesignerStore): void;
}

const hasSelection = (state: DesignerState) => state.selection !== null;

export const UI_COMMANDS: readonly UiCommand[] = [
  {
    id: 'workspace.new',
    title: 'New workspace from the example',
    group: 'Workspace',
    run: (store) =>
      store.getState().apply({
        type: 'replaceWorkspace',
        files: EXAMPLE.map((file) => ({ ...file, name: UNTITLED })),
      }),
  },
  {
    id: 'workspace.clear',
    title: 'Empty workspace (start from nothing)',
    group: 'Workspace',
    run: (store) => store.getState().apply({ type: 'replaceWorkspace', files: [] }),
  },
  {
    id: 'workspace.import',
    title: 'Import manifests…',
    group: 'Workspace',
    run: (store) => store.getState().openDialog('import'),
  },
  {
    id: 'workspace.export',
    title: 'Export as one YAML file',
    group: 'Workspace',
    run(store) {
      download('manifests.yaml', joinedYaml(store.getState().workspace), 'application/yaml');
      store.getState().recordExport(store.getState().workspace);
    },
  },
  {
    id: 'workspace.share',
    title: 'Share a link to this design…',
    group: 'Workspace',
    run: openShareDialog,
  },
  {
    id: 'workspace.diagram',
    title: 'Export diagram (SVG or PNG)…',
    group: 'Workspace',
    run: openDiagramDialog,
  },
  {
    id: 'view.goto',
    title: 'Go to resource…',
    group: 'View',
    keys: 'Ctrl+P',
    run: (store) => store.getState().openDialog('goto'),
  },
  {
    id: 'edit.undo',
    title: 'Undo',
    group: 'Edit',
    keys: 'Ctrl+Z',
    enabled: selectCanUndo,
    run: (store) => store.getState().undo(),
  },
  {
    id: 'edit.redo',
    title: 'Redo',
    group: 'Edit',
    keys: 'Ctrl+Shift+Z',
    enabled: selectCanRedo,
    run: (store) => store.getState().redo(),
  },
  {
    id: 'add.scenario',
    title: 'Add scenario…',
    group: 'Add',
    run: (store) => store.getState().openDialog('scenario'),
  },
  {
    id: 'workspace.convert',
    title: 'Convert to another API…',
    group: 'Workspace',
    run: (store) => store.getState().openDialog('convert'),
  },
  {
    id: 'workspace.compare',
    title: 'Compare with… (what the edits change for traffic)',
    group: 'Workspace',
    run: (store) => store.getState().openDialog('compare'),
  },
  ...paletteCommands,
  ...selectionCommands,
  {
    id: 'selection.delete',
    title: 'Delete the selected node',
    group: 'Selection',
    keys: 'Delete',
    enabled: hasSelection,
    run(store) {
      const state = store.getState();
      const node = selectGraph(state).nodes.find((n) => n.id === state.selection);
      if (node && deleteFromGraph(store, node)) store.getState().select(null);
    },
  },
  ...viewCommands,
  {
    id: 'view.layout',
    title: 'Auto layout',
    group: 'View',
    run: (store) => store.getState().requestLayout(),
  },
  {
    id: 'view.theme',
    title: 'Toggle dark theme',
    group: 'View',
    run(store) {
      const state = store.getState();
      state.setTheme(state.theme === 'dark' ? 'light' : 'dark');
    },
  },
  {
    id: 'view.problems',
    title: 'Show Problems',
    group: 'View',
    run: (store) => store.getState().showPanel('Problems'),
  },
  {
    id: 'view.inspector',
    title: 'Show Inspector',
    group: 'View',
    run: (store) => store.getState().showPanel('Inspector'),
  },
  {
    id: 'view.readiness',
    title: 'Gateway readiness…',
    group: 'View',
    run: showReadiness,
  },
  {
    id: 'view.maximizePanels',
    title: 'Maximize the panels / restore the editor',
    group: 'View',
    run(store) {
      const state = store.getState();
      const short = window.matchMedia(SHORT_WINDOW).matches;
      state.setPanelMaximized(!isPanelMaximized(state, short));
    },
  },
  {
    id: 'view.simulate',
    title: 'Simulate request',
    group: 'View',
    run: (store) => store.getState().showPanel('Simulate request'),
  },
  {
    id: 'checks.complete',
    title: 'Toggle "workspace is complete" (lint --complete)',
    group: 'Checks',
    run(store) {
      const state = store.getState();
      state.setAssumeComplete(!state.assumeComplete);
    },
  },
];
