import { modelPath } from './modelPath.ts';
import { monaco } from './monaco.ts';

type Model = import('monaco-editor/editor').editor.ITextModel;

/**
 * One Monaco model per workspace file, kept in step with the store's file list. A model holds
 * a file's text, its undo stack and its markers, so it lives as long as the file does, not as
 * long as its tab is shown.
 */
export class FileModels {
  private readonly models = new Map<string, Model>();

  get(file: string): Model | undefined {
    return this.models.get(file);
  }

  entries(): IterableIterator<[string, Model]> {
    return this.models.entries();
  }

  /**
   * Creates models for new files (with `textOf`) and disposes those of files that are gone.
   * A file that went while a new one came with exactly its model's text was renamed (a text
   * replaced whole becomes `untitled.yaml`): its model moves to the new name, keeping Monaco's
   * undo stack and cursor. Says which came, went and moved, so the caller can follow them.
   */
  sync(
    files: readonly string[],
    textOf: (file: string) => string,
  ): { created: [string, Model][]; gone: string[]; renamed: [string, string][] } {
    const created: [string, Model][] = [];
    const renamed: [string, string][] = [];
    const going = [...this.models].filter(([file]) => !files.includes(file));
    for (const file of files) {
      if (this.models.has(file)) continue;
      const text = textOf(file);
      const moved = going.findIndex(([, model]) => model.getValue() === text);
      const [from, model] = moved >= 0 ? (going.splice(moved, 1)[0] as [string, Model]) : [];
      if (from !== undefined && model) {
        this.models.delete(from);
        this.models.set(file, model);
        renamed.push([from, file]);
        continue;
      }
      created.push([file, this.create(file, text)]);
    }
    for (const [file, model] of going) {
      model.dispose();
      this.models.delete(file);
    }
    return { created, gone: going.map(([file]) => file), renamed };
  }

  private create(file: string, text: string): Model {
    const mine = new Set(this.models.values());
    let uri = monaco.Uri.from({ scheme: 'file', path: modelPath(file) });
    // A model of this URI may survive a previous editor (React remounts): reuse it. One that
    // is ours under another name (a renamed file keeps its URI) is not: a fresh URI then.
    let model = monaco.editor.getModel(uri);
    for (let n = 2; model && mine.has(model); n++) {
      uri = monaco.Uri.from({ scheme: 'file', path: modelPath(file, n) });
      model = monaco.editor.getModel(uri);
    }
    model ??= monaco.editor.createModel(text, 'yaml', uri);
    model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true });
    this.models.set(file, model);
    return model;
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
  }
}
