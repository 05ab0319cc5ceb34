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

/** Strips the common indentation of a template literal, so YAML can be written inline in tests. */
export function yamlText(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = raw.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines
    .map((l) => l.slice(cut))
    .join('\n')
    .replace(/[ ]+$/, '');
}

/**
 * Lines that differ between two texts, hunk by hunk in order: removed lines as `-old`, added
 * lines as `+new`. A longest-common-subsequence diff, small enough for test texts, so tests can
 * assert "only these lines changed".
 */
export function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        a[i] === b[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  const flush = () => {
    out.push(...removed.splice(0).map((l) => `-${l}`), ...added.splice(0).map((l) => `+${l}`));
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (
      j < b.length &&
      (i === a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))
    ) {
      added.push(b[j++] as string);
    } else {
      removed.push(a[i++] as string);
    }
  }
  flush();
  return out;
}
