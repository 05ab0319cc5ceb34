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
import { lineDiff } from '../../testing/lineDiff.ts';
import { IDS, SHOP } from './fixtures.ts';
import { addFromPalette, type PaletteContext, type PaletteItem } from './palette.ts';

function add(editor: TestEditor, item: PaletteItem, context: PaletteContext = {}) {
  return addFromPalette(editor.workspace, graphOf(editor), item, context);
}

describe('adding a server to the selected Gateway', () => {
  test('first HTTPS on 443 with a credentialName, offering the HTTP → HTTPS redirect', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(add(editor, 'server', { selected: IDS.shopGateway }));
    expect(gesture.summary).toBe(
      'Added an HTTPS server on port 443 to Gateway shop-gw for shop.example.com',
    );
    expect(gesture.notes).toEqual([
      'TLS is terminated with the certificate in Secret shop-gw-tls (keys tls.crt and tls.key), which must exist in namespace istio-system, where the gateway pods run',
    ]);
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: [
        '  - port:',
        '      number: 443',
        '      name: https',
        '      protocol: HTTPS',
        '    hosts:',
        '    - shop.example.com',
        '    tls:',
        '      mode: SIMPLE',
        '      credentialName: shop-gw-tls',
      ],
    });
    expect(newErrors(before, editor.workspace)).toEqual([]);
    const redirect = gesture.offers?.[0];
    expect(redirect?.title).toBe('Redirect HTTP to HTTPS on server http (301)');
    if (!redirect) throw new Error('no offer');
    const text = editor.yaml();
    editor.apply(redirect.command);
    expect(lineDiff(text, editor.yaml()).added).toEqual(['    tls:', '      httpsRedirect: true']);
  });

  test('then HTTP on the next free port from 8080', () => {
    const editor = TestEditor.load(SHOP);
    editor.apply(accepted(add(editor, 'server', { selected: IDS.shopGateway })).command);
    const gesture = accepted(add(editor, 'server', { selected: IDS.shopGateway }));
    expect(gesture.summary).toBe(
      'Added an HTTP server on port 8080 to Gateway shop-gw for shop.example.com',
    );
    expect(applyChecked(editor, gesture).added.slice(0, 4)).toEqual([
      '  - port:',
      '      number: 8080',
      '      name: http-8080',
      '      protocol: HTTP',
    ]);
  });

  test('refused without a Gateway selected', () => {
    expect(refused(add(TestEditor.load(SHOP), 'server', { selected: IDS.shop }))).toBe(
      'Select a Gateway to add a server to',
    );
  });
});

describe('adding a rule to the selected VirtualService', () => {
  test('rule-N, every path, to the first destination; behind a catch-all it offers to move up', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(add(editor, 'rule', { selected: IDS.shop }));
    expect(gesture.summary).toBe('Added rule rule-3 to shop: every path to web v2');
    expect(gesture.notes).toEqual([
      'rule-3 comes after all, which takes every request, so Istio never uses rule-3 until you change its match or move it above all',
    ]);
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: [
        '  - name: rule-3',
        '    match:',
        '    - uri:',
        '        prefix: /',
        '    route:',
        '    - destination:',
        '        host: web',
        '        subset: v2',
      ],
    });
    const move = gesture.offers?.[0];
    expect(move?.title).toBe('Move rule-3 above all');
    if (!move) throw new Error('no offer');
    editor.apply(move.command);
    expect(
      graphOf(editor)
        .nodes.filter((n) => n.parent === IDS.shop)
        .map((n) => n.label),
    ).toEqual(['beta', 'rule-3', 'all']);
  });

  test('selecting a rule adds to its VirtualService; a rule without catch-all before it is reachable', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(add(editor, 'rule', { selected: IDS.apiRule }));
    expect(gesture.summary).toBe('Added rule rule-2 to api: every path to api');
    expect(gesture.notes).toBeUndefined();
    editor.apply(gesture.command);
    expect(edges(graphOf(editor), 'route')).toContain(
      `route:VirtualService/web/api:http[1] -> ${IDS.apiService}`,
    );
    // The copied destination keeps its port, which the two-port Service needs.
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('refused without a VirtualService selected', () => {
    expect(refused(add(TestEditor.load(SHOP), 'rule', { selected: IDS.web }))).toBe(
      'Select a VirtualService (or one of its rules) to add a rule to',
    );
  });
});

describe('adding a subset to the selected DestinationRule', () => {
  /** SHOP with pods for a fourth version. */
  const V4 = `${SHOP}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-v4, namespace: web}\nspec:\n  selector: {matchLabels: {app: web, version: v4}}\n  template:\n    metadata: {labels: {app: web, version: v4}}\n    spec: {containers: [{name: web, image: web:4}]}\n`;

  test('the next version its pods carry, labelled version: vN, drawn selecting them', () => {
    const editor = TestEditor.load(V4);
    const before = editor.workspace;
    const gesture = accepted(add(editor, 'subset', { selected: IDS.v1 }));
    expect(gesture.summary).toBe(
      'Added subset v4 to DestinationRule web (pods labelled version=v4)',
    );
    expect(gesture.notes).toBeUndefined();
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['  - name: v4', '    labels:', '      version: v4'],
    });
    expect(edges(graphOf(editor), 'select')).toContain(
      'subset:DestinationRule/web/web:v4 -> pods:Deployment/web/web-v4',
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('the DestinationRule can be named by resource id, or by its Service', () => {
    const editor = TestEditor.load(SHOP);
    expect(accepted(add(editor, 'subset', { selected: 'DestinationRule/web/web' })).summary).toBe(
      'Added subset v4 to DestinationRule web (pods labelled version=v4)',
    );
    expect(accepted(add(editor, 'subset', { selected: IDS.web })).notes).toEqual([
      'No pod of Service web is labelled version: v4 yet, so subset v4 selects nothing (Istio reports IST0173) until one is',
    ]);
  });

  test('refused when there is no DestinationRule to add to', () => {
    const editor = TestEditor.load(SHOP);
    expect(refused(add(editor, 'subset', { selected: IDS.apiService }))).toBe(
      'No DestinationRule is for api: add a DestinationRule for it first',
    );
    expect(refused(add(editor, 'subset'))).toBe(
      'Select a DestinationRule (or one of its subsets) to add a subset to',
    );
  });
});
