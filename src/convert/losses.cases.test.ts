/**
 * Losses of Istio → Gateway API, one small design per case: reordering across VirtualServices,
 * ports, short hosts, rule names, prefix rewrites, a catch-all before other rules, and backends
 * the Gateway API treats otherwise. The design with every kind of loss is in
 * losses.everyKind.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../workspace/workspace.ts';
import { convert } from './convert.ts';
import { load, shopDesign, to } from './testDesigns.ts';
import { verify } from './verify.ts';

describe('reordering across VirtualServices of one host', () => {
  const two = loadWorkspace([
    {
      name: 'two.yaml',
      text: shopDesign([
        {
          name: 'a',
          http: [
            { match: [{ headers: { 'x-team': { exact: 'blue' } } }], route: to('blue') },
            { route: to('shop') },
          ],
        },
        { name: 'b', http: [{ match: [{ uri: { exact: '/pay' } }], route: to('pay') }] },
      ]),
    },
  ]);

  test('the later VirtualService whose rule jumps ahead carries the loss; the catch-all does not count', () => {
    const conversion = convert(two, 'gateway-api');
    expect(conversion.losses).toEqual([
      {
        resource: 'VirtualService/default/b',
        path: 'spec.http[0]',
        message: expect.stringMatching(
          /puts http\[0\] before VirtualService\/default\/a http\[0\]/,
        ),
      },
    ]);
    const both = { url: 'http://shop.example.com/pay', headers: { 'x-team': 'blue' } };
    const result = verify(two, conversion, [both]);
    const moved = result.differences.find((d) => d.request === both);
    expect(moved?.explainedBy?.resource).toBe('VirtualService/default/b');
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });
});

describe('ports: a server port is the pods’, a listener port the clients’', () => {
  test('bookinfo’s server on 8080 behind the default ingress (80 → 8080) is a listener on 80', () => {
    const bookinfo = load(`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: bookinfo-gateway, namespace: default}
      spec:
        selector: {istio: ingressgateway}
        servers:
          - port: {number: 8080, name: http, protocol: HTTP}
            hosts: ["*"]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: bookinfo, namespace: default}
      spec:
        hosts: ["*"]
        gateways: [bookinfo-gateway]
        http:
          - match: [{uri: {exact: /productpage}}]
            route: [{destination: {host: productpage, port: {number: 9080}}}]
    `);
    const conversion = convert(bookinfo, 'gateway-api');
    expect(conversion.files[0]?.text).toMatch(/- name: http\n\s+port: 80\n\s+protocol: HTTP/);
    const result = verify(bookinfo, conversion);
    expect(result.total).toBeGreaterThan(1);
    expect(result.differences).toEqual([]);
  });
});

describe('hosts', () => {
  test('a short host is the Service FQDN Istio reads it as, and requests for it go where they went', () => {
    const short = loadWorkspace([
      {
        name: 'short.yaml',
        text: shopDesign([{ name: 'shop', http: [{ route: to('shop') }] }]).replaceAll(
          'shop.example.com',
          'shop',
        ),
      },
    ]);
    const conversion = convert(short, 'gateway-api');
    expect(conversion.files[0]?.text).toMatch(/hostnames:\n\s+- shop.default.svc.cluster.local\n/);
    const result = verify(short, conversion, [{ url: 'http://shop.default.svc.cluster.local/' }]);
    expect(result.total).toBeGreaterThan(1);
    expect(result.differences).toEqual([]);
  });
});

describe('rule names', () => {
  test('a repeated or unusual VirtualService rule name becomes a unique DNS label', () => {
    const named = loadWorkspace([
      {
        name: 'named.yaml',
        text: shopDesign([
          {
            name: 'shop',
            http: [
              { name: 'Beta_Users', match: [{ uri: { exact: '/a' } }], route: to('a') },
              { name: 'beta-users', match: [{ uri: { exact: '/b' } }], route: to('b') },
            ],
          },
        ]),
      },
    ]);
    const text = convert(named, 'gateway-api').files[0]?.text ?? '';
    expect([...text.matchAll(/^ {4}- name: (\S+)\n {6}matches:/gm)].map((m) => m[1])).toEqual([
      'beta-users',
      'beta-users-1',
    ]);
  });
});

describe('prefix rewrites', () => {
  test('a trailing / on one side only is a loss: Istio replaces text, the Gateway API segments', () => {
    const rewrite = loadWorkspace([
      {
        name: 'rewrite.yaml',
        text: shopDesign([
          {
            name: 'shop',
            http: [
              { match: [{ uri: { prefix: '/api/' } }], rewrite: { uri: '/v2' }, route: to('api') },
            ],
          },
        ]),
      },
    ]);
    const conversion = convert(rewrite, 'gateway-api');
    expect(conversion.losses.map((l) => l.path)).toContain('spec.http[0].rewrite.uri');
    const result = verify(rewrite, conversion, [{ url: 'http://shop.example.com/api/items' }]);
    const moved = result.differences.find(
      (d) => d.request.url === 'http://shop.example.com/api/items',
    );
    expect([moved?.before.upstream, moved?.after.upstream]).toEqual([
      'shop.example.com/v2items',
      'shop.example.com/v2/items',
    ]);
    expect(moved?.explainedBy?.path).toBe('spec.http[0].rewrite.uri');
  });
});

describe('a catch-all before other rules', () => {
  test('Istio never reaches the rules after it; the Gateway API ranks them first: reported', () => {
    const shadowed = loadWorkspace([
      {
        name: 'shadowed.yaml',
        text: shopDesign([
          {
            name: 'shop',
            http: [
              { route: to('shop') },
              { match: [{ queryParams: { v: { exact: '2' } } }], redirect: { uri: '/moved' } },
            ],
          },
        ]),
      },
    ]);
    const conversion = convert(shadowed, 'gateway-api');
    expect(conversion.losses).toContainEqual(
      expect.objectContaining({
        path: 'spec.http[1]',
        message: expect.stringMatching(/before http\[0\]/),
      }),
    );
    const result = verify(shadowed, conversion);
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });
});

describe('backends the Gateway API treats otherwise', () => {
  const gone = loadWorkspace([
    {
      name: 'gone.yaml',
      text: shopDesign(
        [
          {
            name: 'shop',
            http: [{ route: to('gone') }, { route: [{ destination: { host: 'shop' } }] }],
          },
        ],
        [
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'shop', namespace: 'default' },
            spec: { ports: [{ port: 80 }, { port: 8080 }] },
          },
        ],
      ),
    },
  ]);
  const conversion = convert(gone, 'gateway-api');

  test('a Service missing from the input: 503 under Istio, 500 under the Gateway API', () => {
    expect(conversion.losses).toContainEqual(
      expect.objectContaining({
        path: 'spec.http[0].route[0].destination.host',
        message: expect.stringMatching(
          /not in the input: Envoy answers 503 .* 500 \(BackendNotFound\)/,
        ),
      }),
    );
  });

  test('a backendRef without a port rejects the whole HTTPRoute, said once for the route', () => {
    expect(conversion.losses.filter((l) => l.path === 'spec.http')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/rejects the whole HTTPRoute/) }),
    ]);
    const result = verify(gone, conversion);
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });
});
