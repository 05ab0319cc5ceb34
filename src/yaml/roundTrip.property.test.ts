import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { invariantProblems } from '../testing/graphs.ts';
import { MANIFEST, SCALAR } from '../testing/istioArbitraries.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import { writeFile, YAML_STYLE } from '../testing/styledYaml.ts';
import { fileText, loadWorkspace } from '../workspace/workspace.ts';
import { editDoc } from './editDoc.ts';
import { parseFile } from './parseFile.ts';
import type { Path } from './path.ts';

/** Generated files: 1–3 manifests, each written in its own style. */
const FILE = fc
  .tuple(
    fc.array(MANIFEST, { minLength: 1, maxLength: 3 }),
    fc.array(YAML_STYLE, { minLength: 1, maxLength: 3 }),
  )
  .map(([values, styles]) => ({ values, text: writeFile(values, styles) }));

/** Paths to every scalar of a plain value. */
function scalarPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => scalarPaths(item, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => scalarPaths(item, [...path, key]));
  return [path];
}

function getIn(value: unknown, path: Path): unknown {
  let at = value;
  for (const segment of path) at = (at as Record<string | number, unknown>)[segment];
  return at;
}

/** A copy of `value` with the value at `path` replaced. */
function setIn(value: unknown, path: Path, next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? setIn(item, rest, next) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setIn(record[head], rest, next) };
}

describe('generated Istio manifests', () => {
  test('come back byte for byte, read as the values they were written from, and draw a graph', () => {
    fc.assert(
      fc.property(FILE, ({ values, text }) => {
        const workspace = loadWorkspace([{ name: 'gen.yaml', text }]);
        const file = workspace.files[0];
        if (!file) throw new Error('no file');
        expect(invariantProblems(deriveGraph(workspace))).toEqual([]);
        expect(fileText(file)).toBe(text);
        expect(file.docs.map((doc) => doc.problems)).toEqual(values.map(() => []));
        expect(file.docs.map((doc) => doc.document.toJS())).toEqual(values);
        expect(file.docs.map((doc) => doc.object?.kind)).toEqual(values.map((value) => value.kind));
      }),
      { numRuns: 120 },
    );
  });

  test('a set of one scalar changes that value, no other value, and one line', () => {
    fc.assert(
      fc.property(FILE, fc.nat(), fc.nat(), SCALAR, ({ values, text }, docPick, pathPick, next) => {
        const file = parseFile(text);
        const index = docPick % file.docs.length;
        const doc = file.docs[index];
        if (!doc) throw new Error('no document');
        const before = doc.document.toJS();
        const paths = scalarPaths(before);
        const path = paths[pathPick % paths.length] as Path;

        const result = editDoc(doc, { op: 'set', path, value: next });
        if (!result.ok) throw new Error(result.message);
        expect(result.doc.problems).toEqual([]);
        expect(result.doc.document.toJS()).toEqual(setIn(before, path, next));
        expect(before).toEqual(values[index]);

        const diff = lineDiff(doc.text, result.doc.text);
        const changes = Object.is(getIn(before, path), next) ? 0 : 1;
        if (typeof next !== 'string' || !next.includes('\n')) {
          expect(diff.removed.length).toBe(changes);
          expect(diff.added.length).toBe(changes);
        }
        // The other documents of the file are untouched.
        const others = file.docs.filter((_, i) => i !== index).map((d) => d.text);
        const after = file.docs.map((d, i) => (i === index ? result.doc.text : d.text));
        expect(after.filter((_, i) => i !== index)).toEqual(others);
      }),
      { numRuns: 120 },
    );
  });
});

describe('any text', () => {
  const PIECES = [
    'a',
    'b',
    ' ',
    '  ',
    '\n',
    '\n',
    '\r\n',
    '\t',
    ':',
    ': ',
    '- ',
    '#',
    '{',
    '}',
    '[',
    ']',
    ', ',
    '&a ',
    '*a',
    '!!str ',
    '|\n',
    '>-\n',
    "'",
    '"',
    '%YAML 1.2\n',
    '---',
    '...',
    '? ',
    '@',
    '\uFEFF',
    '1',
    '<<: *a\n',
  ];
  const TEXT = fc
    .array(fc.constantFrom(...PIECES), { maxLength: 40 })
    .map((pieces) => pieces.join(''));

  test('loads without throwing, comes back byte for byte, and has problems when yaml has errors', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const file = loadWorkspace([{ name: 'any.yaml', text }]).files[0];
        if (!file) throw new Error('no file');
        expect(fileText(file)).toBe(text);
        const parsed = parseFile(text);
        const theirs = parseAllDocuments(text, { merge: true }).some((d) => d.errors.length > 0);
        const ours = parsed.docs.some((d) =>
          d.problems.some((p) => !['BAD_ALIAS', 'BAD_MERGE'].includes(p.code)),
        );
        // A directive with no document after it: yaml drops it silently, we keep it in the tail.
        if (!parsed.tail.includes('%')) expect(ours).toBe(theirs);
      }),
      { numRuns: 400 },
    );
  });
});
