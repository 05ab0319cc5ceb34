import { type Path, rangeAt } from '../yaml/path.ts';
import type { DocAddress, Workspace, WorkspaceFile } from './workspace.ts';

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

/** Line and column (1-based) of `offset` in the concatenated text of `file`. */
export function lineColumn(file: WorkspaceFile, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const doc of file.docs) {
    const end = at + doc.text.length;
    const upTo = Math.min(offset, end) - at;
    for (let i = doc.text.indexOf('\n'); i !== -1 && i < upTo; i = doc.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = at + i + 1;
    }
    if (offset < end) break;
    at = end;
  }
  return { line, column: offset - lineStart + 1 };
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
 */
export function pathPosition(
  workspace: Workspace,
  address: DocAddress,
  path: Path,
): FilePosition | undefined {
  const file = workspace.files.find((f) => f.name === address.file);
  const doc = file?.docs[address.index];
  if (!doc) return undefined;
  const range = rangeAt(doc.document.contents as Parameters<typeof rangeAt>[0], path);
  const [from, to] = range ? [range[0] - doc.base, range[1] - doc.base] : [0, 0];
  return docRangePosition(workspace, address, from, to);
}
