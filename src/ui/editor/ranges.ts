import type { FilePosition } from '../../workspace/position.ts';

/** A 1-based range in Monaco's shape (structurally an `IRange`). */
export interface LineRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/**
 * The lines to highlight for a node's YAML. A YAML block's range ends after its last line
 * break, i.e. at column 1 of the next line; that line is not part of the node, so the
 * highlight stops on the line before.
 */
export function highlightRange(position: FilePosition): LineRange {
  const endsAtLineStart = position.endColumn === 1 && position.endLine > position.line;
  const endLineNumber = endsAtLineStart ? position.endLine - 1 : position.endLine;
  return {
    startLineNumber: position.line,
    startColumn: position.column,
    endLineNumber,
    endColumn: endsAtLineStart ? Number.MAX_SAFE_INTEGER : position.endColumn,
  };
}
