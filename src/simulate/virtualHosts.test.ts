import { describe, expect, test } from 'vitest';
import { docs, httpGateway, sim, stepsOf, targets, winner, yaml } from '../testing/simulations.ts';

function vs(fields: {
  name?: string;
  ns?: string;
  hosts?: string;
  gateways?: string;
  exportTo?: string;
  http: string;
}): string {
  const lines = [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    `metadata: { name: ${fields.name ?? 'shop'}, namespace: ${fields.ns ?? 'web'} }`,
    'spec:',
    `  hosts: ${fields.hosts ?? '[shop.example.com]'}`,
  ];
  if (fields.gateways !== undefined) lines.push(`  gateways: ${fields.gateways}`);
  if (fields.exportTo !== undefined) lines.push(`  exportTo: ${fields.exportTo}`);
  lines.push(`  http: ${fields.http}`);
  return `${lines.join('\n')}\n`;
}

const TO = (host: string) => `[{ route: [{ destination: { host: ${host} } }] }]`;

describe('binding VirtualServices to the Gateway', () => {
  test('gateways ns/name binds across namespaces', () => {
    const simulation = sim(
      docs(httpGateway(), vs({ gateways: '[istio-system/gw]', http: TO('app') })),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({
      outcome: 'route',
      virtualService: 'VirtualService/web/shop',
    });
  });

  test('a bare gateway name is in the VirtualService namespace', () => {
    expect(
      sim(
        docs(httpGateway(), vs({ ns: 'istio-system', gateways: '[gw]', http: TO('app') })),
        'http://shop.example.com/',
      ).outcome,
    ).toBe('route');
    expect(
      sim(
        docs(httpGateway(), vs({ ns: 'web', gateways: '[gw]', http: TO('app') })),
        'http://shop.example.com/',
      ).outcome,
    ).toBe('noRoute');
  });

  test('the legacy name.namespace form names the Gateway too (resolveGatewayName)', () => {
    expect(
      sim(
        docs(
          httpGateway(),
          vs({ gateways: '[gw.istio-system.svc.cluster.local]', http: TO('app') }),
        ),
        'http://shop.example.com/',
      ).outcome,
    ).toBe('route');
  });

  test('no gateways means mesh only: the gateway answers 404 from its blackhole virtual host', () => {
    const simulation = sim(
      docs(httpGateway(), vs({ http: TO('app') })),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({
      outcome: 'noRoute',
      status: 404,
      gateway: 'Gateway/istio-system/gw',
    });
    expect(stepsOf(simulation, 'virtualHost')[0]?.detail).toContain('blackhole');
  });

  test('exportTo must reach the gateway proxy namespace: "." hides a web VirtualService from istio-system pods', () => {
    const hidden = sim(
      docs(
        httpGateway(),
        vs({ gateways: '[istio-system/gw]', exportTo: '["."]', http: TO('app') }),
      ),
      'http://shop.example.com/',
    );
    expect(hidden.outcome).toBe('noRoute');
    expect(stepsOf(hidden, 'virtualService')[0]).toMatchObject({
      resource: 'VirtualService/web/shop',
      path: ['spec', 'exportTo'],
    });
    expect(
      sim(
        docs(
          httpGateway(),
          vs({ gateways: '[istio-system/gw]', exportTo: '[istio-system]', http: TO('app') }),
        ),
        'http://shop.example.com/',
      ).outcome,
    ).toBe('route');
    expect(
      sim(
        docs(
          httpGateway(),
          vs({ gateways: '[istio-system/gw]', exportTo: '["~"]', http: TO('app') }),
        ),
        'http://shop.example.com/',
      ).outcome,
    ).toBe('noRoute');
  });

  test('per-match gateways override the VirtualService gateways for that match', () => {
    const gw2 = yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: { name: gw2, namespace: istio-system }
      spec:
        selector: { app: other-gateway }
        servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: other, namespace: istio-system, labels: { app: other-gateway } }
    `;
    const text = docs(
      httpGateway(),
      gw2,
      vs({
        gateways: '[istio-system/gw, istio-system/gw2]',
        http: '[{ match: [{ gateways: [istio-system/gw2] }], route: [{ destination: { host: only-gw2 } }] }, { route: [{ destination: { host: both } }] }]',
      }),
    );
    expect(
      targets(sim(text, { url: 'http://shop.example.com/', gateway: 'Gateway/istio-system/gw' })),
    ).toEqual(['both.web.svc.cluster.local @1']);
    expect(
      targets(sim(text, { url: 'http://shop.example.com/', gateway: 'Gateway/istio-system/gw2' })),
    ).toEqual(['only-gw2.web.svc.cluster.local @1']);
  });

  test('per-match gateways cannot bind a VirtualService whose top-level gateways omit the Gateway', () => {
    const text = docs(
      httpGateway(),
      vs({
        http: '[{ match: [{ gateways: [istio-system/gw] }], route: [{ destination: { host: app } }] }]',
      }),
    );
    expect(sim(text, 'http://shop.example.com/').outcome).toBe('noRoute');
  });

  test('sourceLabels are compared with the gateway pod labels: a match for other workloads builds no route', () => {
    const text = docs(
      httpGateway(),
      vs({
        gateways: '[istio-system/gw]',
        http: '[{ match: [{ sourceLabels: { app: reviews } }], route: [{ destination: { host: a } }] }, { match: [{ sourceLabels: { istio: ingressgateway } }], route: [{ destination: { host: b } }] }]',
      }),
    );
    expect(winner(sim(text, 'http://shop.example.com/'))).toBe('VirtualService/web/shop http[1]');
  });
});

describe('virtual hosts', () => {
  test('VirtualServices for the same host are merged: routes in workspace order, catch-alls moved last (SortVHostRoutes)', () => {
    const first = vs({ name: 'a', gateways: '[istio-system/gw]', http: TO('fallback') });
    const second = vs({
      name: 'b',
      gateways: '[istio-system/gw]',
      http: '[{ match: [{ uri: { prefix: /api } }], route: [{ destination: { host: api } }] }]',
    });
    expect(winner(sim(docs(httpGateway(), first, second), 'http://shop.example.com/api'))).toBe(
      'VirtualService/web/b http[0]',
    );
    expect(winner(sim(docs(httpGateway(), first, second), 'http://shop.example.com/'))).toBe(
      'VirtualService/web/a http[0]',
    );
  });

  test('prefix "/" and regex ".*" without other conditions are catch-alls too', () => {
    const catchAll = (m: string) =>
      vs({
        name: 'a',
        gateways: '[istio-system/gw]',
        http: `[{ match: [${m}], route: [{ destination: { host: fallback } }] }]`,
      });
    const api = vs({
      name: 'b',
      gateways: '[istio-system/gw]',
      http: '[{ match: [{ uri: { prefix: /api } }], route: [{ destination: { host: api } }] }]',
    });
    for (const m of ['{ uri: { prefix: / } }', '{ uri: { regex: ".*" } }'])
      expect(
        winner(sim(docs(httpGateway(), catchAll(m), api), 'http://shop.example.com/api')),
      ).toBe('VirtualService/web/b http[0]');
    const withHeader = catchAll('{ uri: { prefix: / }, headers: { x: {} } }');
    expect(
      winner(
        sim(docs(httpGateway(), withHeader, api), {
          url: 'http://shop.example.com/api',
          headers: { x: '1' },
        }),
      ),
    ).toBe('VirtualService/web/a http[0]');
  });

  test('rules after a catch-all in the same VirtualService are never built', () => {
    const text = docs(
      httpGateway(),
      vs({
        gateways: '[istio-system/gw]',
        http: '[{ route: [{ destination: { host: all } }] }, { match: [{ uri: { prefix: /api } }], route: [{ destination: { host: api } }] }]',
      }),
    );
    const simulation = sim(text, 'http://shop.example.com/api');
    expect(winner(simulation)).toBe('VirtualService/web/shop http[0]');
  });

  test('an exact virtual host beats a wildcard one, a longer wildcard beats a shorter, * comes last', () => {
    const text = docs(
      httpGateway(),
      vs({ name: 'any', hosts: '["*"]', gateways: '[istio-system/gw]', http: TO('any') }),
      vs({ name: 'com', hosts: '["*.com"]', gateways: '[istio-system/gw]', http: TO('com') }),
      vs({
        name: 'wild',
        hosts: '["*.example.com"]',
        gateways: '[istio-system/gw]',
        http: TO('wild'),
      }),
      vs({
        name: 'exact',
        hosts: '[shop.example.com]',
        gateways: '[istio-system/gw]',
        http: TO('exact'),
      }),
    );
    expect(sim(text, 'http://shop.example.com/').virtualService).toBe('VirtualService/web/exact');
    expect(sim(text, 'http://api.example.com/').virtualService).toBe('VirtualService/web/wild');
    expect(sim(text, 'http://a.b.example.com/').virtualService).toBe('VirtualService/web/wild');
    expect(sim(text, 'http://shop.test.com/').virtualService).toBe('VirtualService/web/com');
    expect(sim(text, 'http://localhost/').virtualService).toBe('VirtualService/web/any');
  });

  test('short VirtualService hosts are FQDNs in their namespace', () => {
    const text = docs(
      httpGateway(),
      vs({ hosts: '[reviews]', gateways: '[istio-system/gw]', http: TO('reviews') }),
    );
    expect(sim(text, 'http://reviews.web.svc.cluster.local/').outcome).toBe('route');
    expect(sim(text, 'http://reviews/').outcome).toBe('noRoute');
  });

  test('no rule matching is a 404 from the gateway, with every rule tried in the trace', () => {
    const text = docs(
      httpGateway(),
      vs({
        gateways: '[istio-system/gw]',
        http: '[{ match: [{ uri: { prefix: /a } }], route: [{ destination: { host: a } }] }]',
      }),
    );
    const simulation = sim(text, 'http://shop.example.com/b');
    expect(simulation).toMatchObject({
      outcome: 'noRoute',
      status: 404,
      virtualService: null,
      rule: null,
      destinations: [],
    });
    expect(stepsOf(simulation, 'rule')).toHaveLength(1);
  });
});
