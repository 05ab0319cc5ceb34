import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { editRefusal, editText, plainValue } from '../testing/editText.ts';
import { lineDiff } from '../testing/lineDiff.ts';

const HOSTS = 'spec:\n  hosts:\n    - a.example.com\n    - b.example.com\n  gateways: [gw]\n';

describe('insert a list item', () => {
  test('at the start', () => {
    const after = editText(HOSTS, { op: 'insert', path: ['spec', 'hosts'], index: 0, value: 'z' });
    expect(after).toBe(
      'spec:\n  hosts:\n    - z\n    - a.example.com\n    - b.example.com\n  gateways: [gw]\n',
    );
    expect(lineDiff(HOSTS, after)).toEqual({ removed: [], added: ['    - z'] });
  });

  test('in the middle', () => {
    const after = editText(HOSTS, { op: 'insert', path: ['spec', 'hosts'], index: 1, value: 'z' });
    expect(plainValue(after)).toMatchObject({
      spec: { hosts: ['a.example.com', 'z', 'b.example.com'] },
    });
    expect(lineDiff(HOSTS, after)).toEqual({ removed: [], added: ['    - z'] });
  });

  test('at the end', () => {
    const after = editText(HOSTS, { op: 'insert', path: ['spec', 'hosts'], index: 2, value: 'z' });
    expect(after).toBe(
      'spec:\n  hosts:\n    - a.example.com\n    - b.example.com\n    - z\n  gateways: [gw]\n',
    );
  });

  test('a map item in a list not indented under its key', () => {
    const before = 'l:\n- a\n- b\nx: 1\n';
    const after = editText(before, {
      op: 'insert',
      path: ['l'],
      index: 2,
      value: { name: 'c', port: 1 },
    });
    expect(after).toBe('l:\n- a\n- b\n- name: c\n  port: 1\nx: 1\n');
  });

  test('a map item in a 4-space document', () => {
    const before = dedent`
      a:
          l:
              - x: 1
                w: 2
    `;
    const after = editText(before, {
      op: 'insert',
      path: ['a', 'l'],
      index: 1,
      value: { x: 3, w: 4 },
    });
    expect(lineDiff(before, after)).toEqual({
      removed: [],
      added: ['        - x: 3', '          w: 4'],
    });
  });

  test('a nested list item', () => {
    const before = 'l:\n  - - a\n    - b\n';
    expect(editText(before, { op: 'insert', path: ['l', 0], index: 1, value: 'z' })).toBe(
      'l:\n  - - a\n    - z\n    - b\n',
    );
    expect(editText(before, { op: 'insert', path: ['l'], index: 1, value: ['z'] })).toBe(
      'l:\n  - - a\n    - b\n  - - z\n',
    );
  });

  test('a multi-line string item is indented under its dash', () => {
    const before = 'l:\n  - a\n';
    const after = editText(before, { op: 'insert', path: ['l'], index: 1, value: 'x\ny' });
    expect(after).toBe('l:\n  - a\n  - |-\n    x\n    y\n');
  });

  test('into a flow list, with or without padding', () => {
    expect(editText('l: [a, b]\n', { op: 'insert', path: ['l'], index: 1, value: 'z' })).toBe(
      'l: [a, z, b]\n',
    );
    expect(editText('l: [ a, b ]\n', { op: 'insert', path: ['l'], index: 2, value: 'z' })).toBe(
      'l: [a, b, z]\n',
    );
    expect(editText('l: []\n', { op: 'insert', path: ['l'], index: 0, value: 'z' })).toBe(
      'l: [z]\n',
    );
  });

  test('at the start, above the comment of the first item', () => {
    const before = 'l:\n  # first\n  - a\n';
    expect(editText(before, { op: 'insert', path: ['l'], index: 0, value: 'z' })).toBe(
      'l:\n  - z\n  # first\n  - a\n',
    );
  });

  test('at the end, before comment lines that follow the list', () => {
    const before = 'l:\n  - a\n# tail\nb: 1\n';
    expect(editText(before, { op: 'insert', path: ['l'], index: 1, value: 'b' })).toBe(
      'l:\n  - a\n  - b\n# tail\nb: 1\n',
    );
  });

  test('at the end of a file without a final line break', () => {
    expect(editText('l:\n  - a', { op: 'insert', path: ['l'], index: 1, value: 'b' })).toBe(
      'l:\n  - a\n  - b\n',
    );
  });

  test('into a key with no value creates the list', () => {
    expect(editText('l:\nx: 1\n', { op: 'insert', path: ['l'], index: 0, value: 'a' })).toBe(
      'l:\n  - a\nx: 1\n',
    );
  });

  test('an index out of range is refused with a message and nothing changes', () => {
    expect(
      editRefusal(HOSTS, { op: 'insert', path: ['spec', 'hosts'], index: 5, value: 'z' }),
    ).toBe('cannot insert at spec.hosts[5]: the list has 2 items');
    expect(
      editRefusal(HOSTS, { op: 'insert', path: ['spec', 'hosts'], index: -1, value: 'z' }),
    ).toBe('cannot insert at spec.hosts[-1]: the list has 2 items');
    expect(editRefusal(HOSTS, { op: 'insert', path: ['spec'], index: 0, value: 'z' })).toBe(
      'cannot insert into spec: it is not a list',
    );
  });
});

describe('insert in every list layout', () => {
  const LAYOUTS = [
    { name: '2 spaces, indented list', key: '  hosts:', dash: '    - ' },
    { name: '2 spaces, list at its key', key: '  hosts:', dash: '  - ' },
    { name: '4 spaces, indented list', key: '    hosts:', dash: '        - ' },
    { name: '4 spaces, list at its key', key: '    hosts:', dash: '    - ' },
  ];
  for (const layout of LAYOUTS) {
    for (const index of [0, 1, 2]) {
      test(`${layout.name}, at ${index}`, () => {
        const lines = ['spec:', layout.key, `${layout.dash}a`, `${layout.dash}b`, 'x: 1'];
        const before = `${lines.join('\n')}\n`;
        const after = editText(before, {
          op: 'insert',
          path: ['spec', 'hosts'],
          index,
          value: 'z',
        });
        const expected = [...lines];
        expected.splice(2 + index, 0, `${layout.dash}z`);
        expect(after).toBe(`${expected.join('\n')}\n`);
        expect(lineDiff(before, after)).toEqual({ removed: [], added: [`${layout.dash}z`] });
      });
    }
  }
});

describe('move a list item', () => {
  const ROUTES = dedent`
    http:
      # first route
      - name: a
        route: [x]
      # second route
      # (two comment lines)
      - name: b
      - name: c
    tail: 1
  `;

  test('up, with the comments above it', () => {
    const after = editText(ROUTES, { op: 'move', path: ['http'], from: 1, to: 0 });
    expect(after).toBe(dedent`
      http:
        # second route
        # (two comment lines)
        - name: b
        # first route
        - name: a
          route: [x]
        - name: c
      tail: 1
    `);
  });

  test('down, to the end', () => {
    const after = editText(ROUTES, { op: 'move', path: ['http'], from: 0, to: 2 });
    expect(after).toBe(dedent`
      http:
        # second route
        # (two comment lines)
        - name: b
        - name: c
        # first route
        - name: a
          route: [x]
      tail: 1
    `);
    expect(plainValue(after)).toMatchObject({
      http: [{ name: 'b' }, { name: 'c' }, { name: 'a' }],
    });
  });

  test('the last item of a file without a final line break', () => {
    expect(editText('l:\n  - a\n  - b', { op: 'move', path: ['l'], from: 1, to: 0 })).toBe(
      'l:\n  - b\n  - a',
    );
    expect(editText('l:\n  - a\n  - b', { op: 'move', path: ['l'], from: 0, to: 1 })).toBe(
      'l:\n  - b\n  - a',
    );
  });

  test('in a flow list', () => {
    expect(editText('l: [a, b, c]\n', { op: 'move', path: ['l'], from: 0, to: 2 })).toBe(
      'l: [b, c, a]\n',
    );
  });

  test('to where it is changes nothing', () => {
    expect(editText(ROUTES, { op: 'move', path: ['http'], from: 1, to: 1 })).toBe(ROUTES);
  });

  test('an index out of range is refused with a message', () => {
    expect(editRefusal(ROUTES, { op: 'move', path: ['http'], from: 0, to: 3 })).toBe(
      'cannot move http[0] to [3]: the list has 3 items',
    );
    expect(editRefusal(ROUTES, { op: 'move', path: ['tail'], from: 0, to: 1 })).toBe(
      'cannot move items of tail: it is not a list',
    );
  });

  test('a keep block scalar (|+) at the end keeps its blank lines when it moves', () => {
    const before = 'l:\n  - a\n  - |+\n    b\n\n';
    const after = editText(before, { op: 'move', path: ['l'], from: 1, to: 0 });
    expect(plainValue(after)).toEqual({ l: ['b\n\n', 'a'] });
  });
});
