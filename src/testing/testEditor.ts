import { type LintDiagnostic, lint } from '../check/lint.ts';
import { applyCommand } from '../edit/applyCommand.ts';
import type { Command } from '../edit/command.ts';
import type { FlowGraph } from '../graph/types.ts';
import { createDesignerStore, type DesignerStore } from '../store/designerStore.ts';
import { selectGraph } from '../store/selectors.ts';
import {
  fileText,
  loadWorkspace,
  type SourceText,
  serializeWorkspace,
  type Workspace,
} from '../workspace/workspace.ts';

/**
 * A headless driver for tests over the real store (as tldraw's TestEditor is its real Editor):
 * load YAML, apply commands, edit text, undo and redo through the store's own history, and
 * read back the text, the graph and the findings. What a test proves here is what the app does.
 */
export class TestEditor {
  readonly store: DesignerStore;

  constructor(workspace: Workspace) {
    this.store = createDesignerStore({ files: serializeWorkspace(workspace) });
  }

  static load(text: string, name = 'test.yaml'): TestEditor {
    return new TestEditor(loadWorkspace([{ name, text }]));
  }

  static loadFiles(files: readonly SourceText[]): TestEditor {
    return new TestEditor(loadWorkspace(files));
  }

  get workspace(): Workspace {
    return this.store.getState().workspace;
  }

  /** Applies a command as one undo step; throws with the store's message when it is refused. */
  apply(command: Command): this {
    const state = this.store.getState();
    if (!state.apply(command))
      throw new Error(this.store.getState().notice?.text ?? `${command.type} was refused`);
    return this;
  }

  /** Applies a command that is expected to fail; returns its message. Nothing changes. */
  refuse(command: Command): string {
    const result = applyCommand(this.workspace, command);
    if (result.ok) throw new Error(`expected ${command.type} to be refused`);
    return result.error;
  }

  /** Types a whole new text into a file, as the editor does (one coalesced step per file). */
  text(file: string, text: string): this {
    this.store.getState().editText(file, text);
    return this;
  }

  undo(): this {
    this.store.getState().undo();
    return this;
  }

  redo(): this {
    this.store.getState().redo();
    return this;
  }

  /** The text of one file (the first when none is named). */
  yaml(name?: string): string {
    const files = this.workspace.files;
    const file = name ? files.find((f) => f.name === name) : files[0];
    if (!file) throw new Error(`no file ${name ?? ''}`);
    return fileText(file);
  }

  /** The graph the canvas draws. */
  graph(): FlowGraph {
    return selectGraph(this.store.getState());
  }

  /** What the checks report on the workspace now. */
  findings(): LintDiagnostic[] {
    return lint(this.workspace);
  }
}
