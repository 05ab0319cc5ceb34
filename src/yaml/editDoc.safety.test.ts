import { describe, expect, test } from 'vitest';
import { crlf, dedent } from '../testing/dedent.ts';
import { editRefusal, editText, plainValue } from '../testing/editText.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import { editDoc } from './editDoc.ts';
import { parseFile } from './parseFile.ts';

const ANCHORED = dedent`
  defaults: &defaults
    timeout: 5s
    retries: {attempts: 3}
  hosts: &hosts [a.example.com]
  routes:
    - name: a
      <<: *defaults
    - name: b
      hosts: *hosts
  other: 1
`;

describe('anchors and aliases', () => {
  test('an edit elsewhere keeps every anchor and alias as written', () => {
    const after = editText(ANCHORED, { op: 'set', path: ['other'], value: 2 });
    expect(lineDiff(ANCHORED, after)).toEqual({ removed: ['other: 1'], added: ['other: 2'] });
    const inserted = editText(ANCHORED, {
      op: 'insert',
      path: ['routes'],
      index: 1,
      value: { name: 'c' },
    });
    expect(lineDiff(ANCHORED, inserted)).toEqual({ removed: [], added: ['  - name: c'] });
  });

  test('merge keys are merged as Kubernetes merges them', () => {
    expect(plainValue(ANCHORED)).toMatchObject({
      routes: [
        { name: 'a', timeout: '5s', retries: { attempts: 3 } },
        { name: 'b', hosts: ['a.example.com'] },
      ],
    });
  });

  test('setting a merged key adds a local key that wins over the merge', () => {
    const after = editText(ANCHORED, { op: 'set', path: ['routes', 0, 'timeout'], value: '1s' });
    expect(lineDiff(ANCHORED, after)).toEqual({ removed: [], added: ['    timeout: 1s'] });
    expect(plainValue(after)).toMatchObject({
      routes: [{ name: 'a', timeout: '1s', retries: { attempts: 3 } }, { name: 'b' }],
    });
    expect(plainValue(after)).toMatchObject({ defaults: { timeout: '5s' } });
  });

  test('setting an alias replaces the alias, not the anchored node', () => {
    const after = editText(ANCHORED, { op: 'set', path: ['routes', 1, 'hosts'], value: ['b'] });
    expect(lineDiff(ANCHORED, after)).toEqual({
      removed: ['    hosts: *hosts'],
      added: ['    hosts:', '      - b'],
    });
    expect(plainValue(after)).toMatchObject({ hosts: ['a.example.com'] });
  });

  test('setting an alias list item replaces it', () => {
    const before = 'b: &b x\nl:\n  - *b\n  - y\n';
    expect(editText(before, { op: 'set', path: ['l', 0], value: 'z' })).toBe(
      'b: &b x\nl:\n  - z\n  - y\n',
    );
  });

  test('setting an anchored node keeps its anchor, so its aliases follow', () => {
    const before = 'b: &b\n  x: 1\nc: *b\n';
    expect(editText(before, { op: 'set', path: ['b'], value: 5 })).toBe('b: &b 5\nc: *b\n');
    expect(editText(before, { op: 'set', path: ['b'], value: { k: 2 } })).toBe(
      'b: &b\n  k: 2\nc: *b\n',
    );
    const item = 'l:\n  - &a x\n  - *a\n';
    const after = editText(item, { op: 'set', path: ['l', 0], value: { k: 1, v: 2 } });
    expect(after).toBe('l:\n  - &a\n    k: 1\n    v: 2\n  - *a\n');
    expect(plainValue(after)).toEqual({
      l: [
        { k: 1, v: 2 },
        { k: 1, v: 2 },
      ],
    });
  });

  test('list items with anchors are moved and deleted line by line', () => {
    const before = 'l:\n  - &a x\n  - &m\n    k: 1\n  - y\n';
    expect(editText(before, { op: 'move', path: ['l'], from: 2, to: 0 })).toBe(
      'l:\n  - y\n  - &a x\n  - &m\n    k: 1\n',
    );
    expect(editText(before, { op: 'delete', path: ['l', 0] })).toBe(
      'l:\n  - &m\n    k: 1\n  - y\n',
    );
  });

  test('an edit that would leave an alias without its anchor is refused', () => {
    expect(editRefusal(ANCHORED, { op: 'delete', path: ['defaults'] })).toBe(
      'cannot delete defaults: the alias *defaults would lose its anchor',
    );
    expect(editRefusal('l:\n  - &a x\n  - *a\n', { op: 'move', path: ['l'], from: 0, to: 1 })).toBe(
      'cannot move l: the alias *a would lose its anchor',
    );
  });

  test('an edit through an alias is refused: it would change the anchored node', () => {
    expect(editRefusal('b: &b {x: 1}\nc: *b\n', { op: 'set', path: ['c', 'x'], value: 2 })).toBe(
      'cannot set c.x: c is not a map or list',
    );
  });
});

describe('refusals leave the document alone', () => {
  test('a document with syntax errors', () => {
    const text = 'a: [1, 2\nb: 1\n';
    const doc = parseFile(text).docs[0];
    if (!doc) throw new Error('no document');
    expect(doc.problems.length).toBeGreaterThan(0);
    const result = editDoc(doc, { op: 'set', path: ['b'], value: 2 });
    expect(result).toEqual({
      ok: false,
      message: 'this document has YAML errors; fix them in the text first',
    });
    expect(doc.text).toBe(text);
  });

  test('a document with duplicate keys', () => {
    expect(editRefusal('a: 1\na: 2\n', { op: 'set', path: ['a'], value: 3 })).toBe(
      'this document has YAML errors; fix them in the text first',
    );
  });

  test('a path through a scalar', () => {
    expect(editRefusal('a: 1\n', { op: 'set', path: ['a', 'b'], value: 3 })).toBe(
      'cannot set a.b: a is not a map or list',
    );
  });

  test('a new list at an index other than 0', () => {
    expect(editRefusal('a: 1\n', { op: 'set', path: ['l', 2], value: 3 })).toBe(
      'cannot create l[2]: only index 0 of a new list can be set',
    );
  });

  test('the edited document is a new value; the old one is unchanged', () => {
    const text = 'a: 1\n';
    const doc = parseFile(text).docs[0];
    if (!doc) throw new Error('no document');
    const result = editDoc(doc, { op: 'set', path: ['a'], value: 2 });
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.text).toBe('a: 2\n');
    expect(result.doc.base).toBe(0);
    expect(doc.text).toBe(text);
    expect(doc.document.toJS()).toEqual({ a: 1 });
  });
});

describe('line ends, byte order marks and document markers', () => {
  const BEFORE = crlf('a: 1\nl:\n  - x\n  - y\nm:\n  - name: n\n    port: 1\n');

  test.each([
    ['set a scalar', { op: 'set', path: ['a'], value: 2 }],
    ['set a new nested key', { op: 'set', path: ['b'], value: { c: ['d'] } }],
    ['set a multi-line string', { op: 'set', path: ['a'], value: 'x\ny' }],
    ['insert an item', { op: 'insert', path: ['l'], index: 1, value: { k: 1, v: 2 } }],
    ['delete an item', { op: 'delete', path: ['l', 0] }],
    ['delete the first key of a list item', { op: 'delete', path: ['m', 0, 'name'] }],
    ['delete the only item of a list', { op: 'delete', path: ['m', 0] }],
    ['move an item', { op: 'move', path: ['l'], from: 1, to: 0 }],
  ] as const)('CRLF documents keep CRLF: %s', (_name, edit) => {
    const after = editText(BEFORE, edit);
    expect(after).not.toMatch(/[^\r]\n/);
    expect(after).not.toBe(BEFORE);
  });

  test('CRLF: exact text of an insert', () => {
    expect(editText(crlf('l:\n  - a\n'), { op: 'insert', path: ['l'], index: 1, value: 'b' })).toBe(
      'l:\r\n  - a\r\n  - b\r\n',
    );
  });

  test('a byte order mark stays, and does not count as indentation', () => {
    const before = '\uFEFFa: 1\nb: 2\n';
    expect(editText(before, { op: 'set', path: ['c'], value: 3 })).toBe('\uFEFFa: 1\nb: 2\nc: 3\n');
    expect(editText(before, { op: 'delete', path: ['a'] })).toBe('\uFEFFb: 2\n');
    expect(editText(before, { op: 'set', path: ['a'], value: 5 })).toBe('\uFEFFa: 5\nb: 2\n');
  });

  test('only the edited document of a file changes', () => {
    const before = '# head\na: 1\n---\n# second\nb: 2\n...\n# tail\n';
    const after = editText(before, { op: 'set', path: ['c'], value: 3 }, 1);
    expect(after).toBe('# head\na: 1\n---\n# second\nb: 2\nc: 3\n...\n# tail\n');
    expect(editText(before, { op: 'delete', path: ['a'] }, 0)).toBe(
      '# head\n{}\n---\n# second\nb: 2\n...\n# tail\n',
    );
  });

  test('content added to an empty document goes before its ... marker', () => {
    expect(editText('---\n...\n', { op: 'set', path: ['a'], value: 1 })).toBe('---\na: 1\n...\n');
    expect(editText('# c\n...\n', { op: 'set', path: ['a'], value: 1 })).toBe('# c\na: 1\n...\n');
  });

  test('content added to an empty document without a final line break', () => {
    expect(editText('---', { op: 'set', path: ['a'], value: 1 })).toBe('---\na: 1\n');
  });
});
