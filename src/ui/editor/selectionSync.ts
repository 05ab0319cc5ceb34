import { nodeAtOffset, nodeLocation } from '../../graph/nodeLocation.ts';
import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import { selectFileText, selectGraph } from '../../store/selectors.ts';
import type { FilePosition } from '../../workspace/position.ts';
import { monaco } from './monaco.ts';
import { highlightRange } from './ranges.ts';

type Editor = import('monaco-editor/editor').editor.IStandaloneCodeEditor;

/** Where the selected node's YAML is, or undefined (nothing selected, or an implied node). */
export function selectedLocation(state: DesignerState): FilePosition | undefined {
  if (!state.selection) return undefined;
  const node = selectGraph(state).nodes.find((n) => n.id === state.selection);
  return node && nodeLocation(state.workspace, node);
}

/**
 * Selection in step both ways. A node selected elsewhere (the canvas) is revealed in the
 * middle of the editor, highlighted, and gets the cursor; moving the cursor in the editor
 * (a click or arrow key, not typing and not our own moves) selects the node whose YAML is
 * there.
 *
 * Loop guard: a selection that came from the cursor is only highlighted, not revealed, so
 * the editor does not scroll under the user's hand; cursor moves we make are ignored.
 */
export class SelectionSync {
  private readonly highlight: import('monaco-editor/editor').editor.IEditorDecorationsCollection;
  private fromCursor: string | null = null;
  private moving = false;

  constructor(
    private readonly editor: Editor,
    private readonly store: DesignerStore,
    private readonly activeFile: () => string | null,
    private readonly isPending: (file: string) => boolean,
  ) {
    this.highlight = editor.createDecorationsCollection();
    editor.onDidChangeCursorPosition((e) => {
      if (this.moving || e.reason !== monaco.editor.CursorChangeReason.Explicit) return;
      if (e.source === 'api') return;
      this.selectAt(e.position);
    });
  }

  /**
   * Highlights the selection. When `reveal` (the selection just changed) and it did not come
   * from the cursor, also opens its file, scrolls it into the middle and puts the cursor there.
   */
  show(state: DesignerState, reveal: boolean): void {
    const fromHere = state.selection !== null && state.selection === this.fromCursor;
    this.fromCursor = null;
    const location = selectedLocation(state);
    if (location && reveal && !fromHere && location.file !== this.activeFile()) {
      // The store's file switch swaps the editor's model before this goes on.
      this.store.getState().setActiveFile(location.file);
    }
    const model = this.editor.getModel();
    if (!location || !model || location.file !== this.activeFile()) {
      this.highlight.clear();
      return;
    }
    if (location.file in state.drafts || this.isPending(location.file)) {
      // The store's positions are those of its last parsed text, not of the text shown. An
      // existing highlight is kept (Monaco moves it with the edits); a new one waits.
      if (reveal) this.highlight.clear();
      return;
    }
    const range = model.validateRange(highlightRange(location));
    this.highlight.set([
      {
        range,
        options: {
          isWholeLine: true,
          className: 'selected-node-lines',
          overviewRuler: { color: '#2563eb99', position: monaco.editor.OverviewRulerLane.Full },
        },
      },
    ]);
    if (!reveal || fromHere) return;
    this.moving = true;
    try {
      this.editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
      this.editor.setPosition({ lineNumber: range.startLineNumber, column: range.startColumn });
    } finally {
      this.moving = false;
    }
  }

  private selectAt(position: { lineNumber: number; column: number }): void {
    const file = this.activeFile();
    const model = this.editor.getModel();
    if (!file || !model || this.isPending(file)) return;
    const state = this.store.getState();
    // Offsets only mean the same thing in both texts when they are equal (not a draft, no
    // typing on its way).
    if (file in state.drafts || selectFileText(state, file) !== model.getValue()) return;
    const node = nodeAtOffset(
      state.workspace,
      selectGraph(state),
      file,
      model.getOffsetAt(position),
    );
    if (!node || node.id === state.selection) return;
    this.fromCursor = node.id;
    state.select(node.id, 'editor');
  }

  dispose(): void {
    this.highlight.clear();
  }
}
