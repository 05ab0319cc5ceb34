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

function link(editor: TestEditor, from: string, to: string) {
  return connect(editor.workspace, graphOf(editor), from, to);
}

/** SHOP with a root rule for /checkout that has no action yet. */
const ROOT = SHOP.replace(
  '  - name: beta\n',
  '  - name: checkout\n    match:\n    - uri: {prefix: /checkout}\n  - name: beta\n',
);
const CHECKOUT_RULE = 'route:VirtualService/web/shop:http[0]';

describe('connecting a rule to a delegate VirtualService', () => {
  test('sets delegate with name and namespace, and draws the delegate edge', () => {
    const editor = TestEditor.load(ROOT);
    const before = editor.workspace;
    const gesture = accepted(link(editor, CHECKOUT_RULE, IDS.checkout));
    expect(gesture.summary).toBe('Rule checkout now delegates to VirtualService web/checkout');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [],
      added: ['    delegate:', '      name: checkout', '      namespace: web'],
    });
    expect(edges(graphOf(editor), 'delegate')).toEqual([`${CHECKOUT_RULE} -> ${IDS.checkout}`]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('a rule that already routes cannot delegate', () => {
    expect(refused(link(TestEditor.load(SHOP), IDS.beta, IDS.checkout))).toBe(
      'Rule beta routes to destinations: a rule that delegates cannot also route, redirect or respond directly; remove that first',
    );
  });

  test('a VirtualService with hosts is not a delegate', () => {
    expect(refused(link(TestEditor.load(ROOT), CHECKOUT_RULE, IDS.api))).toBe(
      'VirtualService api has hosts, so it is not a delegate: a rule can delegate only to a VirtualService without hosts',
    );
  });

  test('a delegate cannot delegate further: one level only', () => {
    const nested = `${ROOT}---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: inner, namespace: web}\nspec:\n  http:\n  - name: x\n    route:\n    - destination: {host: web}\n`;
    expect(
      refused(link(TestEditor.load(nested), IDS.pay, 'virtualService:VirtualService/web/inner')),
    ).toBe(
      'checkout is itself a delegate VirtualService: Istio supports one level of delegation only',
    );
  });
});

describe('connections Istio has no field for are refused with the reason', () => {
  const editor = TestEditor.load(SHOP);
  const cases: [string, string, string][] = [
    [
      IDS.shopGateway,
      IDS.web,
      'A Gateway cannot route to a Service directly: connect it to a VirtualService',
    ],
    [
      IDS.shopGateway,
      IDS.v1,
      'A Gateway cannot route to a subset directly: connect it to a VirtualService, and a rule of that VirtualService to the subset',
    ],
    [
      IDS.shopGateway,
      IDS.beta,
      'A Gateway binds whole VirtualServices, not single rules: connect it to the VirtualService of beta',
    ],
    [
      IDS.shop,
      IDS.web,
      'A VirtualService routes through its rules: connect a rule of shop to web, or add a rule first',
    ],
    [IDS.shop, IDS.checkout, 'Delegation starts from a rule: connect a rule of shop to checkout'],
    [
      IDS.api,
      IDS.shopGateway,
      'Connect in the direction traffic flows: from Gateway shop-gw to VirtualService api',
    ],
    [
      IDS.beta,
      IDS.all,
      'Rules do not connect to rules: drag a rule within its VirtualService to change the order',
    ],
    [
      IDS.beta,
      'pods:Deployment/web/web-v1',
      'A rule routes to a Service or a subset, not to pods: connect it to the Service that selects them',
    ],
    [
      'client',
      IDS.shopGateway,
      "The connection between the client and a Gateway follows from selectors and Services; no manifest writes it: edit the Gateway's selector or the Service instead",
    ],
    [
      IDS.web,
      IDS.v1,
      'Subsets are defined by a DestinationRule for the Service: add a subset from the palette',
    ],
    [IDS.beta, IDS.beta, 'Drag the connection to another node'],
    [IDS.beta, 'nowhere', 'Nothing with id nowhere is on the graph any more'],
  ];
  test.each(cases)('%s → %s', (from, to, reason) => {
    expect(refused(link(editor, from, to))).toBe(reason);
  });
});
