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
import { duplicate } from './duplicate.ts';
import { IDS, SHOP } from './fixtures.ts';

function copy(editor: TestEditor, nodeId: string) {
  return duplicate(editor.workspace, graphOf(editor), nodeId);
}

describe('duplicating a resource', () => {
  test('copies its text with comments right after it, named -copy', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(copy(editor, IDS.shop));
    expect(gesture.summary).toBe('Copied VirtualService shop as shop-copy');
    const diff = applyChecked(editor, gesture);
    expect(diff.removed).toEqual([]);
    // The copy starts with `---` and keeps the comment written under it.
    const start = SHOP.indexOf('# The shop');
    const end = SHOP.indexOf(
      '---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: api',
    );
    const shopText = SHOP.slice(start, end);
    expect(editor.yaml()).toBe(
      `${SHOP.slice(0, end)}---\n${shopText.replace('  name: shop\n', '  name: shop-copy\n')}${SHOP.slice(end)}`,
    );
    const vs = graphOf(editor)
      .nodes.filter((n) => n.kind === 'virtualService')
      .map((n) => n.label);
    expect(vs).toEqual(['shop', 'shop-copy', 'api', 'checkout']);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('the next copy is -copy-2, again right after the original; the first document gains a --- only in the copy', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply(accepted(copy(editor, IDS.shopGateway)).command);
    const gesture = accepted(copy(editor, IDS.shopGateway));
    expect(gesture.summary).toBe('Copied Gateway shop-gw as shop-gw-copy-2');
    expect(gesture.notes?.[0]).toMatch(/conflicting \(IST0145\)/);
    editor.apply(gesture.command);
    expect(
      editor
        .yaml()
        .startsWith(
          'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: shop-gw\n',
        ),
    ).toBe(true);
    expect(editor.yaml()).toContain(
      '    - shop.example.com\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: shop-gw-copy-2\n',
    );
  });

  test('is one small edit: the copy’s lines added right after the original, in its own file, nothing else', () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n';
    const editor = TestEditor.loadFiles([
      { name: 'namespace.yaml', text: namespace },
      { name: 'shop.yaml', text: SHOP },
    ]);
    const gesture = accepted(copy(editor, IDS.api));
    expect(gesture.command).toMatchObject({
      type: 'addResource',
      after: { file: 'shop.yaml', index: 2 },
    });
    const diff = applyChecked(editor, gesture, 'shop.yaml');
    const start = SHOP.indexOf(
      '---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: api\n',
    );
    const end = SHOP.indexOf('---', start + 3);
    const copied = SHOP.slice(start, end).replace(
      'metadata:\n  name: api\n',
      'metadata:\n  name: api-copy\n',
    );
    expect(editor.yaml('shop.yaml')).toBe(SHOP.slice(0, end) + copied + SHOP.slice(end));
    // Nothing removed, the copy's lines added (which of the repeated lines, such as `---`, the
    // diff calls new depends on its alignment; the text above pins the place).
    expect(diff.removed).toEqual([]);
    expect([...diff.added].sort()).toEqual(copied.split('\n').slice(0, -1).sort());
    expect(editor.yaml('namespace.yaml')).toBe(namespace);
  });

  test('drops what the API server set on the original', () => {
    const stored = dedent`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: web
        uid: 7f0c
        resourceVersion: "42"
      spec:
        selector: {app: web}
        ports:
        - {name: http, port: 80}
      status:
        loadBalancer: {}
    `;
    const editor = TestEditor.load(stored);
    editor.apply(accepted(copy(editor, 'service:web.web.svc.cluster.local')).command);
    expect(editor.yaml().slice(stored.length)).toBe(
      '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-copy\n  namespace: web\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80}\n',
    );
  });

  test('a file without a final line break keeps none', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: web}\nspec:\n  ports: [{name: http, port: 80}]';
    const editor = TestEditor.load(text);
    editor.apply(accepted(copy(editor, 'service:web.web.svc.cluster.local')).command);
    expect(editor.yaml()).toBe(
      `${text}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web-copy, namespace: web}\nspec:\n  ports: [{name: http, port: 80}]`,
    );
  });
});

describe('duplicating part of a resource', () => {
  test('a rule: inserted after it with a suffixed name, and the note says it is shadowed', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(copy(editor, IDS.beta));
    expect(gesture.summary).toBe('Copied rule beta as beta-copy, right after it');
    expect(gesture.notes).toEqual([
      'beta-copy matches the same requests as beta and comes after it, so Istio never uses it until you change its match',
    ]);
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: [
        '  - name: beta-copy',
        '    match:',
        '    - headers:',
        '        x-beta:',
        '          exact: "1"',
        '    route:',
        '    - destination:',
        '        host: web',
        '        subset: v2',
      ],
    });
    expect(
      graphOf(editor)
        .nodes.filter((n) => n.parent === IDS.shop)
        .map((n) => n.label),
    ).toEqual(['beta', 'beta-copy', 'all']);
  });

  test('an unnamed rule gets a name from its position', () => {
    const text = SHOP.replace('  - name: all\n', '  - ').replace('  -     route:', '  - route:');
    const editor = TestEditor.load(text);
    const gesture = accepted(copy(editor, IDS.all));
    expect(gesture.summary).toBe('Copied rule http[1] as rule-2-copy, right after it');
  });

  test('a subset: after it, same labels, with a note', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(copy(editor, IDS.v1));
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['  - name: v1-copy', '    labels:', '      version: v1'],
    });
    expect(gesture.notes).toEqual([
      'v1-copy selects the same pods as v1 until you change its labels',
    ]);
    expect(
      graphOf(editor).nodes.some((n) => n.id === 'subset:DestinationRule/web/web:v1-copy'),
    ).toBe(true);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('implied nodes cannot be copied', () => {
    const editor = TestEditor.load(SHOP);
    const implied = graphOf(editor).nodes.find((n) => n.implied);
    expect(implied && refused(copy(editor, implied.id))).toMatch(/is not in the workspace/);
  });
});
