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
   * Says which came and went, so the caller can follow the new ones and drop pending work.
   */
  sync(
    files: readonly string[],
    textOf: (file: string) => string,
  ): { created: [string, Model][]; gone: string[] } {
    const created: [string, Model][] = [];
    const gone: string[] = [];
    for (const [file, model] of this.models) {
      if (files.includes(file)) continue;
      model.dispose();
      this.models.delete(file);
      gone.push(file);
    }
    for (const file of files) {
      if (this.models.has(file)) continue;
      const uri = monaco.Uri.from({ scheme: 'file', path: modelPath(file) });
      // A model of this URI may survive a previous editor (React remounts): reuse it.
      const model =
        monaco.editor.getModel(uri) ?? monaco.editor.createModel(textOf(file), 'yaml', uri);
      model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true });
      this.models.set(file, model);
      created.push([file, model]);
    }
    return { created, gone };
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
  }
}
