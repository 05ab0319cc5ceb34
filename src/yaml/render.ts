import { Document, isMap, isScalar, isSeq, type Node, type Scalar, visit } from 'yaml';
import type { YamlDoc } from './yamlDoc.ts';

/** How a document indents, so that new lines look like the lines around them. */
export interface Style {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** Whether a list under a key is indented (`key:\n  - a`) or not (`key:\n- a`). */
  readonly indentSeq: boolean;
  readonly eol: '\n' | '\r\n';
}

export const DEFAULT_STYLE: Style = { indent: 2, indentSeq: true, eol: '\n' };

/** The parts of a style a document's layout shows; a part it does not show is left out. */
interface Layout {
  indent?: number;
  indentSeq?: boolean;
}

/**
 * Reads the indentation a document already uses from its first nested block collections.
 * `base` is subtracted from node offsets to index into `text`.
 */
export function detectStyle(text: string, root: Node | null, base: number): Style {
  const layout = detectLayout(text, root, base);
  return {
    indent: layout.indent ?? DEFAULT_STYLE.indent,
    indentSeq: layout.indentSeq ?? DEFAULT_STYLE.indentSeq,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/**
 * The style for a new document among others, read by `detectStyle`'s rules from `docs`, the
 * nearest first: each fills what the ones before it did not show (a document with no list
 * says nothing about lists), and the default the rest, as for a file with no documents.
 */
export function detectStyleAmong(docs: readonly YamlDoc[], eol: Style['eol']): Style {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (const doc of docs) {
    if (indent !== undefined && indentSeq !== undefined) break;
    const layout = detectLayout(doc.text, doc.document.contents as Node | null, doc.base);
    indent ??= layout.indent;
    indentSeq ??= layout.indentSeq;
  }
  return {
    indent: indent ?? DEFAULT_STYLE.indent,
    indentSeq: indentSeq ?? DEFAULT_STYLE.indentSeq,
    eol,
  };
}

function detectLayout(text: string, root: Node | null, base: number): Layout {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || (indent !== undefined && indentSeq !== undefined)) return;
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && (isMap(value) || isSeq(value)) && !value.flow && value.range) {
          const keyColumn = columnOf(text, key.range[0] - base);
          const childColumn = firstItemColumn(text, value, base);
          if (childColumn !== undefined && childColumn > keyColumn && isMap(value)) {
            indent ??= childColumn - keyColumn;
          } else if (childColumn !== undefined && isSeq(value)) {
            indentSeq ??= childColumn > keyColumn;
            if (childColumn > keyColumn) indent ??= childColumn - keyColumn;
          }
        }
        visit(value, depth + 1);
      }
    } else if (isSeq(node) && !node.flow) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(root, 0);
  return {
    ...(indent === undefined ? {} : { indent }),
    ...(indentSeq === undefined ? {} : { indentSeq }),
  };
}

/** Column of the first key of a block map, or of the first `-` of a block list. */
function firstItemColumn(text: string, node: Node, base: number): number | undefined {
  if (isMap(node)) {
    const key = node.items[0]?.key as Node | undefined;
    return key?.range ? columnOf(text, key.range[0] - base) : undefined;
  }
  if (isSeq(node) && node.range) return columnOf(text, node.range[0] - base);
  return undefined;
}

/** Offset where the line holding `offset` starts; a byte order mark opening the text is not part of the line. */
export function lineStartOf(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/**
 * Renders a value as YAML at column 0 without a trailing line break. Written as YAML 1.1,
 * because Kubernetes reads manifests as 1.1: strings such as `yes` or `on` get quoted.
 * Without `blockStrings`, multi-line strings are double-quoted rather than block scalars.
 */
export function renderValue(value: unknown, style: Style, blockStrings = true): string {
  // No anchors for repeated objects: a generated `&a1` could shadow an anchor of the document.
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsKeepChomping(node.value))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return trimEnd(doc.toString({ ...toStringOptions(style), blockQuote: blockStrings }));
}

/**
 * Whether a string written as a block scalar would need keep chomping (`|+`): its trailing
 * blank lines then depend on the lines that follow it, so it is written double-quoted instead.
 */
function needsKeepChomping(value: string): boolean {
  const end = (/[\n\t ]*$/.exec(value) as RegExpExecArray)[0];
  const newline = end.indexOf('\n');
  return newline !== -1 && (end === value || newline !== end.length - 1);
}

/** Renders a scalar, keeping the quoting of the scalar it replaces where that stays valid. */
export function renderScalar(value: unknown, like: Scalar | undefined, style: Style): string {
  const doc = new Document(null, { version: '1.1' });
  const node = doc.createNode(value);
  const quote =
    like?.type === 'QUOTE_DOUBLE' || like?.type === 'QUOTE_SINGLE' ? like.type : undefined;
  if (quote && typeof value === 'string' && isScalar(node)) {
    node.type = quote;
  }
  doc.contents = node;
  return trimEnd(doc.toString(toStringOptions(style)));
}

/** Renders a collection on one line, in flow style (`{a: 1, b: [x]}`). */
export function renderFlow(value: unknown, style: Style): string {
  const doc = new Document(null, { version: '1.1' });
  doc.contents = doc.createNode(value, { flow: true, aliasDuplicateObjects: false });
  // A plain or single-quoted string with a line break would fold over several lines.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /[\n\r]/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return trimEnd(doc.toString(toStringOptions(style)));
}

function toStringOptions(style: Style) {
  return {
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    flowCollectionPadding: false,
  };
}

/** Prefixes every line but the first with `columns` spaces, and joins with the document's line end. */
export function indentRest(rendered: string, columns: number, style: Style): string {
  const pad = ' '.repeat(columns);
  return rendered
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join(style.eol);
}

/**
 * Drops the line break that ends the rendered document. Only one: the blank lines a keep
 * block scalar (`|+`) ends with are part of its value.
 */
function trimEnd(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

export function isCollectionValue(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

export function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isCollectionValue(value) && Object.keys(value).length === 0;
}
