import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import {
  accepted,
  applyChecked,
  graphOf,
  newErrors,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { lineDiff } from '../../testing/lineDiff.ts';
import { reorderRule } from './reorder.ts';

const ROUTES = dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: site, namespace: web}
  spec:
    hosts: [site.example.com]
    http:
    # API calls first.
    - name: api
      match:
      - uri: {prefix: /api}
      route:
      - destination: {host: api}
    - name: static
      match:
      - uri: {prefix: /static}
      route:
      - destination: {host: static}
    - name: rest
      route:
      - destination: {host: web}
`;
const rule = (i: number) => `route:VirtualService/web/site:http[${i}]`;

function reorder(editor: TestEditor, from: number, to: number) {
  return reorderRule(editor.workspace, graphOf(editor), rule(from), to);
}

describe('dragging a rule to another place', () => {
  test('moves the rule with its comment; only its lines move', () => {
    const editor = TestEditor.load(ROUTES);
    const before = editor.workspace;
    const gesture = accepted(reorder(editor, 0, 1));
    expect(gesture.summary).toBe(
      'Moved rule api to position 2 of 3: rules are tried in the order static, api, rest',
    );
    expect(gesture.notes).toBeUndefined();
    const diff = applyChecked(editor, gesture);
    const moved = [
      '  - name: static',
      '    match:',
      '    - uri: {prefix: /static}',
      '    route:',
      '    - destination: {host: static}',
    ];
    // The line diff shows one block moving over the other; both blocks are intact.
    expect([...diff.removed].sort()).toEqual([...diff.added].sort());
    expect(diff.removed).toEqual(moved);
    expect(editor.yaml()).toContain(
      '  - name: static\n    match:\n    - uri: {prefix: /static}\n    route:\n    - destination: {host: static}\n  # API calls first.\n  - name: api\n',
    );
    expect(
      graphOf(editor)
        .nodes.filter((n) => n.kind === 'route')
        .map((n) => n.label),
    ).toEqual(['static', 'api', 'rest']);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('moving the catch-all up says which rules it hides', () => {
    const editor = TestEditor.load(ROUTES);
    const gesture = accepted(reorder(editor, 2, 0));
    expect(gesture.notes).toEqual([
      'rest takes every request, so rules api, static after it are never used',
    ]);
    editor.apply(gesture.command);
    expect(lineDiff(ROUTES, editor.yaml()).added).toEqual([
      '  - name: rest',
      '    route:',
      '    - destination: {host: web}',
    ]);
  });

  test('refuses a position out of range, or the same place', () => {
    const editor = TestEditor.load(ROUTES);
    expect(refused(reorder(editor, 0, 3))).toBe('site has 3 http rules: position 4 does not exist');
    expect(refused(reorder(editor, 0, -1))).toBe(
      'site has 3 http rules: position 0 does not exist',
    );
    expect(refused(reorder(editor, 1, 1))).toBe('Rule static is already at position 2');
  });

  test('only rules can be reordered', () => {
    const editor = TestEditor.load(ROUTES);
    expect(
      refused(
        reorderRule(editor.workspace, graphOf(editor), 'virtualService:VirtualService/web/site', 0),
      ),
    ).toBe('site is not a rule of a VirtualService');
  });
});
