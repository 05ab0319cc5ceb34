import { isMap, isScalar, isSeq, type Node, type Pair, Scalar } from 'yaml';
import { type EditContext, plainValue, type Splice } from './editContext.ts';
import type { DocEdit } from './editDoc.ts';
import { type Container, locate, type Path } from './path.ts';
import { applyPlain, PlainEditError } from './plainEdit.ts';
import { lineStartOf } from './render.ts';

// JSON (`kubectl get -o json`) is YAML 1.2 in flow style. The flow edits would write the whole
// document again on one line as YAML; here an edit splices JSON, pretty-printed as the file
// is, into the lines of the value, entry or item it changes, and the file stays JSON.

/** Whether a document is JSON: an object whose first key is written in double quotes. */
export function isJsonDoc(ctx: EditContext): boolean {
  const root = ctx.root;
  if (!isMap(root) || !root.flow) return false;
  const first = root.items[0] as Pair<unknown, unknown> | undefined;
  return !first || (isScalar(first.key) && first.key.type === Scalar.QUOTE_DOUBLE);
}

/** Plans an edit of a JSON document as a splice of JSON text. */
export function planJsonSplice(ctx: EditContext, edit: DocEdit): Splice | string | null {
  const target = locate(ctx.root, edit.path);
  if (edit.op === 'set' && target.found && target.node) {
    // Setting what is there already changes nothing, as in YAML documents: not even the quoting.
    if (JSON.stringify(plainValue(ctx, target.node)) === JSON.stringify(edit.value)) return null;
    return replaceNode(ctx, target.node, edit.value);
  }
  const parentPath =
    edit.op === 'insert' || edit.op === 'move' ? edit.path : edit.path.slice(0, -1);
  const parent = locate(ctx.root, parentPath);
  const key = edit.path[edit.path.length - 1];
  if (parent.found && (isMap(parent.node) || isSeq(parent.node))) {
    const container = parent.node;
    if (edit.op === 'delete' && key !== undefined) return deleteItem(ctx, container, key);
    if (edit.op === 'set' && isMap(container) && typeof key === 'string' && container.items.length)
      return appendPair(ctx, container, key, edit.value);
    if (edit.op === 'insert' && isSeq(container) && container.items.length)
      return insertItem(ctx, container, edit.index, edit.value);
  }
  if (edit.op === 'delete' && !target.found) return null;
  return rewriteAncestor(ctx, edit);
}

/** The deepest collection on the edit's path, written again with the edit made on its value. */
function rewriteAncestor(ctx: EditContext, edit: DocEdit): Splice | string | null {
  let depth = edit.path.length;
  let node: Node | null = null;
  for (; depth >= 0; depth--) {
    const located = locate(ctx.root, edit.path.slice(0, depth));
    if (located.found && (isMap(located.node) || isSeq(located.node))) {
      node = located.node;
      break;
    }
  }
  if (!node) return 'cannot edit this JSON document';
  const at: Path = edit.path.slice(0, depth);
  const before = plainValue(ctx, node);
  const after = applyPlain(before, { ...edit, path: edit.path.slice(depth) }, at);
  if (after instanceof PlainEditError) return after.message;
  if (JSON.stringify(after) === JSON.stringify(before)) return null;
  return replaceNode(ctx, node, after);
}

function replaceNode(ctx: EditContext, node: Node, value: unknown): Splice {
  const [from, to] = ctx.source.span(node);
  return { from, to, text: render(ctx, value, lineIndent(ctx, from)) };
}

/** Removes an entry or item with the comma and line break that separate it from a neighbour. */
function deleteItem(ctx: EditContext, container: Container, key: string | number): Splice | null {
  const spans = itemSpans(ctx, container);
  const index = isMap(container)
    ? container.items.findIndex(
        (pair) => isScalar(pair.key) && String(pair.key.value) === String(key),
      )
    : (key as number);
  const span = spans[index];
  if (!span) return null;
  const [start, end] = span;
  if (spans.length === 1) {
    const [from, to] = ctx.source.span(container);
    return { from, to, text: isMap(container) ? '{}' : '[]' };
  }
  if (index > 0) return { from: (spans[index - 1] as [number, number])[1], to: end, text: '' };
  return { from: start, to: (spans[1] as [number, number])[0], text: '' };
}

function appendPair(ctx: EditContext, map: Container, key: string, value: unknown): Splice {
  const last = itemSpans(ctx, map).at(-1) as [number, number];
  const indent = lineIndent(ctx, last[0]);
  const text = `,${ctx.style.eol}${indent}${JSON.stringify(key)}: ${render(ctx, value, indent)}`;
  return { from: last[1], to: last[1], text };
}

function insertItem(
  ctx: EditContext,
  seq: Container,
  index: number,
  value: unknown,
): Splice | string {
  const spans = itemSpans(ctx, seq);
  if (index < 0 || index > spans.length) return `the list has ${spans.length} items`;
  const next = spans[index];
  const anchor = next ?? (spans[spans.length - 1] as [number, number]);
  const indent = lineIndent(ctx, anchor[0]);
  const item = render(ctx, value, indent);
  const gap = `,${ctx.style.eol}${indent}`;
  return next
    ? { from: next[0], to: next[0], text: `${item}${gap}` }
    : { from: anchor[1], to: anchor[1], text: `${gap}${item}` };
}

/** Where each entry (key to value) or item of a flow collection is written. */
function itemSpans(ctx: EditContext, container: Container): [number, number][] {
  return (container.items as unknown[]).map((item) => {
    if (isMap(container)) {
      const pair = item as Pair<Node, Node | null>;
      const end = pair.value ?? pair.key;
      return [ctx.source.start(pair.key), ctx.source.span(end)[1]];
    }
    return ctx.source.span(item as Node);
  });
}

/** The spaces that start the line holding `offset`. */
function lineIndent(ctx: EditContext, offset: number): string {
  const start = lineStartOf(ctx.source.text, offset);
  return /^[ \t]*/.exec(ctx.source.text.slice(start, offset))?.[0] ?? '';
}

/** A value as JSON, indented as the document is, its later lines starting at `indent`. */
function render(ctx: EditContext, value: unknown, indent: string): string {
  const json = JSON.stringify(value, null, indentUnit(ctx.source.text)) ?? 'null';
  return json.split('\n').join(`${ctx.style.eol}${indent}`);
}

/** The indentation of the document's second line (`kubectl` writes four spaces). */
function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match?.[1] ?? '    ';
}
