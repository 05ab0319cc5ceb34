import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { isBlockScalar, isEmptyNode } from './docSource.ts';
import { type EditContext, insertLines, type Splice } from './editContext.ts';
import { insertItem } from './listEdits.ts';
import { type Container, formatPath, locate, type Path } from './path.ts';
import { columnOf, isCollectionValue, renderScalar, renderValue } from './render.ts';
import { afterKey, replaceEntry } from './replaceEntry.ts';

/**
 * Sets the value at `path`. A scalar that stays a one-line scalar has only its text replaced;
 * any other value rewrites the whole entry. A missing path is created under its deepest
 * existing map or list.
 */
export function setValue(ctx: EditContext, path: Path, value: unknown): Splice | string {
  const located = locate(ctx.root, path);
  if (located.found) {
    const { node, parent, key } = located;
    if (isAlias(node)) return replaceEntry(ctx, path, parent, key, value);
    if (
      isScalar(node) &&
      !isCollectionValue(value) &&
      !isEmptyNode(node) &&
      !isBlockScalar(node) &&
      keepsTag(node, value) &&
      node.range
    ) {
      const text = renderScalar(value, node, ctx.style);
      // A scalar that renders on several lines needs indenting under its key: rewrite the entry.
      if (!text.includes('\n')) {
        const [from, to] = ctx.source.span(node);
        return { from, to, text };
      }
    }
    return replaceEntry(ctx, path, parent, key, value);
  }
  const { depth, node } = located;
  const rest = path.slice(depth);
  const head = rest[0] as string | number;
  const nested = nest(rest.slice(1), value);
  if (nested === undefined)
    return `cannot create ${formatPath(path)}: only index 0 of a new list can be set`;
  if (isMap(node)) return appendPair(ctx, node, head, nested);
  if (isSeq(node) && head === node.items.length) return insertItem(ctx, node, head, nested);
  if (isSeq(node) && typeof head === 'number') {
    return `cannot set ${formatPath(path)}: the list has ${node.items.length} items`;
  }
  if (node === null || (isScalar(node) && node.value === null)) {
    const whole = nest(rest, value);
    if (whole === undefined)
      return `cannot create ${formatPath(path)}: only index 0 of a new list can be set`;
    return setValue(ctx, path.slice(0, depth), whole);
  }
  return `cannot set ${formatPath(path)}: ${formatPath(path.slice(0, depth)) || 'the document'} is not a map or list`;
}

/** Adds `key: value` after the last entry of a block map, at the column of its keys. */
function appendPair(
  ctx: EditContext,
  map: Container,
  key: string | number,
  value: unknown,
): Splice | string {
  const { source, style } = ctx;
  const first = map.items[0] as Pair<Node, Node | null> | undefined;
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
  if (!first?.key.range || !last) return 'cannot add to an empty map';
  const column = columnOf(source.text, source.start(first.key));
  const at = source.lineAfter(source.entryEnd(last.value ?? last.key));
  return insertLines(
    ctx,
    at,
    column,
    `${renderValue(key, style)}:${afterKey(ctx, value, column, at)}`,
  );
}

/**
 * Whether `value` can be written in place of a scalar's text, after its tag. A tag other
 * than `!!str` (or `!!str` with a non-string) would change what the new value reads as, so
 * the whole entry is written again without it.
 */
function keepsTag(node: Scalar, value: unknown): boolean {
  return !node.tag || (node.tag === 'tag:yaml.org,2002:str' && typeof value === 'string');
}

/** Builds the value to create for a missing path: `['a', 0, 'b']` → `{a: [{b: value}]}`. */
function nest(path: Path, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i] as string | number;
    if (typeof segment === 'number') {
      if (segment !== 0) return undefined;
      out = [out];
    } else {
      out = { [segment]: out };
    }
  }
  return out;
}
