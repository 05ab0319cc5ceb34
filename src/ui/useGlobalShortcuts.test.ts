import { expect, test } from 'vitest';
import { paletteFor } from './useGlobalShortcuts.ts';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

test('the palette keys: Ctrl+K, Ctrl+Shift+P, F1 for commands, Ctrl+P for resources', () => {
  expect(paletteFor(key('k', { ctrlKey: true }))).toBe('palette');
  expect(paletteFor(key('k', { metaKey: true }))).toBe('palette');
  expect(paletteFor(key('P', { ctrlKey: true, shiftKey: true }))).toBe('palette');
  expect(paletteFor(key('F1'))).toBe('palette');
  expect(paletteFor(key('p', { ctrlKey: true }))).toBe('goto');
  // Not theirs: plain letters, Alt chords, Ctrl+Shift+K.
  expect(paletteFor(key('k'))).toBeNull();
  expect(paletteFor(key('p', { ctrlKey: true, altKey: true }))).toBeNull();
  expect(paletteFor(key('K', { ctrlKey: true, shiftKey: true }))).toBeNull();
});
