import { describe, expect, test } from 'vitest';
import { convert } from './convert.ts';
import { probeRequests } from './probes.ts';
import { load } from './testDesigns.ts';
import { verify } from './verify.ts';

const GRPC = load(`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: {name: edge, namespace: infra}
  spec:
    gatewayClassName: istio
    listeners:
      - name: rpc
        hostname: rpc.example.com
        port: 80
        protocol: HTTP
        allowedRoutes: {namespaces: {from: All}}
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: GRPCRoute
  metadata: {name: shop, namespace: store}
  spec:
    parentRefs: [{name: edge, namespace: infra}]
    hostnames: [rpc.example.com]
    rules:
      - name: fallback
        backendRefs: [{name: fallback, port: 9000}]
      - name: cart
        matches: [{method: {service: shop.Cart}}]
        filters:
          - type: RequestHeaderModifier
            requestHeaderModifier: {add: [{name: x-via, value: edge}]}
          - type: RequestMirror
            requestMirror: {backendRef: {name: shadow, port: 9000}}
        backendRefs:
          - {name: cart, port: 9000, weight: 9}
          - {name: cart-next, port: 9000, weight: 1}
      - name: checkout
        matches:
          - method: {service: shop.Cart, method: Checkout}
            headers: [{name: X-Tenant, value: blue}]
        backendRefs: [{name: checkout, port: 9000}]
      - name: reads
        matches:
          - method: {type: RegularExpression, service: shop.Stock, method: Get}
          - method: {method: Ping}
        backendRefs: [{name: stock, namespace: inventory, port: 9000}]
  ---
  apiVersion: gateway.networking.k8s.io/v1beta1
  kind: ReferenceGrant
  metadata: {name: from-store, namespace: inventory}
  spec:
    from: [{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: store}]
    to: [{group: '', kind: Service}]
`);

describe('GRPCRoute → Istio', () => {
  const conversion = convert(GRPC, 'istio');
  const text = conversion.files[0]?.text ?? '';
  const rules = text.slice(text.indexOf('# Converted from GRPCRoute store/shop'));

  test('each method match is a path match on /service/method, in Gateway API precedence', () => {
    const names = [...rules.matchAll(/^ {4}- name: (\S+)$/gm)].map((m) => m[1]);
    // Exact before prefix before regex; the rule without matches last.
    expect(names).toEqual(['checkout', 'cart', 'reads-match-0', 'reads-match-1', 'fallback']);
    expect(rules).toMatch(
      /name: checkout\n\s+match:\n\s+- uri:\n\s+exact: \/shop.Cart\/Checkout\n\s+headers:\n\s+x-tenant:\n\s+exact: blue/,
    );
    expect(rules).toMatch(/name: cart\n\s+match:\n\s+- uri:\n\s+prefix: \/shop.Cart\/\n/);
    expect(rules).toMatch(
      /name: reads-match-0\n\s+match:\n\s+- uri:\n\s+regex: \/shop.Stock\/Get\n/,
    );
    expect(rules).toMatch(
      /name: reads-match-1\n\s+match:\n\s+- uri:\n\s+regex: \/\[\^\/\]\+\/Ping\n/,
    );
    expect(rules).toMatch(/name: fallback\n\s+route:/);
  });

  test('filters and weighted backends carry over; a granted backend in another namespace is its FQDN', () => {
    expect(rules).toMatch(/headers:\n\s+request:\n\s+add:\n\s+x-via: edge/);
    expect(rules).toMatch(/mirrors:\n\s+- destination:\n\s+host: shadow/);
    expect(rules).toMatch(/host: cart\n\s+port:\n\s+number: 9000\n\s+weight: 9/);
    expect(rules).toMatch(/host: stock.inventory.svc.cluster.local/);
    expect(conversion.losses).toEqual([]);
    expect(conversion.replaced).toContain('GRPCRoute/store/shop');
  });

  test('the probes are gRPC calls to each method and just beside it', () => {
    const sent = probeRequests(GRPC).map((r) => `${r.method ?? 'GET'} ${r.url}`);
    expect(sent).toEqual(
      expect.arrayContaining([
        'POST http://rpc.example.com:80/shop.Cart/Checkout',
        'POST http://rpc.example.com:80/shop.Cart/Checkoutx',
        'POST http://rpc.example.com:80/shop.Cartx/Checkout',
        'POST http://rpc.example.com:80/shop.Cart/Probe',
        'POST http://rpc.example.com:80/shop.Stock/Get',
        'POST http://rpc.example.com:80/probe.Service/Ping',
      ]),
    );
    const call = probeRequests(GRPC).find((r) => r.url.endsWith('/shop.Cart/Checkout'));
    expect(call?.headers).toEqual({ 'content-type': 'application/grpc', 'X-Tenant': 'blue' });
  });

  test('every call goes where it went', () => {
    const result = verify(GRPC, conversion);
    expect(result.total).toBeGreaterThan(10);
    expect(result.differences).toEqual([]);
  });
});

describe('GRPCRoute → Istio: what Istio would not take', () => {
  const rejected = load(`
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: edge, namespace: default}
    spec:
      gatewayClassName: istio
      listeners: [{name: http, port: 80, protocol: HTTP}]
    ---
    apiVersion: gateway.networking.k8s.io/v1
    kind: GRPCRoute
    metadata: {name: rpc, namespace: default}
    spec:
      parentRefs: [{name: edge}]
      rules:
        - matches: [{method: {service: shop.Cart}}]
          filters: [{type: ExtensionRef, extensionRef: {group: x.io, kind: Auth, name: a}}]
          backendRefs: [{name: cart, port: 9000}]
  `);

  test('a filter Istio does not support: the loss says the source gives no routes and every difference is explained', () => {
    const conversion = convert(rejected, 'istio');
    expect(conversion.losses).toContainEqual({
      resource: 'GRPCRoute/default/rpc',
      path: 'spec',
      message: expect.stringMatching(/^Istio rejects the source route .*ExtensionRef/),
    });
    const result = verify(rejected, conversion);
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });
});
