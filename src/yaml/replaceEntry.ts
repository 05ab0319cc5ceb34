import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { type EditContext, renderBefore, type Splice } from './editContext.ts';
import { type Container, findPair, formatPath, type Path } from './path.ts';
import {
  columnOf,
  indentRest,
  isCollectionValue,
  isEmptyCollection,
  lineStartOf,
} from './render.ts';

/** Replaces a whole entry (`key: value` or `- value`), keeping the key as written. */
export function replaceEntry(
  ctx: EditContext,
  path: Path,
  parent: Container | null,
  key: string | number | null,
  value: unknown,
): Splice | string {
  const { source, style } = ctx;
  if (parent === null || key === null) return replaceRoot(ctx, value);
  if (isMap(parent)) {
    const pair = findPair(parent, key) as Pair<Node, Node | null>;
    const from = source.start(pair.key);
    const to = pair.value ? source.valueEnd(pair.value) : source.contentEnd(pair.key);
    const column = columnOf(source.text, from);
    // A key's range ends before its `:`; keep the key as written up to and including it.
    let colon = source.span(pair.key)[1];
    while (source.text[colon] === ' ' || source.text[colon] === '\t') colon++;
    if (source.text[colon] !== ':') return `cannot replace ${formatPath(path)}: unusual key layout`;
    const keyText = source.text.slice(from, colon + 1);
    // The value's anchor stays, so that aliases of it now share the new value.
    const anchor = pair.value?.anchor ? ` &${pair.value.anchor}` : '';
    return valueSplice(ctx, from, to, keyText + anchor + afterKey(ctx, value, column, to));
  }
  const item = parent.items[key as number] as Node | null;
  const dash = item ? source.dashOf(item) : undefined;
  if (!item || dash === undefined) return `cannot replace ${formatPath(path)}`;
  const column = columnOf(source.text, dash);
  const to = source.valueEnd(item);
  // Rendered as `- value` so that nested lines and block scalars are indented relative to the dash.
  const rendered = indentRest(renderBefore(ctx, [value], to).slice(2), column, style);
  let anchor = '';
  if (item.anchor) {
    anchor = `&${item.anchor}`;
    const block = isCollectionValue(value) && !isEmptyCollection(value);
    anchor += block ? style.eol + ' '.repeat(column + 2) : ' ';
  }
  return valueSplice(ctx, dash + 1, to, ` ${anchor}${rendered}`);
}

/** Replaces the document's root value, or writes one into an empty document. */
export function replaceRoot(ctx: EditContext, value: unknown): Splice {
  const { source, style, root } = ctx;
  if (root?.range && !(isScalar(root) && root.source === '' && root.value === null)) {
    const from = source.start(root);
    const to = source.contentEnd(root);
    // A scalar is rendered as a list item's so a block scalar's lines are indented: at
    // column 0, comment lines after it would be read as its content.
    const rendered = isCollectionValue(value)
      ? renderBefore(ctx, value, to)
      : renderBefore(ctx, [value], to).slice(2);
    // After `---` or a tag on the same line, a block collection starts on the next line.
    if (source.text.slice(lineStartOf(source.text, from), from).trim() !== '') {
      const block = isCollectionValue(value) && !isEmptyCollection(value);
      const text = block ? style.eol + indentRest(rendered, 0, style) : rendered;
      return valueSplice(ctx, from, to, text);
    }
    const text = indentRest(rendered, columnOf(source.text, from), style);
    return valueSplice(ctx, from, to, text);
  }
  // An empty document (`---` alone, or only comments): add the content at its end, before
  // its `...` marker if it has one.
  const at = ctx.document.directives.docEnd
    ? source.lineAfter(source.offset(ctx.document.range[1]))
    : source.text.length;
  const lead = at > 0 && source.text[at - 1] !== '\n' ? style.eol : '';
  return {
    from: at,
    to: at,
    text: `${lead}${renderBefore(ctx, value, at).split('\n').join(style.eol)}${style.eol}`,
  };
}

/**
 * A splice that writes a value over `[from, to)`. When the value takes several lines, what
 * followed the old value would continue its last line, perhaps inside a block scalar: a
 * trailing comment moves to the first line (`key: |- # comment`), trailing spaces go, and
 * so do the spaces of blank lines after it (a block scalar would read them as content).
 */
function valueSplice(ctx: EditContext, from: number, to: number, text: string): Splice {
  const { source, style } = ctx;
  const firstBreak = text.indexOf(style.eol);
  if (firstBreak === -1) return { from, to, text };
  let lineEnd = source.text.indexOf('\n', to);
  if (lineEnd === -1) lineEnd = source.text.length;
  else if (source.text[lineEnd - 1] === '\r') lineEnd--;
  const comment = source.text.slice(to, lineEnd).trim();
  if (comment !== '' && !comment.startsWith('#')) return { from, to, text };
  const head =
    comment === '' ? text : `${text.slice(0, firstBreak)} ${comment}${text.slice(firstBreak)}`;
  // Blank space up to the next content; the indentation of that content stays.
  const blank = (/^[ \t\r\n]*/.exec(source.text.slice(lineEnd)) as RegExpExecArray)[0];
  const atEnd = lineEnd + blank.length === source.text.length;
  const lines = atEnd ? blank.length : blank.lastIndexOf('\n') + 1;
  const cleaned = blank.slice(0, lines).replace(/[ \t]+/g, '');
  return { from, to: lineEnd + lines, text: head + cleaned };
}

/** What follows `key:` for a value whose key sits at `column`, written before offset `at`. */
export function afterKey(ctx: EditContext, value: unknown, column: number, at: number): string {
  // Rendered as the value of a key at column 0, so nested lines and block scalars are
  // indented relative to the key, then shifted to the key's column.
  const rendered = renderBefore(ctx, { k: value }, at).slice('k:'.length);
  return indentRest(rendered, column, ctx.style);
}
