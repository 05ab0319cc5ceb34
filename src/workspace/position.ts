import { type Path, rangeAt } from '../yaml/path.ts';
import {
  type DocAddress,
  inDocument,
  type Workspace,
  type WorkspaceDoc,
  type WorkspaceFile,
} from './workspace.ts';

/** A 1-based position in a file, as editors and `file:line:column` messages count. */
export interface FilePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const startsCache = new WeakMap<WorkspaceFile, readonly number[]>();

/** Where each document of a file starts in the file's text (memoised per file object). */
export function docStarts(file: WorkspaceFile): readonly number[] {
  let starts = startsCache.get(file);
  if (!starts) {
    const out: number[] = [];
    let at = 0;
    for (const doc of file.docs) {
      out.push(at);
      at += doc.text.length;
    }
    starts = out;
    startsCache.set(file, starts);
  }
  return starts;
}

const docLines = new WeakMap<object, readonly number[]>();

/** Offsets where each line of a document's text starts after the first (memoised per document). */
function lineStarts(doc: { readonly text: string }): readonly number[] {
  let starts = docLines.get(doc);
  if (!starts) {
    const out: number[] = [];
    for (let i = doc.text.indexOf('\n'); i !== -1; i = doc.text.indexOf('\n', i + 1))
      out.push(i + 1);
    starts = out;
    docLines.set(doc, starts);
  }
  return starts;
}

interface FileLines {
  /** The file's parts: its documents, then its tail. */
  readonly parts: readonly { readonly text: string }[];
  /** Where each part starts in the file's text. */
  readonly starts: readonly number[];
  /** How many lines come before each part. */
  readonly before: readonly number[];
  /** Where the line each part starts in begins (a document may start mid-line). */
  readonly lineAt: readonly number[];
}

const fileLines = new WeakMap<WorkspaceFile, FileLines>();

/** The line tables of a file (memoised per file object; per document for its parts). */
function linesOf(file: WorkspaceFile): FileLines {
  let lines = fileLines.get(file);
  if (!lines) {
    const parts = [...file.docs, { text: file.tail }];
    const starts: number[] = [];
    const before: number[] = [];
    const lineAt: number[] = [];
    let at = 0;
    let count = 0;
    let lineStart = 0;
    for (const part of parts) {
      starts.push(at);
      before.push(count);
      lineAt.push(lineStart);
      const own = lineStarts(part);
      if (own.length > 0) lineStart = at + (own[own.length - 1] as number);
      at += part.text.length;
      count += own.length;
    }
    lines = { parts, starts, before, lineAt };
    fileLines.set(file, lines);
  }
  return lines;
}

/** The number of entries of a sorted list that are at most `value`. */
function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Line and column (1-based) of `offset` in the concatenated text of `file`. Binary searches in
 * line tables kept per document, so placing many findings costs no scan of the file each, and
 * a keystroke rebuilds the table of the one document it changed.
 */
export function lineColumn(file: WorkspaceFile, offset: number): { line: number; column: number } {
  const { parts, starts, before, lineAt } = linesOf(file);
  const index = Math.max(0, countAtMost(starts, offset) - 1);
  const part = parts[index] as { readonly text: string };
  const start = starts[index] as number;
  const lines = lineStarts(part);
  const above = countAtMost(lines, offset - start);
  const lineStart = above === 0 ? (lineAt[index] as number) : start + (lines[above - 1] as number);
  return { line: (before[index] as number) + above + 1, column: offset - lineStart + 1 };
}

/** The position of a range given in offsets into one document's text. */
export function docRangePosition(
  workspace: Workspace,
  address: DocAddress,
  from: number,
  to: number,
): FilePosition | undefined {
  const file = workspace.files.find((f) => f.name === address.file);
  const start = file && docStarts(file)[address.index];
  if (!file || start === undefined) return undefined;
  const a = lineColumn(file, start + from);
  const b = lineColumn(file, start + Math.max(to, from));
  return { file: file.name, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/**
 * Where the node at `path` of a document is written, from the parser's node ranges (never by
 * searching the text). A path that does not exist points at its deepest existing ancestor.
 * The path is from the resource: an item of a List adds its `base`.
 */
export function pathPosition(
  workspace: Workspace,
  address: DocAddress,
  path: Path,
): FilePosition | undefined {
  const file = workspace.files.find((f) => f.name === address.file);
  const doc = file?.docs[address.index];
  if (!doc) return undefined;
  const [from, to] = docRange(doc, inDocument(address, path));
  return docRangePosition(workspace, address, from, to);
}

/** Node ranges per document and path: a keystroke leaves every other document's as they were. */
const ranges = new WeakMap<object, Map<string, readonly [number, number]>>();

/** Where the node at `path` is in the document's own text (offsets from its start). */
function docRange(doc: WorkspaceDoc, path: Path): readonly [number, number] {
  let known = ranges.get(doc);
  if (!known) {
    known = new Map();
    ranges.set(doc, known);
  }
  const key = path.join('\u0000');
  let range = known.get(key);
  if (!range) {
    const at = rangeAt(doc.document.contents as Parameters<typeof rangeAt>[0], path);
    range = at ? [at[0] - doc.base, at[1] - doc.base] : [0, 0];
    known.set(key, range);
  }
  return range;
}
