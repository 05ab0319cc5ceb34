import { describe, expect, test } from 'vitest';
import { valueAt } from './read.ts';

describe('valueAt: a plain value by path', () => {
  const doc = { spec: { http: [{ route: [{ weight: 90 }] }], 'a.b': 1 } };

  test('numbers index lists, strings name map keys', () => {
    expect(valueAt(doc, ['spec', 'http', 0, 'route', 0, 'weight'])).toBe(90);
    expect(valueAt(doc, ['spec', 'a.b'])).toBe(1);
    expect(valueAt(doc, [])).toBe(doc);
  });

  test('a step of the wrong type or missing stops the path', () => {
    expect(valueAt(doc, ['spec', 'http', 'route'])).toBeUndefined();
    expect(valueAt(doc, ['spec', 0])).toBeUndefined();
    expect(valueAt(doc, ['spec', 'http', 3, 'route'])).toBeUndefined();
    expect(valueAt('text', ['length'])).toBeUndefined();
  });

  test('only keys the document writes: constructor or __proto__ are not found', () => {
    expect(valueAt(doc, ['constructor'])).toBeUndefined();
    expect(valueAt(doc, ['spec', '__proto__'])).toBeUndefined();
  });
});
