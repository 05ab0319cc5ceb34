import { describe, expect, test } from 'vitest';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  newErrors,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { connect } from './connect.ts';
import { IDS, SHOP } from './fixtures.ts';
import { renameNode } from './rename.ts';

function rename(editor: TestEditor, nodeId: string, name: string) {
  return renameNode(editor.workspace, graphOf(editor), nodeId, name);
}

/** SHOP with a per-match Gateway reference and a root rule delegating to `checkout`. */
const LINKED = SHOP.replace(
  '  - name: beta\n    match:\n    - headers:\n        x-beta: {exact: "1"}\n',
  '  - name: checkout\n    match:\n    - uri: {prefix: /checkout}\n    delegate: {name: checkout, namespace: web}\n  - name: beta\n    match:\n    - headers:\n        x-beta: {exact: "1"}\n      gateways: [shop-gw]\n',
);

describe('renaming a resource updates what refers to it', () => {
  test('a Gateway: the top-level and per-match references, in the form they were written', () => {
    const editor = TestEditor.load(LINKED);
    const before = editor.workspace;
    const gesture = accepted(rename(editor, IDS.shopGateway, 'public-gw'));
    expect(gesture.summary).toBe('Renamed Gateway shop-gw to public-gw; updated 2 references');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['  name: shop-gw', '  - web/shop-gw', '      gateways: [shop-gw]'],
      added: ['  name: public-gw', '  - web/public-gw', '      gateways: [public-gw]'],
    });
    expect(edges(graphOf(editor), 'bind')).toEqual([
      `gateway:Gateway/web/public-gw -> ${IDS.shop}`,
    ]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a delegate VirtualService: the root rule delegating to it', () => {
    const editor = TestEditor.load(LINKED);
    const gesture = accepted(rename(editor, IDS.checkout, 'payments'));
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['    delegate: {name: checkout, namespace: web}', '  name: checkout'],
      added: ['    delegate: {name: payments, namespace: web}', '  name: payments'],
    });
    expect(edges(graphOf(editor), 'delegate')).toEqual([
      'route:VirtualService/web/shop:http[0] -> virtualService:VirtualService/web/payments',
    ]);
  });

  test('a Service: the routes, mirrors and DestinationRule naming its host, each form kept', () => {
    const text = `${SHOP.replace(
      '    - destination: {host: web, subset: v2}\n      weight: 10\n',
      '    - destination: {host: web, subset: v2}\n      weight: 10\n    mirror: {host: web.web.svc.cluster.local}\n',
    )}`;
    const editor = TestEditor.load(text);
    const before = editor.workspace;
    const gesture = accepted(rename(editor, IDS.web, 'storefront'));
    expect(gesture.summary).toBe('Renamed Service web to storefront; updated 6 references');
    const diff = applyChecked(editor, gesture);
    expect(diff.removed).toEqual([
      '    - destination: {host: web, subset: v2}',
      '    - destination: {host: web, subset: v1}',
      '    - destination: {host: web, subset: v2}',
      '    mirror: {host: web.web.svc.cluster.local}',
      '    - destination: {host: web, subset: v1}',
      '  host: web',
      '  name: web',
    ]);
    expect(diff.added).toEqual([
      '    - destination: {host: storefront, subset: v2}',
      '    - destination: {host: storefront, subset: v1}',
      '    - destination: {host: storefront, subset: v2}',
      '    mirror: {host: storefront.web.svc.cluster.local}',
      '    - destination: {host: storefront, subset: v1}',
      '  host: storefront',
      '  name: storefront',
    ]);
    const graph = graphOf(editor);
    expect(graph.nodes.some((n) => n.id === IDS.web)).toBe(false);
    expect(edges(graph, 'subset')).toContain(
      'service:storefront.web.svc.cluster.local -> subset:DestinationRule/web/web:v1',
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a Deployment: the autoscaler targeting it', () => {
    const text = `${SHOP}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  minReplicas: 2\n  maxReplicas: 5\n`;
    const editor = TestEditor.load(text);
    const gesture = accepted(rename(editor, 'pods:Deployment/web/api', 'api-server'));
    expect(applyChecked(editor, gesture).added).toEqual([
      'metadata: {name: api-server, namespace: web}',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api-server}',
    ]);
  });

  test('refuses a name the kind does not allow, a taken name, or the same name', () => {
    const editor = TestEditor.load(SHOP);
    expect(refused(rename(editor, IDS.shopGateway, 'shop.gw'))).toBe(
      '"shop.gw" is not a valid Gateway name: use letters, digits and inner dashes, at most 63 characters (no dots)',
    );
    expect(refused(rename(editor, IDS.web, '1web'))).toMatch(/^"1web" is not a valid Service name/);
    expect(refused(rename(editor, IDS.shop, 'api'))).toBe(
      'A VirtualService named api already exists in namespace web',
    );
    expect(refused(rename(editor, IDS.shop, 'shop'))).toBe(
      'VirtualService shop already has that name',
    );
    expect(refused(rename(editor, IDS.shop, 'Shop'))).toMatch(/is not a valid name/);
    expect(refused(rename(editor, 'client', 'x'))).toBe(
      'client is not in the workspace: there is nothing to rename',
    );
  });
});

describe('renaming part of a resource', () => {
  test('a subset: its name and every route to it', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(rename(editor, IDS.v2, 'canary'));
    expect(gesture.summary).toBe('Renamed subset v2 to canary; updated 2 routes to it');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [
        '    - destination: {host: web, subset: v2}',
        '    - destination: {host: web, subset: v2}',
        '  - name: v2',
      ],
      added: [
        '    - destination: {host: web, subset: canary}',
        '    - destination: {host: web, subset: canary}',
        '  - name: canary',
      ],
    });
    expect(edges(graphOf(editor), 'route')).toContain(
      `${IDS.all} -> subset:DestinationRule/web/web:canary @10`,
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a subset name must be a DNS label and unique in its DestinationRule', () => {
    const editor = TestEditor.load(SHOP);
    expect(refused(rename(editor, IDS.v2, 'v1'))).toBe(
      'DestinationRule web already has a subset named v1',
    );
    expect(refused(rename(editor, IDS.v2, 'v_2'))).toBe(
      '"v_2" is not a valid subset name: use letters, digits and inner dashes, at most 63 characters (no dots)',
    );
  });

  test('a rule: its name only, unique in its VirtualService', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(rename(editor, IDS.beta, 'testers'));
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['  - name: beta'],
      added: ['  - name: testers'],
    });
    expect(graphOf(editor).nodes.find((n) => n.id === IDS.beta)?.label).toBe('testers');
    expect(refused(rename(editor, IDS.beta, 'all'))).toBe(
      'Another rule of shop is already named all',
    );
  });

  test('a rule keeps working with later gestures under its new name', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply(accepted(rename(editor, IDS.beta, 'testers')).command);
    const gesture = accepted(connect(editor.workspace, graphOf(editor), IDS.beta, IDS.v3));
    expect(gesture.summary).toBe('Rule testers now splits its traffic: web v2 50%, web v3 50%');
  });
});
