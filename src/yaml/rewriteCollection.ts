import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { type EditContext, plainValue, type Splice } from './editContext.ts';
import type { DocEdit } from './editDoc.ts';
import { type Container, formatPath, locate, type Path } from './path.ts';
import { applyPlain, PlainEditError } from './plainEdit.ts';
import { isCollectionValue, renderFlow } from './render.ts';
import { replaceEntry } from './replaceEntry.ts';

// Collections written again whole from their plain value: flow collections, which are edited
// on their one line, and block layouts the line-based edits do not handle.

/** A flow collection (`{…}`, `[…]`) and its path. */
export interface FlowCollection {
  readonly node: Container;
  readonly path: Path;
}

/**
 * The outermost flow collection (`{…}`, `[…]`) the edit reaches into, with its path. A
 * delete reaches into its parent, not into the node it removes; a set of a scalar replaces
 * the collection like any other value.
 */
export function flowAncestor(ctx: EditContext, edit: DocEdit): FlowCollection | undefined {
  const { path } = edit;
  const replaces = edit.op === 'delete' || (edit.op === 'set' && !isCollectionValue(edit.value));
  const deepest = replaces ? path.length - 1 : path.length;
  for (let depth = 0; depth <= deepest; depth++) {
    const prefix = path.slice(0, depth);
    const located = locate(ctx.root, prefix);
    if (!located.found) return undefined;
    const node = located.node;
    if ((isMap(node) || isSeq(node)) && node.flow) return { node, path: prefix };
  }
  return undefined;
}

/** Edits inside a flow collection are made on its value and the collection is written again on one line. */
export function rewriteFlow(
  ctx: EditContext,
  flow: FlowCollection,
  edit: DocEdit,
): Splice | string | null {
  const relative = edit.path.slice(flow.path.length);
  const before = plainValue(ctx, flow.node);
  const after = applyPlain(before, { ...edit, path: relative }, flow.path);
  if (after instanceof PlainEditError) return `${refusal(edit)}: ${after.message}`;
  // Nothing changes (a delete of what is not there, a move to the same place): keep the text.
  if (JSON.stringify(after) === JSON.stringify(before)) return null;
  const [from, to] = ctx.source.span(flow.node);
  return { from, to, text: renderFlow(after, ctx.style) };
}

/** Writes a block collection again from its value: for layouts the line-based edits do not handle. */
export function rewriteWhole(ctx: EditContext, node: Container, value: unknown): Splice | string {
  const path = pathOf(ctx.root, node);
  if (!path) return 'cannot edit this collection';
  const parentPath = path.slice(0, -1);
  const located = locate(ctx.root, parentPath);
  const parent =
    located.found && (isMap(located.node) || isSeq(located.node)) ? located.node : null;
  return replaceEntry(
    ctx,
    path,
    parent,
    path.length ? (path[path.length - 1] as string | number) : null,
    value,
  );
}

function pathOf(root: Node | null, target: Node): Path | undefined {
  const search = (node: unknown, path: (string | number)[]): Path | undefined => {
    if (node === target) return path;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? (pair.key.value as string | number) : undefined;
        if (key === undefined) continue;
        const found = search(pair.value, [...path, key]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = search(node.items[i], [...path, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(root, []);
}

/** How a refusal of an edit starts: `cannot insert at spec.hosts[3]`. */
function refusal(edit: DocEdit): string {
  const where = formatPath(edit.path) || 'the document';
  switch (edit.op) {
    case 'insert':
      return `cannot insert at ${formatPath(edit.path)}[${edit.index}]`;
    case 'move':
      return `cannot move ${formatPath(edit.path)}[${edit.from}] to [${edit.to}]`;
    default:
      return `cannot ${edit.op} ${where}`;
  }
}
