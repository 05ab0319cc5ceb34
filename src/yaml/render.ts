import { Document, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';

/** How a document indents, so that new lines look like the lines around them. */
export interface Style {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** Whether a list under a key is indented (`key:\n  - a`) or not (`key:\n- a`). */
  readonly indentSeq: boolean;
  readonly eol: '\n' | '\r\n';
}

export const DEFAULT_STYLE: Style = { indent: 2, indentSeq: true, eol: '\n' };

/**
 * Reads the indentation a document already uses from its first nested block collections.
 * `base` is subtracted from node offsets to index into `text`.
 */
export function detectStyle(text: string, root: Node | null, base: number): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
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
    indent: indent ?? DEFAULT_STYLE.indent,
    indentSeq: indentSeq ?? DEFAULT_STYLE.indentSeq,
    eol,
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

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Renders a value as YAML at column 0 without a trailing line break. Written as YAML 1.1,
 * because Kubernetes reads manifests as 1.1: strings such as `yes` or `on` get quoted.
 */
export function renderValue(value: unknown, style: Style): string {
  const doc = new Document(value, { version: '1.1' });
  return trimEnd(doc.toString(toStringOptions(style)));
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
  doc.contents = doc.createNode(value, { flow: true });
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

function trimEnd(s: string): string {
  return s.replace(/\n+$/, '');
}

export function isCollectionValue(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

export function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isCollectionValue(value) && Object.keys(value).length === 0;
}
