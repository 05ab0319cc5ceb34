import { createStore } from 'zustand/vanilla';
import { applyCommand } from '../edit/applyCommand.ts';
import { freeName, isUntitled, UNTITLED } from '../workspace/fileNames.ts';
import { fileText, loadFile, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import type {
  DesignerActions,
  DesignerInit,
  DesignerState,
  DesignerStore,
} from './designerState.ts';
import { followSelection } from './followSelection.ts';
import * as graphView from './graphView.ts';
import { EMPTY_HISTORY, type HistoryPolicy, recordChange, redoStep, undoStep } from './history.ts';
import { selectGraph } from './selectors.ts';

/**
 * Creates the one store of the app (zustand vanilla: no React here, so tests drive it
 * directly). Every change of the workspace goes through `apply`, so every change is a command
 * with a history policy.
 */
export function createDesignerStore(init: DesignerInit): DesignerStore {
  const now = init.now ?? Date.now;
  const workspace = loadWorkspace(init.files);
  const initialDrafts = init.drafts ?? {};
  return createStore<DesignerState & DesignerActions>()((set, get) => {
    /** Makes `next` the workspace, recording the step under `policy`; `shown` is shown next. */
    const commit = (
      next: Workspace,
      policy: HistoryPolicy,
      drafts: DesignerState['drafts'],
      shown?: string,
      typed = false,
    ) => {
      const state = get();
      if (next === state.workspace && drafts === state.drafts) return;
      const activeFile = shown ?? stillShown(next, state.activeFile);
      // Typing leaves the selection to the editor's cursor: a selection moved here would be
      // revealed, and the cursor would jump from where the person types.
      // The graph of `next` is derived here rather than by the first subscriber (memoised).
      const selection =
        state.selection === null || typed
          ? state.selection
          : followSelection(state.selection, selectGraph(state), selectGraph({ workspace: next }));
      set({
        workspace: next,
        drafts,
        activeFile,
        selection,
        history:
          next === state.workspace
            ? state.history
            : recordChange(state.history, state.workspace, policy, now()),
        notice: null,
      });
    };
    return {
      workspace,
      baseline: workspace,
      lastExport: null,
      drafts: initialDrafts,
      history: EMPTY_HISTORY,
      selection: null,
      positions: init.positions ?? {},
      layoutRequest: 0,
      activeFile: workspace.files[0]?.name ?? null,
      theme: init.theme ?? init.systemTheme ?? 'light',
      themeChosen: init.theme !== undefined,
      assumeComplete: init.assumeComplete ?? false,
      designApi: init.designApi ?? 'istio',
      problems: null,
      notice: null,
      reveal: null,
      simulatorRequest: null,
      panel: 'Problems',
      panelMaximized: null,
      centre: null,
      dialog: null,
      savedTests: init.savedTests ?? [],
      ...graphView.graphViewSlice(set, get, init.groupBy),

      apply(command, policy = 'record') {
        const state = get();
        const blocked =
          command.type === 'replaceFile' || command.type === 'replaceWorkspace'
            ? []
            : Object.keys(state.drafts);
        if (blocked.length > 0) {
          set({
            notice: {
              kind: 'error',
              text: `${blocked.join(', ')} has YAML errors: fix the text (or undo) before editing the graph`,
            },
          });
          return false;
        }
        const result = applyCommand(state.workspace, command);
        if (!result.ok) {
          set({ notice: { kind: 'error', text: result.error } });
          return false;
        }
        commit(result.value, policy, command.type === 'replaceWorkspace' ? {} : state.drafts);
        // A workspace replaced whole is a new starting point: Compare measures edits from it.
        if (command.type === 'replaceWorkspace') set({ baseline: result.value });
        return true;
      },

      editText(file, text, whole = false) {
        const state = get();
        const current = state.workspace.files.find((f) => f.name === file);
        if (current && fileText(current) === text) {
          if (file in state.drafts) set({ drafts: omit(state.drafts, file) });
          return;
        }
        // Parse once: the command's result is either committed or, when it does not parse,
        // dropped in favour of a draft that keeps the text.
        const result = applyCommand(state.workspace, { type: 'replaceFile', file, text });
        const parsed = result.ok ? result.value.files.find((f) => f.name === file) : undefined;
        if (!result.ok || !parsed || parsed.docs.some((doc) => doc.problems.length > 0)) {
          set({ drafts: { ...state.drafts, [file]: text } });
          return;
        }
        const drafts = omit(state.drafts, file);
        if (!whole || isUntitled(file)) {
          commit(result.value, { coalesce: `text:${file}` }, drafts, undefined, true);
          return;
        }
        const name = freeName(UNTITLED, new Set(result.value.files.map((f) => f.name)));
        const renamed = result.value.files.map((f) => (f === parsed ? loadFile(name, text, f) : f));
        commit({ files: renamed }, 'record', drafts, name);
      },

      undo() {
        const state = get();
        if (Object.keys(state.drafts).length > 0) {
          // The draft is the newest change: undoing it goes back to the last text that parsed.
          set({ drafts: {}, notice: null });
          return;
        }
        const step = undoStep(state.history, state.workspace);
        if (step)
          set({ ...step, activeFile: stillShown(step.workspace, state.activeFile), notice: null });
      },

      redo() {
        const state = get();
        const step = redoStep(state.history, state.workspace);
        if (step)
          set({
            ...step,
            activeFile: stillShown(step.workspace, state.activeFile),
            drafts: {},
            notice: null,
          });
      },

      select(id, origin = 'canvas') {
        const state = get();
        if (state.selection === id) return;
        // Selecting on the canvas brings the inspector forward; following the editor's cursor
        // or a list entry leaves the panel the user is reading.
        const inspect = id !== null && origin === 'canvas' && state.panel !== 'Inspector';
        set({
          selection: id,
          ...(inspect ? { panel: 'Inspector' as const, panelMaximized: null } : {}),
        });
      },

      setPositions(positions, mode = 'merge') {
        set({ positions: mode === 'replace' ? positions : { ...get().positions, ...positions } });
      },

      requestLayout() {
        set({ positions: {}, layoutRequest: get().layoutRequest + 1 });
      },

      setActiveFile(file) {
        set({ activeFile: file });
      },

      setTheme(theme) {
        set({ theme, themeChosen: true });
      },

      followSystemTheme(theme) {
        if (!get().themeChosen) set({ theme });
      },

      setAssumeComplete(assumeComplete) {
        set({ assumeComplete });
      },

      setDesignApi(designApi) {
        set({ designApi });
      },

      setProblems(problems) {
        set({ problems });
      },

      notify(notice) {
        set({ notice });
      },

      showPanel(panel) {
        if (get().panel !== panel) set({ panel, panelMaximized: null });
      },

      setPanelMaximized(panelMaximized) {
        set({ panelMaximized });
      },

      goTo(id) {
        get().select(id);
        get().showPanel('Inspector');
        set({ centre: { id, seq: (get().centre?.seq ?? 0) + 1 } });
      },

      openDialog(dialog) {
        set({ dialog });
      },

      recordExport(lastExport) {
        set({ lastExport });
      },

      setSavedTests(savedTests) {
        set({ savedTests });
      },

      sendRequest(request) {
        set({ simulatorRequest: request });
      },

      revealAt(file, line, column) {
        // The place is shown in the editor, which a maximised panel would keep folded.
        set({
          activeFile: file,
          panelMaximized: false,
          reveal: { file, line, column, seq: (get().reveal?.seq ?? 0) + 1 },
        });
      },
    };
  });
}

/** The file shown stays shown while it exists (an undo may take it away, or rename it). */
function stillShown(workspace: Workspace, shown: string | null): string | null {
  const files = workspace.files.map((f) => f.name);
  return shown && files.includes(shown) ? shown : (files[0] ?? null);
}

/**
 * `record` without `key`; the same object when it has no such key, so a commit that had no
 * draft leaves `drafts` as it was (the editor's markers and the Problems list follow its
 * identity: a new empty object re-set a thousand markers on every keystroke).
 */
function omit<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
  return out;
}

export type * from './designerState.ts';
