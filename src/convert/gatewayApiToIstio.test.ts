import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { convert } from './convert.ts';
import { edgeDesign } from './testDesigns.ts';
import { verify } from './verify.ts';

const load = (text: string) => loadWorkspace([{ name: 'in.yaml', text: dedent(text) }]);

const GATEWAY_API = load(`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: {name: edge, namespace: infra}
  spec:
    gatewayClassName: istio
    listeners:
      - name: web
        hostname: shop.example.com
        port: 80
        protocol: HTTP
        allowedRoutes: {namespaces: {from: All}}
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: {name: shop, namespace: store}
  spec:
    parentRefs: [{name: edge, namespace: infra}]
    hostnames: [shop.example.com]
    rules:
      - name: everything
        backendRefs: [{name: shop, port: 80}]
      - name: api
        matches: [{path: {type: PathPrefix, value: /api}}]
        filters:
          - type: URLRewrite
            urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
        backendRefs:
          - {name: api, port: 8080, weight: 3}
          - {name: api-next, port: 8080, weight: 1}
      - name: login
        matches: [{path: {type: Exact, value: /api/login}, headers: [{name: X-Team, value: blue}]}]
        timeouts: {request: 2s}
        backendRefs: [{name: auth, port: 80}]
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: GRPCRoute
  metadata: {name: rpc, namespace: store}
  spec:
    parentRefs: [{name: edge, namespace: infra}]
    rules: [{backendRefs: [{name: rpc, port: 9000}]}]
`);

describe('Gateway API → Istio', () => {
  const conversion = convert(GATEWAY_API, 'istio');
  const text = conversion.files[0]?.text ?? '';

  test('one Istio Gateway per listener, selecting the pods Istio deploys for the Gateway', () => {
    expect(text).toMatch(
      /kind: Gateway\nmetadata:\n\s+name: edge-web\n\s+namespace: infra\nspec:\n\s+selector:\n\s+gateway.networking.k8s.io\/gateway-name: edge/,
    );
    expect(text).toMatch(/hosts:\n\s+- "\*\/shop.example.com"|hosts:\n\s+- \*\/shop.example.com/);
  });

  test('rules in Gateway API precedence: the exact path first, the catch-all last', () => {
    const shop = text.split('---\n').find((doc) => doc.includes('HTTPRoute store/shop')) ?? '';
    const names = [...shop.matchAll(/^ {4}- name: (\S+)$/gm)].map((m) => m[1]);
    expect(names).toEqual(['login', 'api', 'api', 'everything']);
    expect(text).toMatch(/gateways:\n\s+- infra\/edge-web/);
  });

  test('a PathPrefix is the path itself or below it, each with its own rewrite', () => {
    expect(text).toMatch(/uri:\n\s+exact: \/api\n[\s\S]*?rewrite:\n\s+uri: \/v2\n/);
    expect(text).toMatch(/uri:\n\s+prefix: \/api\/\n[\s\S]*?rewrite:\n\s+uri: \/v2\/\n/);
    expect(text).toMatch(/host: api\n\s+port:\n\s+number: 8080\n\s+weight: 3/);
    expect(text).toMatch(/x-team:\n\s+exact: blue[\s\S]*?timeout: 2s/);
  });

  test('a GRPCRoute is a VirtualService of its own, with nothing lost', () => {
    expect(text).toMatch(/# Converted from GRPCRoute store\/rpc\n[\s\S]*?name: rpc\n/);
    expect(conversion.replaced).toContain('GRPCRoute/store/rpc');
    expect(conversion.losses).toEqual([]);
  });

  test('every derived request goes where it went (the segment-wise prefix included)', () => {
    const extra = [
      { url: 'http://shop.example.com/apix' },
      { url: 'http://shop.example.com/api/login', headers: { 'x-team': 'blue' } },
    ];
    const result = verify(GATEWAY_API, conversion, extra);
    expect(result.total).toBeGreaterThan(5);
    expect(result.differences).toEqual([]);
  });
});

describe('Gateway API → Istio: TLS passthrough and TCP', () => {
  const l4 = load(`
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: edge, namespace: default}
    spec:
      gatewayClassName: istio
      listeners:
        - name: tls
          hostname: db.example.com
          port: 443
          protocol: TLS
          tls: {mode: Passthrough}
        - name: tcp
          port: 31400
          protocol: TCP
    ---
    apiVersion: gateway.networking.k8s.io/v1alpha2
    kind: TLSRoute
    metadata: {name: db, namespace: default}
    spec:
      parentRefs: [{name: edge, sectionName: tls}]
      rules: [{backendRefs: [{name: db, port: 5432}]}]
    ---
    apiVersion: gateway.networking.k8s.io/v1alpha2
    kind: TCPRoute
    metadata: {name: echo, namespace: default}
    spec:
      parentRefs: [{name: edge, sectionName: tcp}]
      rules: [{backendRefs: [{name: echo-v1, port: 9000, weight: 80}, {name: echo-v2, port: 9000, weight: 20}]}]
  `);
  const conversion = convert(l4, 'istio');
  const text = conversion.files[0]?.text ?? '';

  test('a TLSRoute is a tls rule matching the listener hostname as SNI; a TCPRoute a tcp rule with its weights', () => {
    expect(text).toMatch(/tls:\n\s+mode: PASSTHROUGH/);
    expect(text).toMatch(
      /gateways:\n\s+- default\/edge-tls\n\s+tls:\n\s+- match:\n\s+- sniHosts:\n\s+- db.example.com\n\s+route:\n\s+- destination:\n\s+host: db\n\s+port:\n\s+number: 5432/,
    );
    expect(text).toMatch(
      /gateways:\n\s+- default\/edge-tcp\n\s+tcp:\n\s+- route:\n\s+- destination:\n\s+host: echo-v1[\s\S]*?weight: 80/,
    );
    expect(conversion.losses).toEqual([]);
  });

  test('connections go where they went', () => {
    const result = verify(l4, conversion);
    expect(result.total).toBe(2);
    expect(result.differences).toEqual([]);
  });
});

describe('Gateway API → Istio: a route Istio rejects', () => {
  test('a backendRef without a port gives no routes in the source; the loss says the conversion routes it', () => {
    const noPort = loadWorkspace([
      { name: 'no-port.yaml', text: edgeDesign([{ backendRefs: [{ name: 'shop' }] }]) },
    ]);
    const conversion = convert(noPort, 'istio');
    expect(conversion.losses).toEqual([
      {
        resource: 'HTTPRoute/default/shop',
        path: 'spec',
        message: expect.stringMatching(
          /^Istio rejects the source route \(rules\[0\].backendRefs\[0\]: port is required/,
        ),
      },
    ]);
    const result = verify(noPort, conversion);
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });
});

describe('Gateway API → Istio: filters', () => {
  const filters = loadWorkspace([
    {
      name: 'filters.yaml',
      text: edgeDesign([
        {
          matches: [{ path: { type: 'Exact', value: '/old' } }],
          filters: [
            {
              type: 'RequestRedirect',
              requestRedirect: {
                hostname: 'www.example.com',
                path: { type: 'ReplaceFullPath', replaceFullPath: '/new' },
              },
            },
          ],
        },
        {
          matches: [{ path: { type: 'Exact', value: '/cart' } }],
          filters: [
            {
              type: 'RequestHeaderModifier',
              requestHeaderModifier: {
                add: [{ name: 'x-from', value: 'edge' }],
                remove: ['x-debug'],
              },
            },
            {
              type: 'RequestMirror',
              requestMirror: { backendRef: { name: 'shadow', port: 80 }, percent: 10 },
            },
            {
              type: 'URLRewrite',
              urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/basket' } },
            },
          ],
          backendRefs: [{ name: 'shop', port: 80 }],
        },
      ]),
    },
  ]);
  const text = convert(filters, 'istio').files[0]?.text ?? '';

  test('a redirect keeps the Gateway API default 302, spelt out', () => {
    expect(text).toMatch(
      /redirect:\n\s+authority: www.example.com\n\s+uri: \/new\n\s+redirectCode: 302/,
    );
  });

  test('headers, mirror and a full-path rewrite (as Istio writes it: uriRegexRewrite)', () => {
    expect(text).toMatch(
      /headers:\n\s+request:\n\s+add:\n\s+x-from: edge\n\s+remove:\n\s+- x-debug/,
    );
    expect(text).toMatch(
      /mirrors:\n\s+- destination:\n\s+host: shadow\n\s+port:\n\s+number: 80\n\s+percentage:\n\s+value: 10/,
    );
    expect(text).toMatch(/rewrite:\n\s+uriRegexRewrite:\n\s+match: \/\.\*\n\s+rewrite: \/basket/);
  });

  test('the redirect location and the rewritten path are what they were', () => {
    const result = verify(filters, convert(filters, 'istio'));
    expect(result.total).toBeGreaterThan(3);
    expect(result.differences).toEqual([]);
  });
});

describe('Gateway API → Istio: each loss with its path', () => {
  const lossy = load(`
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: other, namespace: default}
    spec:
      gatewayClassName: nginx
      listeners: [{name: http, port: 80, protocol: HTTP}]
    ---
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: edge, namespace: default}
    spec:
      gatewayClassName: istio
      listeners:
        - name: http
          port: 80
          protocol: HTTP
          allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: shop}}}}
        - {name: open, port: 8080, protocol: HTTP}
    ---
    apiVersion: gateway.networking.k8s.io/v1
    kind: HTTPRoute
    metadata: {name: shop, namespace: default}
    spec:
      parentRefs: [{name: edge, sectionName: open}]
      rules:
        - timeouts: {request: 10s, backendRequest: 2s}
          backendRefs: [{name: billing, namespace: finance, port: 80}]
  `);
  const losses = convert(lossy, 'istio').losses;
  const at = (resource: string, path: string) =>
    losses.filter((l) => l.resource === resource && l.path === path).map((l) => l.message);

  test.each([
    [
      'Gateway.gateway.networking.k8s.io/default/other',
      'spec.gatewayClassName',
      /class nginx is not Istio's/,
    ],
    [
      'Gateway.gateway.networking.k8s.io/default/edge',
      'spec.listeners[0].allowedRoutes.namespaces.selector',
      /names namespaces, not labels/,
    ],
    ['HTTPRoute/default/shop', 'spec.rules[0].timeouts.backendRequest', /perTryTimeout/],
    ['HTTPRoute/default/shop', 'spec.rules[0].backendRefs[0]', /RefNotPermitted.*answers 500/],
  ])('%s %s', (resource, path, message) => {
    expect(at(resource, path)).toEqual([expect.stringMatching(message)]);
  });

  test('the same input converts to the same text (names and order are deterministic)', () => {
    expect(convert(lossy, 'istio')).toEqual(convert(lossy, 'istio'));
  });
});
