import { applyCommand } from '../edit/applyCommand.ts';
import type { Command } from '../edit/command.ts';
import {
  fileText,
  loadWorkspace,
  type SourceText,
  type Workspace,
} from '../workspace/workspace.ts';

/**
 * A headless editor for tests: load YAML, apply commands, undo and redo, and read the text
 * back. Undo is a stack of whole workspaces, which is exact because commands are pure.
 */
export class TestEditor {
  private past: Workspace[] = [];
  private future: Workspace[] = [];

  constructor(public workspace: Workspace) {}

  static load(text: string, name = 'test.yaml'): TestEditor {
    return new TestEditor(loadWorkspace([{ name, text }]));
  }

  static loadFiles(files: readonly SourceText[]): TestEditor {
    return new TestEditor(loadWorkspace(files));
  }

  /** Applies a command as one undo step; throws with the command's message when it fails. */
  apply(command: Command): this {
    const result = applyCommand(this.workspace, command);
    if (!result.ok) throw new Error(result.error);
    this.past.push(this.workspace);
    this.future = [];
    this.workspace = result.value;
    return this;
  }

  /** Applies a command that is expected to fail; returns its message. */
  refuse(command: Command): string {
    const result = applyCommand(this.workspace, command);
    if (result.ok) throw new Error(`expected ${command.type} to be refused`);
    return result.error;
  }

  undo(): this {
    const previous = this.past.pop();
    if (previous) {
      this.future.push(this.workspace);
      this.workspace = previous;
    }
    return this;
  }

  redo(): this {
    const next = this.future.pop();
    if (next) {
      this.past.push(this.workspace);
      this.workspace = next;
    }
    return this;
  }

  /** The text of one file (the first when none is named). */
  yaml(name?: string): string {
    const file = name ? this.workspace.files.find((f) => f.name === name) : this.workspace.files[0];
    if (!file) throw new Error(`no file ${name ?? ''}`);
    return fileText(file);
  }
}
