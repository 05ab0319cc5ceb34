import { expect, test } from 'vitest';
import { formatPath, parsePath } from './path.ts';

test('parsePath reads what formatPath writes', () => {
  const path = ['spec', 'http', 0, 'route', 12, 'weight'];
  expect(formatPath(path)).toBe('spec.http[0].route[12].weight');
  expect(parsePath('spec.http[0].route[12].weight')).toEqual(path);
  expect(parsePath('items[3]')).toEqual(['items', 3]);
  expect(parsePath('')).toEqual([]);
});
