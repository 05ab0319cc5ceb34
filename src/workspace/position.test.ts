import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineColumn } from './position.ts';
import { fileText, loadWorkspace } from './workspace.ts';

/** Line and column counted the plain way, from the start of the whole text. */
function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

describe('lineColumn', () => {
  test('agrees with counting from the start of the file, for every offset of multi-document files', () => {
    const piece = fc.constantFrom('a: 1\n', 'b:\n  - x\n', '---\n', '# note\n', '\n', 'c: "d"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const file = loadWorkspace([{ name: 'f.yaml', text }]).files[0];
        if (!file) return;
        expect(fileText(file)).toBe(text);
        for (let offset = 0; offset <= text.length; offset++)
          expect(lineColumn(file, offset)).toEqual(naive(text, offset));
      }),
      { numRuns: 150 },
    );
  });
});
