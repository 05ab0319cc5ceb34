import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { editText, plainValue } from '../testing/editText.ts';
import { lineDiff } from '../testing/lineDiff.ts';

const ROUTE = dedent`
  # a route
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: "shop"   # keep me
    namespace: 'web'
  spec:
    hosts: [shop.example.com]
    http:
      - name: a
        timeout: 5s
      - name: b
  # end
`;

describe('set a scalar that exists', () => {
  test('keeps double quotes and the trailing comment', () => {
    const after = editText(ROUTE, { op: 'set', path: ['metadata', 'name'], value: 'store' });
    expect(after).toBe(ROUTE.replace('name: "shop"   # keep me', 'name: "store"   # keep me'));
    expect(lineDiff(ROUTE, after)).toEqual({
      removed: ['  name: "shop"   # keep me'],
      added: ['  name: "store"   # keep me'],
    });
  });

  test('keeps single quotes, escaping as single quotes do', () => {
    const after = editText(ROUTE, { op: 'set', path: ['metadata', 'namespace'], value: "it's" });
    expect(lineDiff(ROUTE, after)).toEqual({
      removed: ["  namespace: 'web'"],
      added: ["  namespace: 'it''s'"],
    });
  });

  test('a plain scalar stays plain when it can', () => {
    const after = editText(ROUTE, {
      op: 'set',
      path: ['spec', 'http', 0, 'timeout'],
      value: '10s',
    });
    expect(lineDiff(ROUTE, after)).toEqual({
      removed: ['      timeout: 5s'],
      added: ['      timeout: 10s'],
    });
  });

  test('a number replacing a quoted string is written as a number', () => {
    const before = 'port: "80"\n';
    expect(editText(before, { op: 'set', path: ['port'], value: 8080 })).toBe('port: 8080\n');
  });

  test('strings Kubernetes would read as other types (YAML 1.1) are quoted', () => {
    for (const value of [
      'yes',
      'no',
      'on',
      'off',
      'y',
      'n',
      'true',
      '1.0',
      '0777',
      '0x1F',
      '~',
      'null',
      '1e3',
      '12:30',
    ]) {
      const after = editText('a: x\n', { op: 'set', path: ['a'], value });
      expect(after).toBe(`a: "${value}"\n`);
      expect(plainValue(after)).toEqual({ a: value });
    }
  });

  test('strings that YAML would misread are quoted; the value reads back', () => {
    for (const value of [
      '',
      ' lead',
      'a: b',
      '#x',
      '*x',
      '&x',
      '- x',
      '[x]',
      '{x}',
      '@x',
      '`x',
      "'x",
      '"x',
      '%x',
      'x #y',
    ]) {
      const after = editText('a: x\nb: 1\n', { op: 'set', path: ['a'], value });
      expect(plainValue(after)).toEqual({ a: value, b: 1 });
      expect(after.endsWith('\nb: 1\n')).toBe(true);
    }
  });

  test('keeps the anchor and the tag of the scalar it replaces', () => {
    expect(editText('a: &x 1\nb: *x\n', { op: 'set', path: ['a'], value: 2 })).toBe(
      'a: &x 2\nb: *x\n',
    );
    expect(editText('a: !!str 1\n', { op: 'set', path: ['a'], value: '2' })).toBe('a: !!str "2"\n');
  });

  test('a multi-line string becomes a block scalar indented under its key', () => {
    const before = dedent`
      x:
        y:
          a: 'q'
          b: 1
    `;
    const after = editText(before, { op: 'set', path: ['x', 'y', 'a'], value: 'l1\nl2' });
    expect(after).toBe(dedent`
      x:
        y:
          a: |-
            l1
            l2
          b: 1
    `);
    expect(plainValue(after)).toEqual({ x: { y: { a: 'l1\nl2', b: 1 } } });
  });

  test('a block scalar is replaced whole', () => {
    const before = dedent`
      a: |
        hello
        there
      b: 1
    `;
    expect(editText(before, { op: 'set', path: ['a'], value: 'bye' })).toBe('a: bye\nb: 1\n');
    const multi = editText(before, { op: 'set', path: ['a'], value: 'bye\nnow\n' });
    expect(multi).toBe('a: |\n  bye\n  now\nb: 1\n');
    expect(plainValue(multi)).toEqual({ a: 'bye\nnow\n', b: 1 });
  });

  test('a string with leading spaces on a line keeps them (indentation indicator)', () => {
    const before = 'x:\n  a: 1\n';
    const after = editText(before, { op: 'set', path: ['x', 'a'], value: '  lead\nnext' });
    expect(plainValue(after)).toEqual({ x: { a: '  lead\nnext' } });
  });

  test('a string ending in blank lines is double-quoted: a `|+` would depend on what follows', () => {
    for (const value of ['kept\n\n', '\n', 'x\n \n']) {
      const after = editText('a: 1', { op: 'set', path: ['a'], value });
      expect(plainValue(after)).toEqual({ a: value });
      expect(after).toMatch(/^a: "/);
    }
  });
});

describe('set a key that does not exist', () => {
  test('in a block map: a new line after the last key', () => {
    const after = editText(ROUTE, {
      op: 'set',
      path: ['metadata', 'labels'],
      value: { app: 'shop' },
    });
    expect(lineDiff(ROUTE, after)).toEqual({
      removed: [],
      added: ['  labels:', '    app: shop'],
    });
    expect(after).toContain("  namespace: 'web'\n  labels:\n    app: shop\nspec:\n");
  });

  test('in a flow map: the map is written again on its line', () => {
    const before = 'spec:\n  selector: {istio: ingress}\n  x: 1\n';
    const after = editText(before, { op: 'set', path: ['spec', 'selector', 'app'], value: 'gw' });
    expect(after).toBe('spec:\n  selector: {istio: ingress, app: gw}\n  x: 1\n');
  });

  test('in a padded flow map', () => {
    const before = 'm: { a: 1 }\n';
    expect(editText(before, { op: 'set', path: ['m', 'b'], value: 2 })).toBe('m: {a: 1, b: 2}\n');
  });

  test('in a map that is a list item (`- name: a`), aligned with its first key', () => {
    const after = editText(ROUTE, {
      op: 'set',
      path: ['spec', 'http', 0, 'retries'],
      value: { attempts: 3 },
    });
    expect(lineDiff(ROUTE, after)).toEqual({
      removed: [],
      added: ['      retries:', '        attempts: 3'],
    });
    expect(after).toContain(
      '    - name: a\n      timeout: 5s\n      retries:\n        attempts: 3\n    - name: b\n',
    );
  });

  test('in the last list item, whose map has one key', () => {
    const after = editText(ROUTE, { op: 'set', path: ['spec', 'http', 1, 'timeout'], value: '1s' });
    expect(lineDiff(ROUTE, after)).toEqual({ removed: [], added: ['      timeout: 1s'] });
    expect(after).toContain('    - name: b\n      timeout: 1s\n# end\n');
  });

  test('in a list item of a list not indented under its key', () => {
    const before = dedent`
      l:
      - name: a
        port: 1
      x: 1
    `;
    const after = editText(before, { op: 'set', path: ['l', 0, 'hosts'], value: ['a', 'b'] });
    expect(after).toBe(dedent`
      l:
      - name: a
        port: 1
        hosts:
        - a
        - b
      x: 1
    `);
  });

  test('a nested missing path creates the maps and lists on the way', () => {
    const before = 'apiVersion: v1\nkind: X\n';
    const after = editText(before, {
      op: 'set',
      path: ['spec', 'http', 0, 'route', 0, 'destination', 'host'],
      value: 'reviews',
    });
    expect(after).toBe(dedent`
      apiVersion: v1
      kind: X
      spec:
        http:
          - route:
              - destination:
                  host: reviews
    `);
    expect(lineDiff(before, after).removed).toEqual([]);
  });

  test('a nested missing path in a 4-space document uses 4 spaces', () => {
    const before = dedent`
      spec:
          hosts:
              - a
    `;
    const after = editText(before, { op: 'set', path: ['spec', 'http', 0, 'name'], value: 'r' });
    expect(after).toBe(dedent`
      spec:
          hosts:
              - a
          http:
              - name: r
    `);
  });

  test('a missing list index beyond the end is refused with a message', () => {
    const before = 'l:\n  - a\n';
    expect(() => editText(before, { op: 'set', path: ['l', 3], value: 'z' })).toThrow(
      'cannot set l[3]: the list has 1 items',
    );
  });

  test('index == length appends to the list', () => {
    expect(editText('l:\n  - a\n', { op: 'set', path: ['l', 1], value: 'b' })).toBe(
      'l:\n  - a\n  - b\n',
    );
  });

  test('a key with an empty value (`key:`) gets the value on its line', () => {
    const before = 'a:\nb: 2\n';
    expect(editText(before, { op: 'set', path: ['a'], value: 'v' })).toBe('a: v\nb: 2\n');
    expect(editText(before, { op: 'set', path: ['a', 'k'], value: 1 })).toBe('a:\n  k: 1\nb: 2\n');
    expect(editText(before, { op: 'set', path: ['a'], value: ['x'] })).toBe('a:\n  - x\nb: 2\n');
  });

  test('the last key of a file without a final line break', () => {
    expect(editText('a: 1', { op: 'set', path: ['b'], value: 2 })).toBe('a: 1\nb: 2\n');
  });

  test('a new key goes before comment lines that follow the map', () => {
    const before = 'a: 1\n# note\n';
    expect(editText(before, { op: 'set', path: ['b'], value: 2 })).toBe('a: 1\nb: 2\n# note\n');
  });

  test('a new key after a keep block scalar leaves its blank lines inside it', () => {
    const before = 'x:\n  a: |+\n    hello\n\n';
    const after = editText(before, { op: 'set', path: ['x', 'b'], value: 1 });
    expect(after).toBe('x:\n  a: |+\n    hello\n\n  b: 1\n');
    expect(plainValue(after)).toEqual({ x: { a: 'hello\n\n', b: 1 } });
  });

  test('a key that is a YAML 1.1 boolean is quoted', () => {
    expect(editText('a: 1\n', { op: 'set', path: ['y'], value: 1 })).toBe('a: 1\n"y": 1\n');
  });

  test('in an empty document', () => {
    expect(editText('---\n', { op: 'set', path: ['a'], value: 1 })).toBe('---\na: 1\n');
    expect(editText('# only\n---\n# c\n', { op: 'set', path: ['a'], value: 1 })).toBe(
      '# only\n---\n# c\na: 1\n',
    );
  });
});

describe('set a collection', () => {
  test('replacing a scalar: the key stays, the value goes below it', () => {
    const before = 'a: 1\nb: 2\n';
    const after = editText(before, { op: 'set', path: ['a'], value: { x: [1, 2] } });
    expect(after).toBe('a:\n  x:\n    - 1\n    - 2\nb: 2\n');
    expect(lineDiff(before, after)).toEqual({
      removed: ['a: 1'],
      added: ['a:', '  x:', '    - 1', '    - 2'],
    });
  });

  test('replacing a map: comments on other keys stay', () => {
    const before = dedent`
      # head
      a:
        old: 1
      b: 2 # b
    `;
    const after = editText(before, { op: 'set', path: ['a'], value: ['x'] });
    expect(after).toBe('# head\na:\n  - x\nb: 2 # b\n');
  });

  test('replacing a list item with a map keeps the dash', () => {
    const before = 'k:\n  l:\n  - a\n  - b\n';
    const after = editText(before, { op: 'set', path: ['k', 'l', 0], value: { x: 1, z: 2 } });
    expect(after).toBe('k:\n  l:\n  - x: 1\n    z: 2\n  - b\n');
  });

  test('an empty collection is written in flow style', () => {
    expect(editText('a: 1\n', { op: 'set', path: ['a'], value: {} })).toBe('a: {}\n');
    expect(editText('a: 1\n', { op: 'set', path: ['a'], value: [] })).toBe('a: []\n');
  });

  test('the same object twice is written twice, not as an anchor and alias', () => {
    const shared = { host: 'a' };
    const before = 'x: 1\n';
    const after = editText(before, { op: 'set', path: ['r'], value: [shared, shared] });
    expect(after).not.toMatch(/[&*]/);
    expect(plainValue(after)).toEqual({ x: 1, r: [{ host: 'a' }, { host: 'a' }] });
  });

  test('the whole document', () => {
    expect(editText('a: 1\n', { op: 'set', path: [], value: { b: 2 } })).toBe('b: 2\n');
  });
});
