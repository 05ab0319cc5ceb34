import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MANIFEST } from '../testing/istioArbitraries.ts';
import { writeFile, YAML_STYLE } from '../testing/styledYaml.ts';
import { type ParsedFile, parseFile } from './parseFile.ts';
import { reparseFile } from './reparseFile.ts';

/** What a parse says about a file: each document's text, problems and value, and the tail. */
function summary(file: ParsedFile) {
  return {
    texts: file.docs.map((d) => d.text),
    problems: file.docs.map((d) => d.problems.map((p) => [p.code, p.offset, p.end])),
    values: file.docs.map((d) => (d.problems.length === 0 ? d.document.toJS() : null)),
    tail: file.tail,
  };
}

const FILE = fc
  .tuple(
    fc.array(MANIFEST, { minLength: 3, maxLength: 6 }),
    fc.array(YAML_STYLE, { minLength: 1, maxLength: 3 }),
  )
  .map(([values, styles]) => writeFile(values, styles));

/** Insertions that move document boundaries or break syntax, as typing in an editor does. */
const INSERT = fc.constantFrom(
  '',
  'x',
  '\n',
  '---\n',
  '...\n',
  '# c\n',
  '[',
  '"',
  ': ',
  '  ',
  '- a\n',
  '%YAML 1.2\n',
  '}\n',
);

describe('reparseFile', () => {
  test('gives what a full parse gives, for any edit of any file', () => {
    fc.assert(
      fc.property(FILE, fc.nat(), fc.nat({ max: 12 }), INSERT, (text, at, remove, insert) => {
        const previous = parseFile(text);
        const from = at % (text.length + 1);
        const next = text.slice(0, from) + insert + text.slice(from + remove);
        expect(summary(reparseFile(previous, next))).toEqual(summary(parseFile(next)));
      }),
      { numRuns: 300 },
    );
  });

  test('an unclosed [ that changes how the next documents read is followed to the end', () => {
    const text =
      '{kind: A, spec: {hosts: [a]}}\n#\n---\nkind: B\nspec: {}\n---\n{kind: C, spec: {x: [1]}}\n#\n';
    const next = `${text.slice(0, 14)}[${text.slice(14)}`;
    expect(summary(reparseFile(parseFile(text), next))).toEqual(summary(parseFile(next)));
  });

  test('reuses the documents the change does not reach', () => {
    const text = ['a: 1\n', '---\nb: 2\n', '---\nc: 3\n', '---\nd: 4\n', '---\ne: 5\n'].join('');
    const previous = parseFile(text);
    const next = reparseFile(previous, text.replace('e: 5', 'e: 6'));
    expect(next.docs.slice(0, 3)).toEqual(previous.docs.slice(0, 3));
    expect(next.docs[0]).toBe(previous.docs[0]);
    expect(next.docs[2]).toBe(previous.docs[2]);
    expect(next.docs[4]?.document.toJS()).toEqual({ e: 6 });
  });
});
