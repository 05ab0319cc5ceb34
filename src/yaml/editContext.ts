import type { Node } from 'yaml';
import { DocSource } from './docSource.ts';
import { detectStyle, renderValue, type Style } from './render.ts';
import { MAX_ALIAS_COUNT, type YamlDoc } from './yamlDoc.ts';

/** A replacement of `[from, to)` of the document's text. */
export interface Splice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * The one document an edit is planned on, as every splice planner reads it: its text with
 * the parser's positions, its root node, and the layout that new text copies.
 */
export interface EditContext {
  readonly source: DocSource;
  readonly root: Node | null;
  readonly style: Style;
  readonly document: YamlDoc['document'];
}

export function createEditContext(ydoc: YamlDoc): EditContext {
  const root = ydoc.document.contents as Node | null;
  return {
    document: ydoc.document,
    source: new DocSource(ydoc.text, ydoc.base),
    root,
    style: detectStyle(ydoc.text, root, ydoc.base),
  };
}

/** A node's plain value, aliases resolved (within the alias limit). */
export function plainValue(ctx: EditContext, node: Node): unknown {
  return node.toJS(ctx.document, { maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * Renders a value to be written before offset `at`. When a comment line follows, multi-line
 * strings are double-quoted: a block scalar would read an indented comment as its content.
 */
export function renderBefore(ctx: EditContext, value: unknown, at: number): string {
  return renderValue(value, ctx.style, !commentFollows(ctx.source.text, at));
}

/** Whether the first non-blank line after the one holding `at` is a comment. */
function commentFollows(text: string, at: number): boolean {
  let i = at === 0 || text[at - 1] === '\n' ? at : text.indexOf('\n', at) + 1;
  while (i > 0 && i < text.length) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i, end === -1 ? text.length : end);
    if (line.trim() !== '') return line.trim().startsWith('#');
    i = end + 1;
  }
  return false;
}

/** Inserts `text` as new lines at a line start, indented to `column`. */
export function insertLines(ctx: EditContext, at: number, column: number, text: string): Splice {
  const { source, style } = ctx;
  const lead = at > 0 && source.text[at - 1] !== '\n' ? style.eol : '';
  return { from: at, to: at, text: `${lead}${' '.repeat(column)}${text}${style.eol}` };
}
