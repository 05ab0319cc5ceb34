import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { GATEWAY_API, GATEWAY_NODE, listenerNode } from './gatewayApiManifests.ts';
import { addItem, editField, fieldOf, formOf, groupOf, refusal } from './testForms.ts';

const HTTP = 'spec.listeners[0]';
const HTTPS = 'spec.listeners[1]';

describe('Gateway API Gateway form', () => {
  test('shows the class, addresses and every listener', () => {
    const form = formOf(TestEditor.load(GATEWAY_API), GATEWAY_NODE);
    expect(fieldOf(form, 'spec.gatewayClassName').value).toBe('istio');
    const listeners = groupOf(form, 'group:spec.listeners');
    expect(listeners.items.map((i) => i.title)).toEqual([
      'Listener 1: http 80 HTTP',
      'Listener 2: https 443 HTTPS',
    ]);
    expect(groupOf(form, 'group:spec.addresses').items).toEqual([]);
  });

  test('a listener port is edited on its line, and checked', () => {
    expect(editField(GATEWAY_API, GATEWAY_NODE, `${HTTP}.port`, '8080').diff).toEqual({
      removed: ['    port: 80'],
      added: ['    port: 8080'],
    });
    expect(refusal(GATEWAY_API, GATEWAY_NODE, `${HTTP}.port`, '0')).toBe(
      'Port must be from 1 to 65535',
    );
  });

  test('a new HTTPS listener comes with its certificate; a duplicate is refused', () => {
    const added = addItem(GATEWAY_API, GATEWAY_NODE, 'group:spec.listeners', {
      'listeners#new-protocol': 'HTTPS',
      'listeners#new-port': 8443,
    });
    expect(added.diff.removed).toEqual([]);
    expect(added.diff.added).toEqual([
      '  - name: https-8443',
      '    port: 8443',
      '    protocol: HTTPS',
      '    hostname: "*.example.com"',
      '    tls:',
      '      mode: Terminate',
      '      certificateRefs:',
      '      - name: shop-credential',
    ]);
    const editor = TestEditor.load(GATEWAY_API);
    const group = groupOf(formOf(editor, GATEWAY_NODE), 'group:spec.listeners');
    const again = group.add?.({ 'listeners#new-protocol': 'HTTP', 'listeners#new-port': 80 });
    expect(again).toEqual({
      ok: false,
      error:
        'There is already a HTTP listener on port 80 for this hostname: port, protocol and hostname must be unique',
    });
  });

  test('an address naming a host is written as a Hostname address', () => {
    const added = addItem(GATEWAY_API, GATEWAY_NODE, 'group:spec.addresses', {
      'addresses#new-value': 'ingress.istio-system.svc.cluster.local',
    });
    expect(added.diff.added).toEqual([
      '  addresses:',
      '  - type: Hostname',
      '    value: ingress.istio-system.svc.cluster.local',
    ]);
  });
});

describe('listener form', () => {
  test('a new name renames the sectionName of the routes attached to it, in the same step', () => {
    const renamed = editField(GATEWAY_API, listenerNode(0), `${HTTP}.name`, 'web');
    expect(renamed.diff).toEqual({
      removed: ['  - name: http', '    sectionName: http'],
      added: ['  - name: web', '    sectionName: web'],
    });
  });

  test('hostname and the allowed namespaces each change their own line', () => {
    expect(
      editField(GATEWAY_API, listenerNode(0), `${HTTP}.hostname`, 'shop.example.com').diff,
    ).toEqual({
      removed: ['    hostname: "*.example.com"'],
      added: ['    hostname: "shop.example.com"'],
    });
    expect(
      editField(GATEWAY_API, listenerNode(0), `${HTTP}.allowedRoutes.namespaces.from`, 'Same').diff,
    ).toEqual({ removed: ['        from: All'], added: ['        from: Same'] });
  });

  test('names are section names, unique in the Gateway', () => {
    expect(refusal(GATEWAY_API, listenerNode(0), `${HTTP}.name`, 'https')).toBe(
      'There is already a listener https: names are unique within a Gateway',
    );
    expect(refusal(GATEWAY_API, listenerNode(0), `${HTTP}.name`, 'Web_1')).toMatch(
      /not a valid name/,
    );
  });

  test('hostnames follow the Hostname rules: no IP, no port, a wildcard only in front', () => {
    const node = listenerNode(0);
    expect(refusal(GATEWAY_API, node, `${HTTP}.hostname`, '10.1.2.3')).toMatch(/IP address/);
    expect(refusal(GATEWAY_API, node, `${HTTP}.hostname`, 'shop.example.com:80')).toMatch(/port/);
    expect(refusal(GATEWAY_API, node, `${HTTP}.hostname`, 'shop.*.com')).toMatch(/wildcard/);
  });

  test('HTTPS to HTTP drops the TLS settings in the same step', () => {
    const edited = editField(GATEWAY_API, listenerNode(1), `${HTTPS}.protocol`, 'HTTP');
    expect(edited.diff).toEqual({
      removed: [
        '    protocol: HTTPS',
        '    tls:',
        '      mode: Terminate',
        '      certificateRefs:',
        '      - name: shop-credential',
      ],
      added: ['    protocol: HTTP'],
    });
  });

  test('HTTP to HTTPS adds a terminating TLS with a certificate named after the Gateway', () => {
    const edited = editField(GATEWAY_API, listenerNode(0), `${HTTP}.protocol`, 'HTTPS');
    expect(edited.diff.removed).toEqual(['    protocol: HTTP']);
    expect(edited.diff.added).toEqual([
      '    protocol: HTTPS',
      '    tls:',
      '      mode: Terminate',
      '      certificateRefs:',
      '      - name: shop-credential',
    ]);
  });

  test('an HTTPS listener refuses Passthrough, as the CRD does', () => {
    expect(refusal(GATEWAY_API, listenerNode(1), `${HTTPS}.tls.mode`, 'Passthrough')).toBe(
      'An HTTPS listener terminates TLS: its mode must be Terminate',
    );
  });

  test('a certificate is added under certificateRefs', () => {
    const added = addItem(GATEWAY_API, listenerNode(1), `group:${HTTPS}.tls.certificateRefs`);
    expect(added.diff.added).toEqual(['      - name: shop-credential-2']);
  });

  test('choosing a route kind adds one item; the written ones stay', () => {
    const edited = editField(GATEWAY_API, listenerNode(0), `${HTTP}.allowedRoutes.kinds`, [
      'GRPCRoute',
    ]);
    expect(edited.diff).toEqual({
      removed: [],
      added: ['      kinds:', '      - kind: GRPCRoute'],
    });
  });

  test('the namespace selector shows when from is Selector', () => {
    const withSelector = GATEWAY_API.replace('from: All', 'from: Selector');
    const form = formOf(TestEditor.load(withSelector), listenerNode(0));
    expect(() =>
      groupOf(form, `group:${HTTP}.allowedRoutes.namespaces.selector.matchLabels`),
    ).not.toThrow();
    const added = addItem(
      withSelector,
      listenerNode(0),
      `group:${HTTP}.allowedRoutes.namespaces.selector.matchLabels`,
      {
        [`${HTTP}.allowedRoutes.namespaces.selector.matchLabels#new-name`]: 'shared-gateway',
        [`${HTTP}.allowedRoutes.namespaces.selector.matchLabels#new-value`]: 'true',
      },
    );
    expect(added.diff.added).toEqual([
      '        selector:',
      '          matchLabels:',
      '            shared-gateway: "true"',
    ]);
  });
});
