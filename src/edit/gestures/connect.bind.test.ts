import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  newErrors,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { lineDiff } from '../../testing/lineDiff.ts';
import { connect } from './connect.ts';
import { IDS, SHOP } from './fixtures.ts';

function bind(editor: TestEditor, from: string, to: string) {
  return connect(editor.workspace, graphOf(editor), from, to);
}

describe('connecting a Gateway to a VirtualService', () => {
  test('appends namespace/name to gateways, creating the list, and draws the bind edge', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(bind(editor, IDS.shopGateway, IDS.api));
    expect(gesture.summary).toBe('Bound VirtualService api to Gateway web/shop-gw');
    const diff = applyChecked(editor, gesture);
    expect(diff).toEqual({ removed: [], added: ['  gateways:', '  - web/shop-gw'] });
    expect(edges(graphOf(editor), 'bind')).toContain(`${IDS.shopGateway} -> ${IDS.api}`);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('offers to add the VirtualService host to a server when the Gateway serves none', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(bind(editor, IDS.shopGateway, IDS.api));
    expect(gesture.notes).toEqual([
      expect.stringContaining("Gateway web/shop-gw serves none of api's hosts (api.example.com)"),
    ]);
    expect(gesture.offers?.map((o) => o.title)).toEqual([
      'Add host api.example.com to server http of Gateway shop-gw',
    ]);
    editor.apply(gesture.command);
    const text = editor.yaml();
    const offer = gesture.offers?.[0];
    if (!offer) throw new Error('no offer');
    editor.apply(offer.command);
    expect(editor.undo().yaml()).toBe(text);
    expect(lineDiff(text, editor.redo().yaml())).toEqual({
      removed: [],
      added: ['    - api.example.com'],
    });
  });

  test('refuses a VirtualService already bound to that Gateway, whatever the form of the reference', () => {
    const bare = SHOP.replace('    - web/shop-gw\n', '    - shop-gw\n');
    expect(refused(bind(TestEditor.load(bare), IDS.shopGateway, IDS.shop))).toBe(
      'shop is already bound to Gateway web/shop-gw',
    );
  });

  test('refuses a delegate VirtualService: Istio forbids gateways on it', () => {
    expect(refused(bind(TestEditor.load(SHOP), IDS.shopGateway, IDS.checkout))).toMatch(
      /^checkout is a delegate VirtualService \(it has no hosts\)/,
    );
  });

  test('a Gateway in another namespace is written with its namespace, and is offered a namespaced host when its hosts are namespaced', () => {
    const edge = dedent`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: edge}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: [shop/www.example.com]
        - port: {number: 9000, name: tcp, protocol: TCP}
          hosts: ['*']
    `;
    const editor = TestEditor.loadFiles([
      { name: 'shop.yaml', text: SHOP },
      { name: 'edge.yaml', text: edge },
    ]);
    const gesture = accepted(bind(editor, 'gateway:Gateway/edge/public', IDS.shop));
    const diff = applyChecked(editor, gesture, 'shop.yaml');
    expect(diff).toEqual({ removed: [], added: ['  - edge/public'] });
    expect(gesture.offers?.map((o) => o.command)).toEqual([
      {
        type: 'insertItem',
        target: 'Gateway/edge/public',
        path: ['spec', 'servers', 0, 'hosts'],
        index: 1,
        value: 'web/shop.example.com',
      },
    ]);
  });

  test('binding a mesh VirtualService takes it out of the mesh: said, with an offer to keep mesh', () => {
    const mesh = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: shared}
      spec:
        hosts: [ratings]
        http:
        - name: all
          route:
          - destination: {host: ratings}
    `;
    const editor = TestEditor.loadFiles([
      { name: 'shop.yaml', text: SHOP },
      { name: 'mesh.yaml', text: mesh },
    ]);
    const gesture = accepted(
      bind(editor, IDS.shopGateway, 'virtualService:VirtualService/shared/ratings'),
    );
    expect(gesture.notes?.[0]).toMatch(/no longer applies to calls between services/);
    const keep = gesture.offers?.find((o) => o.title.includes('mesh'));
    if (!keep) throw new Error('no mesh offer');
    editor.apply(gesture.command).apply(keep.command);
    expect(lineDiff(mesh, editor.yaml('mesh.yaml')).added).toEqual([
      '  gateways:',
      '  - web/shop-gw',
      '  - mesh',
    ]);
  });
});
