import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../yaml/textEdit.ts';
import { rebase } from './rebase.ts';

const base = 'one: 1\ntwo: 2\nthree: 3\n';

function merged(mine: string, theirs: string): string | undefined {
  const result = rebase(base, mine, theirs);
  if (result.kind === 'conflict') return undefined;
  return result.kind === 'edit' ? applyEdit(mine, result.edit) : mine;
}

describe('rebase', () => {
  it('applies the store change as is when the editor has no typing of its own', () => {
    const theirs = 'one: 1\nthree: 3\n';
    expect(merged(base, theirs)).toBe(theirs);
  });

  it('is none when only the editor changed', () => {
    expect(rebase(base, 'one: 10\ntwo: 2\nthree: 3\n', base)).toEqual({ kind: 'none' });
  });

  it('keeps typing that comes after the store change', () => {
    const mine = 'one: 1\ntwo: 2\nthree: 33\n';
    const theirs = 'one: 1\nthree: 3\n';
    expect(merged(mine, theirs)).toBe('one: 1\nthree: 33\n');
  });

  it('moves the store change past typing that comes before it', () => {
    const mine = 'one: 111\ntwo: 2\nthree: 3\n';
    const theirs = 'one: 1\ntwo: 2\n';
    expect(merged(mine, theirs)).toBe('one: 111\ntwo: 2\n');
  });

  it('reports a conflict when both changed the same stretch', () => {
    expect(rebase(base, 'one: 1\ntwo: 22\nthree: 3\n', 'one: 1\nthree: 3\n')).toEqual({
      kind: 'conflict',
    });
  });

  it('reports a conflict for two insertions at one place', () => {
    expect(rebase('ab', 'aXb', 'aYb')).toEqual({ kind: 'conflict' });
  });
});
