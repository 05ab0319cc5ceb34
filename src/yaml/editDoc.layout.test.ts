import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { editRefusal, editText, plainValue } from '../testing/editText.ts';
import { lineDiff } from '../testing/lineDiff.ts';

/** What surrounds a value on its line and below it must not leak into a value written there. */
describe('the text around a replaced value', () => {
  test('a key with an empty value and a comment: the value goes before the comment', () => {
    const before = 'a: # why\nb: 1\n';
    expect(editText(before, { op: 'set', path: ['a'], value: 5 })).toBe('a: 5 # why\nb: 1\n');
    expect(editText(before, { op: 'set', path: ['a'], value: { k: 1 } })).toBe(
      'a: # why\n  k: 1\nb: 1\n',
    );
    expect(editText('a: &x # why\n', { op: 'set', path: ['a'], value: 5 })).toBe('a: &x 5 # why\n');
  });

  test('an empty list item with a comment', () => {
    const before = 'l:\n  - # first\n  - b\n';
    expect(editText(before, { op: 'set', path: ['l', 0], value: { k: 1, j: 2 } })).toBe(
      'l:\n  - k: 1 # first\n    j: 2\n  - b\n',
    );
  });

  test('a trailing comment moves to the header of a block scalar', () => {
    const before = 'a: 1 # note\nb: 1\n';
    const after = editText(before, { op: 'set', path: ['a'], value: 'l1\nl2' });
    expect(after).toBe('a: |- # note\n  l1\n  l2\nb: 1\n');
    expect(plainValue(after)).toEqual({ a: 'l1\nl2', b: 1 });
  });

  test('a trailing comment stays on the key line when a map replaces a scalar', () => {
    const before = 'a: 1 # note\nb: 1\n';
    const after = editText(before, { op: 'set', path: ['a'], value: { k: 'l1\nl2' } });
    expect(after).toBe('a: # note\n  k: |-\n    l1\n    l2\nb: 1\n');
  });

  test('trailing spaces do not end up inside a block scalar', () => {
    const after = editText('a: 1   \nb: 1\n', { op: 'set', path: ['a'], value: 'l1\nl2' });
    expect(after).toBe('a: |-\n  l1\n  l2\nb: 1\n');
  });

  test('spaces on blank lines after a block scalar are dropped; the blank lines stay', () => {
    const before = 'a: 1\n      \n\t\nb: 1\n';
    const after = editText(before, { op: 'set', path: ['a'], value: 'l1\nl2' });
    expect(after).toBe('a: |-\n  l1\n  l2\n\n\nb: 1\n');
    expect(plainValue(after)).toEqual({ a: 'l1\nl2', b: 1 });
  });

  test('before an indented comment line, a multi-line string is double-quoted', () => {
    const before = dedent`
      a: 1
        # a comment a block scalar would swallow
      b: 1
    `;
    const after = editText(before, { op: 'set', path: ['a'], value: 'l1\nl2' });
    expect(lineDiff(before, after)).toEqual({ removed: ['a: 1'], added: ['a: "l1\\nl2"'] });
    const inserted = editText('l:\n  - a\n    # c\nb: 1\n', {
      op: 'insert',
      path: ['l'],
      index: 1,
      value: 'x\ny',
    });
    expect(plainValue(inserted)).toEqual({ l: ['a', 'x\ny'], b: 1 });
  });

  test('a root scalar becomes an indented block scalar', () => {
    const after = editText('a\n# c\n', { op: 'set', path: [], value: 'l1\nl2' });
    expect(plainValue(after)).toBe('l1\nl2');
  });

  test('an explicit tag is dropped when the new value is of another type', () => {
    expect(editText('a: !!str 1\n', { op: 'set', path: ['a'], value: 5 })).toBe('a: 5\n');
    expect(editText('a: !!str 1\n', { op: 'set', path: ['a'], value: 'x' })).toBe('a: !!str x\n');
  });
});

describe('flow collections', () => {
  test('edits keep the rest of the line', () => {
    const before = 'spec:\n  hosts: [a, b] # the hosts\n  x: 1\n';
    const after = editText(before, { op: 'insert', path: ['spec', 'hosts'], index: 2, value: 'c' });
    expect(lineDiff(before, after)).toEqual({
      removed: ['  hosts: [a, b] # the hosts'],
      added: ['  hosts: [a, b, c] # the hosts'],
    });
  });

  test('set inside nested flow collections, quoting YAML 1.1 booleans', () => {
    expect(
      editText('m: {a: [1, 2], b: 2}\n', { op: 'set', path: ['m', 'a', 1], value: 'yes' }),
    ).toBe('m: {a: [1, "yes"], b: 2}\n');
  });

  test('a scalar replacing a whole flow collection is written like any value', () => {
    expect(editText('a: {x: 1}\n', { op: 'set', path: ['a'], value: 'l1\nl2' })).toBe(
      'a: |-\n  l1\n  l2\n',
    );
    expect(editText('a: [x]\n', { op: 'set', path: ['a'], value: 3 })).toBe('a: 3\n');
  });

  test('a collection replacing a flow collection stays in flow style', () => {
    expect(editText('a: {x: 1}\n', { op: 'set', path: ['a'], value: { z: 2 } })).toBe(
      'a: {z: 2}\n',
    );
  });

  test('deleting the whole flow value of a key removes the key', () => {
    expect(editText('a: {x: 1}\nb: 1\n', { op: 'delete', path: ['a'] })).toBe('b: 1\n');
  });

  test('creating missing maps and lists inside a flow map', () => {
    expect(editText('m: {a: 1}\n', { op: 'set', path: ['m', 'b', 0, 'c'], value: 1 })).toBe(
      'm: {a: 1, b: [{c: 1}]}\n',
    );
    expect(editText('m: {a: 1}\n', { op: 'insert', path: ['m', 'l'], index: 0, value: 'x' })).toBe(
      'm: {a: 1, l: [x]}\n',
    );
  });

  test('nothing to change leaves the text as written, padding included', () => {
    expect(editText('l: [ a, b ]\n', { op: 'move', path: ['l'], from: 1, to: 1 })).toBe(
      'l: [ a, b ]\n',
    );
    expect(editText('m: { a: 1 }\n', { op: 'delete', path: ['m', 'x', 'y'] })).toBe(
      'm: { a: 1 }\n',
    );
  });

  test('out-of-range indexes and paths through scalars are refused, as in block style', () => {
    const before = 'l: [a, b]\nm: {a: 1}\n';
    expect(editRefusal(before, { op: 'move', path: ['l'], from: 5, to: 0 })).toBe(
      'cannot move l[5] to [0]: the list has 2 items',
    );
    expect(editRefusal(before, { op: 'insert', path: ['l'], index: 7, value: 'z' })).toBe(
      'cannot insert at l[7]: the list has 2 items',
    );
    expect(editRefusal(before, { op: 'insert', path: ['l'], index: -1, value: 'z' })).toBe(
      'cannot insert at l[-1]: the list has 2 items',
    );
    expect(editRefusal(before, { op: 'set', path: ['l', 5], value: 'z' })).toBe(
      'cannot set l[5]: the list has 2 items',
    );
    expect(editRefusal(before, { op: 'set', path: ['m', 'a', 'y'], value: 1 })).toBe(
      'cannot set m.a.y: m.a is not a map or list',
    );
    expect(editRefusal(before, { op: 'set', path: ['l', 'x'], value: 1 })).toBe(
      'cannot set l.x: l is a list',
    );
  });

  test('a __proto__ key is an ordinary key', () => {
    const after = editText('m: {a: 1}\n', {
      op: 'set',
      path: ['m', '__proto__', 'polluted'],
      value: 1,
    });
    expect(after).toBe('m: {a: 1, __proto__: {polluted: 1}}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
