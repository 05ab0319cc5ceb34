import { expect } from 'vitest';
import { lint } from '../check/lint.ts';
import type { CommandResult } from '../edit/command.ts';
import type { Gesture } from '../edit/gestures/gesture.ts';
import type { FlowGraph } from '../graph/types.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type LineDiff, lineDiff } from './lineDiff.ts';
import { TestEditor } from './testEditor.ts';

/**
 * Test helpers for gestures (not a test file itself): apply a gesture through the headless
 * editor and check what a user would notice: the YAML lines, undo/redo, the graph, the problems.
 */

export function graphOf(editor: TestEditor): FlowGraph {
  return editor.graph();
}

/** The gesture's value, or a test failure with the refusal's message. */
export function accepted(result: CommandResult<Gesture>): Gesture {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.value;
}

/** The refusal's message, or a test failure when the gesture was accepted. */
export function refused(result: CommandResult<Gesture>): string {
  if (result.ok) throw new Error(`expected a refusal, got: ${result.value.summary}`);
  return result.error;
}

/**
 * Applies a gesture as one step and checks that undo gives back the text before and redo the
 * text after, in every file. Returns the line diff of `file` (the first when none is named).
 */
export function applyChecked(editor: TestEditor, gesture: Gesture, file?: string): LineDiff {
  const before = editor.workspace.files.map((f) => editor.yaml(f.name));
  const text = editor.yaml(file);
  editor.apply(gesture.command);
  const after = editor.workspace.files.map((f) => editor.yaml(f.name));
  const diff = lineDiff(text, editor.yaml(file));
  expect(editor.undo().workspace.files.map((f) => editor.yaml(f.name))).toEqual(before);
  expect(editor.redo().workspace.files.map((f) => editor.yaml(f.name))).toEqual(after);
  return diff;
}

/** Errors `lint` reports after that it did not report before (by code, resource and message). */
export function newErrors(before: Workspace, after: Workspace): string[] {
  const key = (d: { code: string; resource?: string; message: string }) =>
    `${d.code} ${d.resource ?? ''}: ${d.message}`;
  const old = new Set(
    lint(before)
      .filter((d) => d.severity === 'error')
      .map(key),
  );
  return lint(after)
    .filter((d) => d.severity === 'error')
    .map(key)
    .filter((k) => !old.has(k));
}

/** Edges of `kind` as `source -> target` (with ` @weight` when weighted). */
export function edges(graph: FlowGraph, kind: string): string[] {
  return graph.edges
    .filter((e) => e.kind === kind)
    .map((e) => `${e.source} -> ${e.target}${e.weight === undefined ? '' : ` @${e.weight}`}`);
}

export { TestEditor };
