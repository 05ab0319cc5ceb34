import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { addItem, applyChecked, editField, errors, formOf, groupOf, refusal } from './testForms.ts';
import { GATEWAY_NODE, SHOP } from './testManifests.ts';

const SERVER = 'spec.servers[0]';

describe('Gateway form', () => {
  test('a selector label value is edited on its line', () => {
    const { diff, graph } = editField(SHOP, GATEWAY_NODE, 'spec.selector.istio', 'ingress-b');
    expect(diff).toEqual({
      removed: ['    istio: ingressgateway'],
      added: ['    istio: ingress-b'],
    });
    // The Gateway no longer selects Istio's default ingress: its pods are an implied selector.
    expect(graph.nodes.some((n) => n.id.includes('istio=ingress-b'))).toBe(true);
  });

  test('a selector label is added, renamed and checked', () => {
    const added = addItem(SHOP, GATEWAY_NODE, 'group:spec.selector', {
      'spec.selector#new-name': 'app',
      'spec.selector#new-value': 'edge',
    });
    expect(added.diff).toEqual({ removed: [], added: ['    app: edge'] });
    const renamed = editField(SHOP, GATEWAY_NODE, 'spec.selector.istio#name', 'app');
    expect(renamed.diff).toEqual({
      removed: ['    istio: ingressgateway'],
      added: ['    app: ingressgateway'],
    });
    expect(refusal(SHOP, GATEWAY_NODE, 'spec.selector.istio#name', 'bad key!')).toMatch(/./);
  });

  test('server port number, name and protocol each change one line', () => {
    expect(editField(SHOP, GATEWAY_NODE, `${SERVER}.port.number`, '8080').diff).toEqual({
      removed: ['      number: 80'],
      added: ['      number: 8080'],
    });
    expect(editField(SHOP, GATEWAY_NODE, `${SERVER}.port.name`, 'http-web').diff.added).toEqual([
      '      name: http-web',
    ]);
    expect(editField(SHOP, GATEWAY_NODE, `${SERVER}.port.protocol`, 'HTTP2').diff.added).toEqual([
      '      protocol: HTTP2',
    ]);
  });

  test('a port out of range says so', () => {
    expect(refusal(SHOP, GATEWAY_NODE, `${SERVER}.port.number`, '70000')).toBe(
      'Port must be from 1 to 65535',
    );
  });

  test('hosts keep their namespace/ part and are checked as Gateway hosts', () => {
    const added = addItem(SHOP, GATEWAY_NODE, `group:${SERVER}.hosts`, {
      [`${SERVER}.hosts#new`]: '*/api.example.com',
    });
    expect(added.diff).toEqual({ removed: [], added: ['    - "*/api.example.com"'] });
    expect(
      editField(SHOP, GATEWAY_NODE, `${SERVER}.hosts[0]`, 'prod/shop.example.com').diff,
    ).toEqual({
      removed: ['    - shop/shop.example.com'],
      added: ['    - prod/shop.example.com'],
    });
    expect(refusal(SHOP, GATEWAY_NODE, `${SERVER}.hosts[0]`, 'shop/foo*.example.com')).toMatch(/./);
    expect(refusal(SHOP, GATEWAY_NODE, `${SERVER}.hosts[0]`, '')).toBe('Required');
    // A server needs a host: the last one has no remove button.
    const hosts = groupOf(formOf(TestEditor.load(SHOP), GATEWAY_NODE), `group:${SERVER}.hosts`);
    expect(hosts.items[0]?.remove).toBeUndefined();
  });

  test('TLS mode, credential, minimum version and the HTTPS redirect are written under tls', () => {
    const edited = editField(SHOP, GATEWAY_NODE, `${SERVER}.tls.httpsRedirect`, true);
    expect(edited.diff).toEqual({ removed: [], added: ['    tls:', '      httpsRedirect: true'] });
    const withTls = edited.after;
    expect(editField(withTls, GATEWAY_NODE, `${SERVER}.tls.mode`, 'SIMPLE').diff.added).toEqual([
      '      mode: SIMPLE',
    ]);
    expect(
      editField(withTls, GATEWAY_NODE, `${SERVER}.tls.credentialName`, 'shop-credential').diff
        .added,
    ).toEqual(['      credentialName: shop-credential']);
    expect(
      editField(withTls, GATEWAY_NODE, `${SERVER}.tls.minProtocolVersion`, 'TLSV1_2').diff.added,
    ).toEqual(['      minProtocolVersion: TLSV1_2']);
    // Unchecking the redirect removes it, and the tls map the form had created for it.
    expect(editField(withTls, GATEWAY_NODE, `${SERVER}.tls.httpsRedirect`, false).after).toBe(SHOP);
  });

  test('adding an HTTPS server writes a full server with SIMPLE TLS and no new lint error', () => {
    const { diff, editor } = addItem(SHOP, GATEWAY_NODE, 'group:spec.servers', {
      'servers#new-protocol': 'HTTPS',
      'servers#new-port': 443,
    });
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([
      '  - port:',
      '      number: 443',
      '      name: https',
      '      protocol: HTTPS',
      '    hosts:',
      '    - shop/shop.example.com',
      '    tls:',
      '      mode: SIMPLE',
      '      credentialName: shop-gateway-credential',
    ]);
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
  });

  test('the last server cannot be removed; another one can', () => {
    const editor = TestEditor.load(SHOP);
    expect(
      groupOf(formOf(editor, GATEWAY_NODE), 'group:spec.servers').items[0]?.remove,
    ).toBeUndefined();
    const two = addItem(SHOP, GATEWAY_NODE, 'group:spec.servers', {
      'servers#new-protocol': 'HTTPS',
      'servers#new-port': 443,
    }).editor;
    const second = groupOf(formOf(two, GATEWAY_NODE), 'group:spec.servers').items[1];
    if (!second?.remove) throw new Error('expected a remove');
    expect(applyChecked(two, second.remove).after).toBe(SHOP);
  });
});
