import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { editText, plainValue } from '../testing/editText.ts';
import { lineDiff } from '../testing/lineDiff.ts';

const SUBSETS = dedent`
  spec:
    host: reviews
    subsets:
      # the stable one
      - name: v1
        labels:
          version: v1
        trafficPolicy: {}
      - name: v2
        labels: {version: v2}
    trafficPolicy:
      tls:
        mode: ISTIO_MUTUAL
`;

describe('delete a key', () => {
  test('the first key of a list item: the next key moves up behind the dash', () => {
    const after = editText(SUBSETS, { op: 'delete', path: ['spec', 'subsets', 0, 'name'] });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: ['    - name: v1', '      labels:'],
      added: ['    - labels:'],
    });
    expect(after).toContain(
      '    # the stable one\n    - labels:\n        version: v1\n      trafficPolicy: {}\n',
    );
  });

  test('a middle key, with its nested value', () => {
    const after = editText(SUBSETS, { op: 'delete', path: ['spec', 'subsets', 0, 'labels'] });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: ['      labels:', '        version: v1'],
      added: [],
    });
  });

  test('the last key of a list item', () => {
    const after = editText(SUBSETS, { op: 'delete', path: ['spec', 'subsets', 1, 'labels'] });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: ['      labels: {version: v2}'],
      added: [],
    });
  });

  test('the last key of the document', () => {
    const after = editText(SUBSETS, { op: 'delete', path: ['spec', 'trafficPolicy'] });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: ['  trafficPolicy:', '    tls:', '      mode: ISTIO_MUTUAL'],
      added: [],
    });
    expect(after.endsWith('      labels: {version: v2}\n')).toBe(true);
  });

  test('the last key of a file without a final line break', () => {
    expect(editText('a: 1\nb: 2\nc: 3', { op: 'delete', path: ['c'] })).toBe('a: 1\nb: 2\n');
  });

  test('the only key of a map leaves an empty map', () => {
    const after = editText(SUBSETS, {
      op: 'delete',
      path: ['spec', 'trafficPolicy', 'tls', 'mode'],
    });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: ['    tls:', '      mode: ISTIO_MUTUAL'],
      added: ['    tls: {}'],
    });
    expect(plainValue(after)).toMatchObject({ spec: { trafficPolicy: { tls: {} } } });
  });

  test('the only key of a list item leaves `- {}`', () => {
    const before = 'l:\n  - name: a\n  - name: b\n';
    expect(editText(before, { op: 'delete', path: ['l', 0, 'name'] })).toBe(
      'l:\n  - {}\n  - name: b\n',
    );
  });

  test('a key inside a flow map', () => {
    const after = editText(SUBSETS, {
      op: 'delete',
      path: ['spec', 'subsets', 1, 'labels', 'version'],
    });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: ['      labels: {version: v2}'],
      added: ['      labels: {}'],
    });
  });

  test('a comment above a deleted key goes with it; blank lines stay', () => {
    const before = dedent`
      a: 1

      # about b
      b: 2
      c: 3
    `;
    expect(editText(before, { op: 'delete', path: ['b'] })).toBe('a: 1\n\nc: 3\n');
  });

  test('a key whose value is a block scalar', () => {
    const before = 'a: |\n  x\n  y\nb: 1\n';
    expect(editText(before, { op: 'delete', path: ['a'] })).toBe('b: 1\n');
  });

  test('a path that does not exist changes nothing', () => {
    expect(editText(SUBSETS, { op: 'delete', path: ['spec', 'nope'] })).toBe(SUBSETS);
    expect(editText(SUBSETS, { op: 'delete', path: ['spec', 'subsets', 7] })).toBe(SUBSETS);
  });
});

describe('delete a list item', () => {
  test('a map item with the comment above it', () => {
    const after = editText(SUBSETS, { op: 'delete', path: ['spec', 'subsets', 0] });
    expect(lineDiff(SUBSETS, after)).toEqual({
      removed: [
        '    # the stable one',
        '    - name: v1',
        '      labels:',
        '        version: v1',
        '      trafficPolicy: {}',
      ],
      added: [],
    });
  });

  test('the last item', () => {
    const before = 'l:\n  - a\n  - b\nn: 1\n';
    expect(editText(before, { op: 'delete', path: ['l', 1] })).toBe('l:\n  - a\nn: 1\n');
  });

  test('the only item leaves an empty list', () => {
    const before = 'm:\n  - 1\nn: 2\n';
    const after = editText(before, { op: 'delete', path: ['m', 0] });
    expect(after).toBe('m: []\nn: 2\n');
    expect(lineDiff(before, after)).toEqual({ removed: ['m:', '  - 1'], added: ['m: []'] });
  });

  test('an item of a flow list', () => {
    expect(editText('l: [a, b, c]\n', { op: 'delete', path: ['l', 1] })).toBe('l: [a, c]\n');
  });

  test('an item of a list not indented under its key', () => {
    const before = 'l:\n- a\n- b\nx: 1\n';
    expect(editText(before, { op: 'delete', path: ['l', 0] })).toBe('l:\n- b\nx: 1\n');
  });
});
