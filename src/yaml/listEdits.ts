import { isScalar, isSeq, type Node } from 'yaml';
import {
  type EditContext,
  insertLines,
  plainValue,
  renderBefore,
  type Splice,
} from './editContext.ts';
import { type Container, formatPath, locate, type Path } from './path.ts';
import { insertAt, moveWithin } from './plainEdit.ts';
import { columnOf, indentRest } from './render.ts';
import { rewriteWhole } from './rewriteCollection.ts';
import { setValue } from './setValue.ts';

/** Inserts `value` at `index` of the list at `path`; a missing or empty list becomes `[value]`. */
export function insertValue(
  ctx: EditContext,
  path: Path,
  index: number,
  value: unknown,
): Splice | string {
  const located = locate(ctx.root, path);
  const node = located.found ? located.node : null;
  if (node === null || (isScalar(node) && node.value === null)) {
    if (index !== 0) return `cannot insert at ${formatPath(path)}[${index}]: the list is empty`;
    return setValue(ctx, path, [value]);
  }
  if (!isSeq(node))
    return `cannot insert into ${formatPath(path) || 'the document'}: it is not a list`;
  if (!Number.isInteger(index) || index < 0 || index > node.items.length) {
    return `cannot insert at ${formatPath(path)}[${index}]: the list has ${node.items.length} items`;
  }
  return insertItem(ctx, node, index, value);
}

/**
 * Writes a new item as lines of its own before the item now at `index`, or after the last
 * item. A list whose `-` do not each start a line is written again whole.
 */
export function insertItem(
  ctx: EditContext,
  seq: Container,
  index: number,
  value: unknown,
): Splice | string {
  const { source, style } = ctx;
  const dashes = source.dashes(seq);
  if (!dashes)
    return rewriteWhole(ctx, seq, insertAt(plainValue(ctx, seq) as unknown[], index, value));
  const column = columnOf(source.text, dashes[0] as number);
  const item = (at: number) => indentRest(renderBefore(ctx, [value], at), column, style);
  if (index < dashes.length) {
    const at = source.blockStart(dashes[index] as number);
    return { from: at, to: at, text: ' '.repeat(column) + item(at) + style.eol };
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const at = source.lineAfter(source.entryEnd(last));
  return insertLines(ctx, at, column, item(at));
}

/**
 * Moves the item at `from` of the list at `path` to `to`, carrying its lines and the
 * comments above it. Moving an item to where it is changes nothing.
 */
export function moveItem(
  ctx: EditContext,
  path: Path,
  from: number,
  to: number,
): Splice | string | null {
  const { source, style } = ctx;
  const located = locate(ctx.root, path);
  const seq = located.found ? located.node : null;
  if (!isSeq(seq))
    return `cannot move items of ${formatPath(path) || 'the document'}: it is not a list`;
  const n = seq.items.length;
  if (![from, to].every((i) => Number.isInteger(i) && i >= 0 && i < n)) {
    return `cannot move ${formatPath(path)}[${from}] to [${to}]: the list has ${n} items`;
  }
  if (from === to) return null;
  const dashes = source.dashes(seq);
  if (!dashes)
    return rewriteWhole(ctx, seq, moveWithin(plainValue(ctx, seq) as unknown[], from, to));
  const starts = dashes.map((dash) => source.blockStart(dash));
  const end = source.lineAfter(source.entryEnd(seq.items[n - 1] as Node));
  const blocks = starts.map((start, i) => source.text.slice(start, starts[i + 1] ?? end));
  const lastBlock = blocks[n - 1] as string;
  const missingEol = !/\n$/.test(lastBlock);
  if (missingEol) blocks[n - 1] = lastBlock + style.eol;
  let text = moveWithin(blocks, from, to).join('');
  if (missingEol) text = text.slice(0, -style.eol.length);
  return { from: starts[0] as number, to: end, text };
}
