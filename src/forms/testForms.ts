import { expect } from 'vitest';
import { lint } from '../check/lint.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import type { FlowGraph, GraphNode } from '../graph/types.ts';
import { type LineDiff, lineDiff } from '../testing/lineDiff.ts';
import { TestEditor } from '../testing/testEditor.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { fieldCommand } from './fieldCommand.ts';
import { formFor } from './formFor.ts';
import type { FormEntry, FormField, FormGroup, FormSection, GroupItem } from './types.ts';

/**
 * Test helpers for the forms (not a test file itself): the form of a node, its fields and
 * groups by id, and an edit applied through the headless editor with its undo and redo checked.
 */

/** A node of the graph by id, or a node given as it is (one the graph does not draw yet). */
export function nodeOf(workspace: Workspace, id: string | GraphNode): GraphNode {
  if (typeof id !== 'string') return id;
  const node = deriveGraph(workspace).nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

export function formOf(editor: TestEditor, nodeId: string | GraphNode): FormSection[] {
  return formFor(editor.workspace, nodeOf(editor.workspace, nodeId));
}

/** Every entry of a form, depth first: sections, groups, group items' entries, add fields. */
export function* walk(entries: readonly FormEntry[]): Generator<FormEntry> {
  for (const entry of entries) {
    yield entry;
    if (entry.kind === 'section') yield* walk(entry.entries);
    if (entry.kind === 'group') {
      for (const item of entry.items) yield* walk(item.entries);
      yield* walk(entry.addFields);
    }
  }
}

export function fieldOf(sections: readonly FormEntry[], id: string): FormField {
  for (const entry of walk(sections)) if (entry.kind === 'field' && entry.id === id) return entry;
  throw new Error(`no field ${id}; fields: ${fieldIds(sections).join(', ')}`);
}

export function fieldIds(sections: readonly FormEntry[]): string[] {
  return [...walk(sections)].filter((e) => e.kind === 'field').map((e) => e.id);
}

export function groupOf(sections: readonly FormEntry[], id: string): FormGroup {
  for (const entry of walk(sections)) if (entry.kind === 'group' && entry.id === id) return entry;
  throw new Error(`no group ${id}`);
}

export function itemOf(group: FormGroup, title: RegExp | string): GroupItem {
  const item = group.items.find((i) =>
    typeof title === 'string' ? i.title === title : title.test(i.title),
  );
  if (!item) throw new Error(`no item ${String(title)} in ${group.items.map((i) => i.title)}`);
  return item;
}

export interface Edited {
  readonly editor: TestEditor;
  readonly before: string;
  readonly after: string;
  readonly diff: LineDiff;
  readonly graph: FlowGraph;
}

/**
 * Applies a command as one step, checks that undo gives back the exact text and redo the edited
 * one, and returns the line diff.
 */
export function applyChecked(
  editor: TestEditor,
  command: Parameters<TestEditor['apply']>[0],
): Edited {
  const before = editor.yaml();
  editor.apply(command);
  const after = editor.yaml();
  expect(after).not.toBe(before);
  editor.undo();
  expect(editor.yaml()).toBe(before);
  editor.redo();
  expect(editor.yaml()).toBe(after);
  return {
    editor,
    before,
    after,
    diff: lineDiff(before, after),
    graph: deriveGraph(editor.workspace),
  };
}

/** Types `input` into a field of a node's form and applies the command it gives. */
export function editField(
  yaml: string,
  nodeId: string | GraphNode,
  fieldId: string,
  input: unknown,
): Edited {
  const editor = TestEditor.load(yaml);
  const node = nodeOf(editor.workspace, nodeId);
  const field = fieldOf(formFor(editor.workspace, node), fieldId);
  const result = fieldCommand(field.target ?? (node.resource as string), field, input);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  if (!result.command) throw new Error('no command');
  return applyChecked(editor, result.command);
}

/** The message a field gives for `input`; fails when it would give a command instead. */
export function refusal(
  yaml: string,
  nodeId: string | GraphNode,
  fieldId: string,
  input: unknown,
): string {
  const editor = TestEditor.load(yaml);
  const node = nodeOf(editor.workspace, nodeId);
  const field = fieldOf(formFor(editor.workspace, node), fieldId);
  const result = fieldCommand(field.target ?? (node.resource as string), field, input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.command)}`);
  return result.error;
}

/** Adds an item to a group of a node's form with the add row's inputs. */
export function addItem(
  yaml: string,
  nodeId: string | GraphNode,
  groupId: string,
  inputs: Readonly<Record<string, unknown>> = {},
): Edited {
  const editor = TestEditor.load(yaml);
  const group = groupOf(formOf(editor, nodeId), groupId);
  if (!group.add) throw new Error(`group ${groupId} has no add`);
  const result = group.add(inputs);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  if (!result.command) throw new Error('no command');
  return applyChecked(editor, result.command);
}

/** Error findings (codes and messages) of a workspace: what lint would newly complain about. */
export function errors(workspace: Workspace): string[] {
  return lint(workspace)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.message}`);
}
