import { expect, test } from 'vitest';
import { parseFile } from './parseFile.ts';

test('a file comes back byte for byte from its documents', () => {
  const text = '# head\na: 1\n---\nb: [1, 2]\n...\n# tail\n';
  const file = parseFile(text);
  expect(file.docs.map((d) => d.text).join('') + file.tail).toBe(text);
  expect(file.docs).toHaveLength(2);
});
