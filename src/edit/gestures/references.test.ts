import { describe, expect, test } from 'vitest';
import { graphOf, TestEditor } from '../../testing/gestures.ts';
import { deleteNodeCommand } from '../graphDeletes.ts';
import { IDS, SHOP } from './fixtures.ts';
import { nodeReferences, references, referenceWarning } from './references.ts';

const LINKED = SHOP.replace(
  '  - name: beta\n    match:\n    - headers:\n        x-beta: {exact: "1"}\n',
  '  - name: checkout\n    match:\n    - uri: {prefix: /checkout}\n    delegate: {name: checkout}\n  - name: beta\n    match:\n    - headers:\n        x-beta: {exact: "1"}\n      gateways: [shop-gw]\n',
);

describe('what refers to a resource', () => {
  const workspace = TestEditor.load(LINKED).workspace;

  test('a Gateway: the VirtualServices binding it, top level and per match', () => {
    const refs = references(workspace, 'Gateway/web/shop-gw');
    expect(refs).toEqual([
      { resource: 'VirtualService/web/shop', path: ['spec', 'gateways', 0], role: 'binds it' },
      {
        resource: 'VirtualService/web/shop',
        path: ['spec', 'http', 1, 'match', 0, 'gateways', 0],
        role: 'binds it',
      },
    ]);
    expect(referenceWarning(refs)).toBe('1 VirtualService still refers to it (web/shop)');
  });

  test('a delegate VirtualService: the root rules delegating to it (namespace defaulted)', () => {
    expect(references(workspace, 'VirtualService/web/checkout')).toEqual([
      {
        resource: 'VirtualService/web/shop',
        path: ['spec', 'http', 0, 'delegate'],
        role: 'delegates to it',
      },
    ]);
  });

  test('a Service: routes to its host, whatever the form, and DestinationRules for it', () => {
    const refs = references(workspace, 'Service/web/web');
    expect(refs.map((r) => `${r.resource} ${r.role}`)).toEqual([
      'VirtualService/web/shop routes to it',
      'VirtualService/web/shop routes to it',
      'VirtualService/web/shop routes to it',
      'VirtualService/web/checkout routes to it',
      'DestinationRule/web/web sets its traffic policy',
    ]);
    expect(referenceWarning(refs)).toBe(
      '2 VirtualServices and 1 DestinationRule still refer to it (web/shop, web/checkout, web/web)',
    );
    expect(references(workspace, 'Service/shared/ratings')).toEqual([]);
  });

  test('a DestinationRule: routes to its subsets', () => {
    expect(references(workspace, 'DestinationRule/web/web').map((r) => r.path.join('.'))).toEqual([
      'spec.http.2.route.0.destination',
      'spec.http.0.route.0.destination',
      'spec.http.1.route.0.destination',
      'spec.http.2.route.1.destination',
    ]);
  });

  test('a subset node: only the routes to that subset', () => {
    const refs = nodeReferences(workspace, graphOf(TestEditor.load(LINKED)), IDS.v2);
    expect(refs.map((r) => r.path.join('.'))).toEqual([
      'spec.http.1.route.0.destination',
      'spec.http.2.route.1.destination',
    ]);
    expect(referenceWarning(refs)).toBe('1 VirtualService still refers to it (web/shop)');
    expect(nodeReferences(workspace, graphOf(TestEditor.load(LINKED)), IDS.v3)).toEqual([]);
  });

  test('after the last reference is deleted, nothing refers to it any more', () => {
    const editor = TestEditor.load(SHOP);
    const shop = graphOf(editor).nodes.find((n) => n.id === IDS.shop);
    const command = shop && deleteNodeCommand(shop);
    if (!command?.ok) throw new Error('no delete');
    editor.apply(command.value);
    expect(referenceWarning(references(editor.workspace, 'Gateway/web/shop-gw'))).toBeUndefined();
  });
});
