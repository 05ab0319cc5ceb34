import type { DesignerState, DesignerStore, Theme } from '../../store/designerStore.ts';
import { selectFileNames, selectFileText, selectProblems } from '../../store/selectors.ts';
import { isBigChange } from '../../workspace/bigChange.ts';
import { FileModels } from './fileModels.ts';
import { showDiagnostics } from './markerSync.ts';
import { monaco } from './monaco.ts';
import { registerQuickFixes } from './quickFixes.ts';
import { SelectionSync } from './selectionSync.ts';
import { TextSync } from './textSync.ts';

type ViewState = import('monaco-editor/editor').editor.ICodeEditorViewState;

const THEMES: Record<Theme, string> = { light: 'vs', dark: 'vs-dark' };

/** Above this size (about 300 resources) a file is big: the editor keeps to what stays cheap. */
const BIG_FILE_CHARS = 100_000;

/**
 * Options that depend on the file shown. A big file has no sticky scroll and no folding: both
 * recompute over the whole file after every keystroke (from the YAML worker's outline, or from
 * the indentation), which at 1,000 resources delayed the echo of the next key.
 */
function optionsFor(big: boolean): monaco.editor.IEditorOptions {
  return {
    stickyScroll: { enabled: !big },
    folding: !big,
    occurrencesHighlight: big ? 'off' : 'singleFile',
    // Colouring bracket pairs parses the whole file into a tree on its first paint: a third of
    // the editor's first frame after a thousand-resource import, for a few flow maps.
    bracketPairColorization: { enabled: !big },
  };
}

/**
 * The Manifests editor outside React: one Monaco editor in `container`, one model per
 * workspace file, and the store followed through one subscription whose steps run in a fixed
 * order (models, text, shown file, markers, theme, selection, reveal), so each step sees the
 * work of the one before. Returns the function that tears it down, sending any typing still
 * pending.
 */
export function openManifestEditor(container: HTMLElement, store: DesignerStore): () => void {
  const editor = monaco.editor.create(container, {
    model: null,
    theme: THEMES[store.getState().theme],
    ariaLabel: 'YAML manifests',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    // Hovers and suggestions may overflow the pane: the split panes clip their content.
    fixedOverflowWidgets: true,
    // Suggest what the schema knows, not words seen elsewhere in the text.
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, strings: true, comments: false },
  });
  const models = new FileModels();
  const text = new TextSync(store, models);
  const viewStates = new Map<string, ViewState | null>();
  let shown: string | null = null;
  let shownBig: boolean | undefined;
  const selection = new SelectionSync(
    editor,
    store,
    () => shown,
    (file) => text.pending(file),
  );

  function showFile(state: DesignerState): void {
    const wanted = state.activeFile ?? selectFileNames(state)[0] ?? null;
    const model = (wanted && models.get(wanted)) || null;
    const file = model ? wanted : null;
    // The options before the model: attaching a big file with folding and sticky scroll on would
    // compute both over the whole file once for nothing.
    const big = (model?.getValueLength() ?? 0) > BIG_FILE_CHARS;
    if (big !== shownBig) editor.updateOptions(optionsFor(big));
    shownBig = big;
    if (file === shown && editor.getModel() === model) return;
    if (shown && models.get(shown)) viewStates.set(shown, editor.saveViewState());
    editor.setModel(model);
    const view = file && viewStates.get(file);
    if (view) editor.restoreViewState(view);
    shown = file;
  }

  function update(state: DesignerState, prev: DesignerState | undefined): void {
    const textChanged = !prev || state.workspace !== prev.workspace || state.drafts !== prev.drafts;
    if (textChanged) {
      const { created, gone, renamed } = models.sync(selectFileNames(state), (f) =>
        selectFileText(state, f),
      );
      text.forget(gone);
      for (const file of gone) viewStates.delete(file);
      if (shown && gone.includes(shown)) shown = null;
      for (const [from, to] of renamed) {
        text.rename(from, to);
        if (shown === from) shown = to;
      }
      for (const [file, model] of created) text.track(file, model);
      text.pull(state);
    }
    // The checks' findings arrive from their worker, after the text: markers follow them.
    if (!prev || state.problems !== prev.problems || state.drafts !== prev.drafts)
      showDiagnostics(models, selectProblems(state));
    const fileChanged = !prev || state.activeFile !== prev.activeFile;
    if (textChanged || fileChanged) {
      showFile(state);
    }
    if (!prev || state.theme !== prev.theme) monaco.editor.setTheme(THEMES[state.theme]);
    const selected = !prev || state.selection !== prev.selection;
    if (selected || textChanged || fileChanged) selection.show(state, selected);
    if (state.reveal && state.reveal !== prev?.reveal) jumpTo(state.reveal);
  }

  /** Shows a place asked for elsewhere (a clicked problem) and puts the cursor there to fix it. */
  function jumpTo(place: NonNullable<DesignerState['reveal']>): void {
    if (place.file !== shown) return;
    const position = { lineNumber: place.line, column: place.column };
    editor.setPosition(position);
    editor.revealPositionInCenterIfOutsideViewport(position, monaco.editor.ScrollType.Smooth);
    editor.focus();
  }

  const fixes = registerQuickFixes(store, models, () => text.flushAll());

  // The store's changes, in order; a big one (an import of a thousand resources) a task later,
  // so the graph is drawn first and loading the text into Monaco is a task of its own.
  let processed = store.getState();
  update(processed, undefined);
  let deferred: ReturnType<typeof setTimeout> | undefined;
  const catchUp = () => {
    deferred = undefined;
    const now = store.getState();
    if (now !== processed) update(now, processed);
    processed = now;
  };
  const unsubscribe = store.subscribe((state) => {
    if (deferred !== undefined) return;
    if (isBigChange(processed.workspace, state.workspace)) {
      deferred = setTimeout(catchUp, 0);
      return;
    }
    catchUp();
  });

  return () => {
    clearTimeout(deferred);
    unsubscribe();
    fixes.dispose();
    text.flushAll();
    selection.dispose();
    editor.dispose();
    text.dispose();
    models.dispose();
  };
}
