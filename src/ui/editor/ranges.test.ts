import { describe, expect, it } from 'vitest';
import { highlightRange } from './ranges.ts';

describe('highlightRange', () => {
  it('stops before the line a block range ends on at column 1', () => {
    const range = highlightRange({ file: 'a', line: 4, column: 3, endLine: 9, endColumn: 1 });
    expect(range.startLineNumber).toBe(4);
    expect(range.endLineNumber).toBe(8);
  });

  it('keeps a range that ends inside a line', () => {
    expect(highlightRange({ file: 'a', line: 2, column: 5, endLine: 2, endColumn: 9 })).toEqual({
      startLineNumber: 2,
      startColumn: 5,
      endLineNumber: 2,
      endColumn: 9,
    });
  });
});
