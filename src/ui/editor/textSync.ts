import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import { selectFileText } from '../../store/selectors.ts';
import type { TextEdit } from '../../yaml/textEdit.ts';
import type { FileModels } from './fileModels.ts';
import { rebase } from './rebase.ts';

type Model = import('monaco-editor/editor').editor.ITextModel;

/**
 * How long typing pauses before the store re-parses (and the graph redraws). Short, because a
 * key's graph arrives this much later; enough that a burst of keys parses once. What follows
 * the pause is split into short tasks (the canvas draws from a deferred value), so a typist whose
 * next key comes just after it is echoed at once even in a thousand resources.
 */
export const TYPING_PAUSE_MS = 100;

interface FileSync {
  /** The file's name now (a text replaced whole renames it). */
  file: string;
  /** The last text the editor and the store agreed on. */
  base: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The typing not sent yet replaced the whole text (Ctrl+A, then typing or pasting). */
  whole: boolean;
}

/**
 * Keeps each model's text and the store's text of its file in step, both ways.
 *
 * Editor → store: a pause in typing sends the text to `editText` (the store parses it, or
 * keeps it as a draft when it does not parse). Store → editor: when the store's text changes
 * for another reason (a graph edit, undo, import) the change goes in as one edit of just the
 * stretch that changed, so the cursor, scroll and Monaco's undo stack survive. If the user
 * typed meanwhile and the store changed elsewhere, both are kept (see `rebase`); if they
 * changed the same stretch, the user's text wins.
 *
 * Echo guard: edits this makes itself are flagged while they run, so they are not sent back
 * as typing; and text the editor sent becomes the agreed `base` first, so the store's answer
 * to it is recognised as nothing new.
 */
export class TextSync {
  private readonly files = new Map<string, FileSync>();
  private applying = false;

  constructor(
    private readonly store: DesignerStore,
    private readonly models: FileModels,
  ) {}

  /** Starts following a new model: its typing goes to the store after a pause. */
  track(file: string, model: Model): void {
    const sync: FileSync = { file, base: model.getValue(), timer: undefined, whole: false };
    this.files.set(file, sync);
    model.onDidChangeContent((event) => {
      if (this.applying) return;
      if (!event.isUndoing && !event.isRedoing && replacesAll(event.changes, model))
        sync.whole = true;
      clearTimeout(sync.timer);
      sync.timer = setTimeout(() => this.flush(sync.file), TYPING_PAUSE_MS);
    });
  }

  /** Follows a file under its new name (its model moved with it). */
  rename(from: string, to: string): void {
    const sync = this.files.get(from);
    if (!sync) return;
    this.files.delete(from);
    sync.file = to;
    this.files.set(to, sync);
  }

  /** Forgets files whose models were disposed (their typing went with them). */
  forget(files: readonly string[]): void {
    for (const file of files) {
      clearTimeout(this.files.get(file)?.timer);
      this.files.delete(file);
    }
  }

  /** True while typing in `file` has not reached the store yet. */
  pending(file: string): boolean {
    return this.files.get(file)?.timer !== undefined;
  }

  /** Sends a file's typing to the store now. */
  flush(file: string): void {
    const sync = this.files.get(file);
    const model = this.models.get(file);
    if (!sync || !model) return;
    clearTimeout(sync.timer);
    sync.timer = undefined;
    const text = model.getValue();
    sync.base = text;
    const whole = sync.whole;
    sync.whole = false;
    this.store.getState().editText(file, text, whole);
  }

  /** Sends all pending typing (before the editor goes away: no typing is lost). */
  flushAll(): void {
    for (const [file, sync] of this.files) if (sync.timer !== undefined) this.flush(file);
  }

  /** Brings every model up to the store's text after a store change. */
  pull(state: DesignerState): void {
    for (const [file, model] of this.models.entries()) {
      const sync = this.files.get(file);
      if (!sync) continue;
      const theirs = selectFileText(state, file);
      const mine = model.getValue();
      if (theirs === mine) {
        sync.base = theirs;
        continue;
      }
      const result = rebase(sync.base, mine, theirs);
      if (result.kind === 'conflict') {
        this.flush(file);
      } else if (result.kind === 'edit') {
        this.push(model, result.edit);
        sync.base = theirs;
      }
    }
  }

  private push(model: Model, edit: TextEdit): void {
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    const range = {
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
    this.applying = true;
    try {
      // Undo stops on both sides make the store's change one step of Monaco's own undo.
      model.pushStackElement();
      model.pushEditOperations([], [{ range, text: edit.text }], () => null);
      model.pushStackElement();
    } finally {
      this.applying = false;
    }
  }

  dispose(): void {
    for (const sync of this.files.values()) clearTimeout(sync.timer);
    this.files.clear();
  }
}

/** True when one change replaced everything the model held (it held something). */
function replacesAll(
  changes: readonly { rangeOffset: number; rangeLength: number; text: string }[],
  model: Model,
): boolean {
  const [change] = changes;
  if (!change || changes.length !== 1 || change.rangeOffset !== 0) return false;
  const before = model.getValueLength() - change.text.length + change.rangeLength;
  return before > 0 && change.rangeLength === before;
}
