import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, minimalEdit } from './textEdit.ts';

describe('minimalEdit', () => {
  it('is undefined for equal texts', () => {
    expect(minimalEdit('a: 1\n', 'a: 1\n')).toBeUndefined();
  });

  it('replaces only the stretch that changed', () => {
    const before = 'spec:\n  host: a\n  port: 80\n';
    const after = 'spec:\n  host: b\n  port: 80\n';
    expect(minimalEdit(before, after)).toEqual({ start: 14, end: 15, text: 'b' });
  });

  it('describes insertions and deletions as empty ranges or empty text', () => {
    expect(minimalEdit('ab', 'aXb')).toEqual({ start: 1, end: 1, text: 'X' });
    expect(minimalEdit('aXb', 'ab')).toEqual({ start: 1, end: 2, text: '' });
  });

  it('does not let prefix and suffix overlap on repeated text', () => {
    expect(minimalEdit('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
    expect(minimalEdit('x\nx\n', 'x\n')).toEqual({ start: 2, end: 4, text: '' });
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😃 share their high surrogate.
    const edit = minimalEdit('a😀b', 'a😃b');
    expect(edit).toEqual({ start: 1, end: 3, text: '😃' });
  });

  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const edit = minimalEdit(a, b);
        expect(edit ? applyEdit(a, edit) : a).toBe(b);
      }),
    );
  });
});
