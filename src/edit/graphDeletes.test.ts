import { describe, expect, test } from 'vitest';
import { deriveGraph } from '../graph/deriveGraph.ts';
import type { FlowGraph } from '../graph/types.ts';
import { dedent } from '../testing/dedent.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { deleteEdgeCommand, deleteNodeCommand } from './graphDeletes.ts';

const SHOP = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: shop-gw, namespace: web}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: shop, namespace: web}
  spec:
    hosts: [shop.example.com]
    gateways:
    - shop-gw
    http:
    - name: beta
      match:
      - headers: {x-beta: {exact: "1"}}
        gateways: [shop-gw]
      route:
      - destination: {host: web, subset: v2}
    - name: all
      route:
      - destination: {host: web, subset: v1}
        weight: 90
      - destination: {host: web, subset: v2}
        weight: 10
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: web, namespace: web}
  spec:
    host: web
    subsets:
    - name: v1
      labels: {version: v1}
    - name: v2
      labels: {version: v2}
`;

function graphOf(editor: TestEditor): FlowGraph {
  return deriveGraph(editor.workspace);
}

function deleteNode(editor: TestEditor, id: string) {
  const node = graphOf(editor).nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  const command = deleteNodeCommand(node);
  if (!command.ok) throw new Error(command.error);
  return editor.apply(command.value);
}

describe('deleting from the graph', () => {
  test('a rule node removes that rule from the YAML, and undo brings it back', () => {
    const editor = TestEditor.load(SHOP);
    deleteNode(editor, 'route:VirtualService/web/shop:http[0]');
    const { removed, added } = lineDiff(SHOP, editor.yaml());
    expect(removed).toEqual([
      '  - name: beta',
      '    match:',
      '    - headers: {x-beta: {exact: "1"}}',
      '      gateways: [shop-gw]',
      '    route:',
      '    - destination: {host: web, subset: v2}',
    ]);
    expect(added).toEqual([]);
    expect(
      graphOf(editor)
        .nodes.filter((n) => n.kind === 'route')
        .map((n) => n.label),
    ).toEqual(['all']);
    expect(editor.undo().yaml()).toBe(SHOP);
  });

  test('a subset node removes the subset from its DestinationRule', () => {
    const editor = TestEditor.load(SHOP);
    deleteNode(editor, 'subset:DestinationRule/web/web:v1');
    expect(lineDiff(SHOP, editor.yaml()).removed).toEqual([
      '  - name: v1',
      '    labels: {version: v1}',
    ]);
  });

  test('a resource node removes its document', () => {
    const editor = TestEditor.load(SHOP);
    deleteNode(editor, 'gateway:Gateway/web/shop-gw');
    expect(
      editor.yaml().startsWith('apiVersion: networking.istio.io/v1\nkind: VirtualService'),
    ).toBe(true);
  });

  test('an implied node has nothing to delete', () => {
    const node = graphOf(TestEditor.load(SHOP)).nodes.find((n) => n.implied);
    expect(node && deleteNodeCommand(node)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not in the workspace/),
    });
  });

  test('a bind edge removes every reference to the Gateway, top-level and per match', () => {
    const editor = TestEditor.load(SHOP);
    const bind = graphOf(editor).edges.find((e) => e.kind === 'bind');
    const command = bind && deleteEdgeCommand(bind);
    if (!command?.ok) throw new Error('no command');
    editor.apply(command.value);
    const { removed, added } = lineDiff(SHOP, editor.yaml());
    expect(removed).toEqual(['  gateways:', '  - shop-gw', '      gateways: [shop-gw]']);
    expect(added).toEqual(['  gateways: []', '      gateways: []']);
    expect(graphOf(editor).edges.filter((e) => e.kind === 'bind')).toEqual([]);
  });

  test('a route edge removes that destination only', () => {
    const editor = TestEditor.load(SHOP);
    const edge = graphOf(editor).edges.find(
      (e) => e.kind === 'route' && e.origin?.paths[0]?.join('.') === 'spec.http.1.route.1',
    );
    const command = edge && deleteEdgeCommand(edge);
    if (!command?.ok) throw new Error('no command');
    editor.apply(command.value);
    expect(lineDiff(SHOP, editor.yaml()).removed).toEqual([
      '    - destination: {host: web, subset: v2}',
      '      weight: 10',
    ]);
  });

  test('derived edges cannot be deleted on their own', () => {
    const flow = graphOf(TestEditor.load(SHOP)).edges.find((e) => e.kind === 'flow');
    expect(flow && deleteEdgeCommand(flow)).toMatchObject({ ok: false });
  });
});
