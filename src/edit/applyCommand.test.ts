import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { entries } from '../workspace/workspace.ts';

const SHOP = dedent`
  # The shop's ingress
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: shop-gw
    namespace: istio-system
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["shop.example.com"]
  ---
  apiVersion: networking.istio.io/v1beta1
  kind: VirtualService
  metadata:
    name: shop
    namespace: web
  spec:
    hosts:
    - shop.example.com   # public name
    gateways:
    - istio-system/shop-gw
    - mesh
    http:
    - name: api
      match:
      - uri:
          prefix: /api
        gateways: [istio-system/shop-gw]
      delegate:
        name: api-routes
    - name: web
      route:
      - destination:
          host: web
          subset: v1
        weight: 90
      - destination:
          host: web
          subset: v2
        weight: 10
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: api-routes
    namespace: web
  spec:
    http:
    - route:
      - destination: {host: api}
`;

/** Asserts the lines that changed, as `-old` and `+new` (removed lines first). */
function expectOnlyChanged(editor: TestEditor, before: string, lines: string[]) {
  const { removed, added } = lineDiff(before, editor.yaml());
  expect([...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)]).toEqual(lines);
}

describe('path commands', () => {
  test('setValue rewrites one scalar and nothing else; undo and redo restore both texts', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'setValue',
      target: 'VirtualService/web/shop',
      path: ['spec', 'http', 1, 'route', 0, 'weight'],
      value: 80,
    });
    expectOnlyChanged(editor, SHOP, ['-      weight: 90', '+      weight: 80']);
    const edited = editor.yaml();
    expect(editor.undo().yaml()).toBe(SHOP);
    expect(editor.redo().yaml()).toBe(edited);
  });

  test('setValue creates missing keys below the deepest existing map', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'setValue',
      target: 'VirtualService/web/shop',
      path: ['spec', 'http', 1, 'retries', 'attempts'],
      value: 3,
    });
    expectOnlyChanged(editor, SHOP, ['+    retries:', '+      attempts: 3']);
    const vs = entries(editor.workspace).find((e) => e.id === 'VirtualService/web/shop')?.object;
    expect(vs && 'http' in vs && vs.http[1]?.retries?.attempts).toBe(3);
  });

  test('deleteValue removes the lines of the entry', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'deleteValue',
      target: 'VirtualService/web/shop',
      path: ['spec', 'gateways', 1],
    });
    expectOnlyChanged(editor, SHOP, ['-  - mesh']);
  });

  test('insertItem adds a host after the first, at the list indentation', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'insertItem',
      target: 'VirtualService/web/shop',
      path: ['spec', 'hosts'],
      index: 1,
      value: 'www.example.com',
    });
    expectOnlyChanged(editor, SHOP, ['+  - www.example.com']);
  });

  test('insertItem into a flow list rewrites that list on its line only', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'insertItem',
      target: 'Gateway/istio-system/shop-gw',
      path: ['spec', 'servers', 0, 'hosts'],
      index: 1,
      value: 'www.example.com',
    });
    expectOnlyChanged(editor, SHOP, [
      '-    hosts: ["shop.example.com"]',
      '+    hosts: [shop.example.com, www.example.com]',
    ]);
  });

  test('removeItem removes a whole rule', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'removeItem',
      target: 'VirtualService/web/shop',
      path: ['spec', 'http'],
      index: 0,
    });
    expect(editor.yaml()).not.toContain('name: api\n');
    const { removed, added } = lineDiff(SHOP, editor.yaml());
    expect(removed).toHaveLength(7);
    expect(added).toEqual([]);
  });

  test('moveItem swaps rules: the order decides the first match, so it must land in the YAML', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'moveItem',
      target: 'VirtualService/web/shop',
      path: ['spec', 'http'],
      from: 1,
      to: 0,
    });
    const vs = entries(editor.workspace).find((e) => e.id === 'VirtualService/web/shop')?.object;
    expect(vs && 'http' in vs && vs.http.map((r) => r.name)).toEqual(['web', 'api']);
    expect(editor.undo().yaml()).toBe(SHOP);
  });

  test('a document can be addressed by its place as well as by its id', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'setValue',
      target: { file: 'test.yaml', index: 2 },
      path: ['metadata', 'labels'],
      value: { team: 'api' },
    });
    expectOnlyChanged(editor, SHOP, ['+  labels:', '+    team: api']);
  });

  test('an unknown target or a bad path is refused with a message and changes nothing', () => {
    const editor = TestEditor.load(SHOP);
    expect(
      editor.refuse({
        type: 'setValue',
        target: 'VirtualService/web/nope',
        path: ['spec'],
        value: 1,
      }),
    ).toMatch(/no resource/);
    expect(
      editor.refuse({
        type: 'setValue',
        target: 'VirtualService/web/shop',
        path: ['spec', 'hosts', 0, 'x'],
        value: 1,
      }),
    ).toMatch(/not a map/);
    expect(editor.yaml()).toBe(SHOP);
  });
});

describe('resource commands', () => {
  test('addResource appends a document with a separator; removeResource takes it away again', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'addResource',
      value: {
        apiVersion: 'networking.istio.io/v1',
        kind: 'DestinationRule',
        metadata: { name: 'web', namespace: 'web' },
        spec: { host: 'web' },
      },
    });
    expect(editor.yaml().startsWith(SHOP)).toBe(true);
    expect(editor.yaml().slice(SHOP.length)).toBe(
      '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: web\n  namespace: web\nspec:\n  host: web\n',
    );
    expect(entries(editor.workspace).map((e) => e.id)).toContain('DestinationRule/web/web');
    editor.apply({ type: 'removeResource', target: 'DestinationRule/web/web' });
    expect(editor.yaml()).toBe(SHOP);
  });

  test('addResource to a new file creates it', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'addResource',
      value: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } },
      file: 'svc.yaml',
    });
    expect(editor.yaml('svc.yaml')).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    expect(editor.yaml()).toBe(SHOP);
  });

  test('removing the middle document leaves its neighbours byte for byte', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({ type: 'removeResource', target: 'VirtualService/web/shop' });
    const [first, , third] = SHOP.split(/(?=^---$)/m);
    expect(editor.yaml()).toBe(`${first}${third}`);
  });

  test('renaming a Gateway updates gateways references in their own form', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'renameResource',
      target: 'Gateway/istio-system/shop-gw',
      name: 'public-gw',
    });
    expectOnlyChanged(editor, SHOP, [
      '-  name: shop-gw',
      '-  - istio-system/shop-gw',
      '-      gateways: [istio-system/shop-gw]',
      '+  name: public-gw',
      '+  - istio-system/public-gw',
      '+      gateways: [istio-system/public-gw]',
    ]);
    expect(editor.undo().yaml()).toBe(SHOP);
  });

  test('renaming a delegate VirtualService updates the delegating rule', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({ type: 'renameResource', target: 'VirtualService/web/api-routes', name: 'api' });
    expectOnlyChanged(editor, SHOP, [
      '-      name: api-routes',
      '-  name: api-routes',
      '+      name: api',
      '+  name: api',
    ]);
  });

  test('a rename to an invalid name is refused', () => {
    const editor = TestEditor.load(SHOP);
    expect(
      editor.refuse({
        type: 'renameResource',
        target: 'Gateway/istio-system/shop-gw',
        name: 'Bad Name',
      }),
    ).toMatch(/not a valid name/);
  });
});

describe('text and batches', () => {
  test('replaceFile re-reads a file and keeps unchanged documents as they were', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace.files[0]?.docs[0];
    editor.apply({
      type: 'replaceFile',
      file: 'test.yaml',
      text: SHOP.replace('weight: 10', 'weight: 20'),
    });
    expect(editor.workspace.files[0]?.docs[0]).toBe(before);
    expect(editor.yaml()).toContain('weight: 20');
  });

  test('a batch applies all of its commands as one step, or none of them', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply({
      type: 'batch',
      commands: [
        {
          type: 'setValue',
          target: 'VirtualService/web/shop',
          path: ['spec', 'http', 1, 'route', 0, 'weight'],
          value: 50,
        },
        {
          type: 'setValue',
          target: 'VirtualService/web/shop',
          path: ['spec', 'http', 1, 'route', 1, 'weight'],
          value: 50,
        },
      ],
    });
    expect(editor.yaml().match(/weight: 50/g)).toHaveLength(2);
    expect(editor.undo().yaml()).toBe(SHOP);
    const message = editor.refuse({
      type: 'batch',
      commands: [
        {
          type: 'setValue',
          target: 'VirtualService/web/shop',
          path: ['spec', 'http', 1, 'route', 0, 'weight'],
          value: 50,
        },
        { type: 'removeResource', target: 'Gateway/web/missing' },
      ],
    });
    expect(message).toMatch(/no resource Gateway\/web\/missing/);
    expect(editor.yaml()).toBe(SHOP);
  });
});

describe('removing the first document', () => {
  test('the next one becomes first without a stray ---', () => {
    const editor = TestEditor.load('a: 1\n---\nkind: Service\nmetadata: {name: s}\n');
    editor.apply({ type: 'removeResource', target: { file: 'test.yaml', index: 0 } });
    expect(editor.yaml()).toBe('kind: Service\nmetadata: {name: s}\n');
  });

  test('a file that starts every document with --- keeps doing so', () => {
    const editor = TestEditor.load('---\na: 1\n---\nkind: Service\nmetadata: {name: s}\n');
    editor.apply({ type: 'removeResource', target: { file: 'test.yaml', index: 0 } });
    expect(editor.yaml()).toBe('---\nkind: Service\nmetadata: {name: s}\n');
  });
});
