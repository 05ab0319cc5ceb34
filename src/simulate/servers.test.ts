import { describe, expect, test } from 'vitest';
import {
  docs,
  httpGateway,
  sim,
  stepsOf,
  winner,
  workspaceOf,
  yaml,
} from '../testing/simulations.ts';
import { simulate } from './simulate.ts';

const SHOP_VS = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: shop, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [istio-system/gw]
    http:
      - match: [{ scheme: { exact: https } }]
        route: [{ destination: { host: secure } }]
      - route: [{ destination: { host: plain } }]
`;

const HTTPS_GW = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: istio-system }
  spec:
    selector: { istio: ingressgateway }
    servers:
      - port: { number: 443, name: https, protocol: HTTPS }
        hosts: [shop.example.com]
        tls: { mode: SIMPLE, credentialName: shop-cert }
      - port: { number: 80, name: http, protocol: HTTP }
        hosts: [shop.example.com]
        tls: { httpsRedirect: true }
`;

describe('listener and server choice', () => {
  test('the port comes from the URL: 80 for http, 443 for https, else the explicit one', () => {
    const simulation = sim(docs(httpGateway(), SHOP_VS), 'http://shop.example.com:8080/');
    expect(simulation.outcome).toBe('noServer');
    expect(simulation.status).toBeNull();
    // The URL's port is the load balancer's: the implied ingress Service has no 8080.
    expect(stepsOf(simulation, 'server').at(-1)?.detail).toContain(
      'the load balancer has no port 8080',
    );
    expect(sim(docs(httpGateway(), SHOP_VS), 'http://shop.example.com/').outcome).toBe('route');
  });

  test('a workspace without Gateways has nothing listening', () => {
    expect(sim(SHOP_VS, 'http://shop.example.com/')).toMatchObject({
      outcome: 'noServer',
      gateway: null,
      server: null,
    });
  });

  test('an HTTPS server terminates TLS and routes by http rules, with :scheme https', () => {
    const simulation = sim(docs(HTTPS_GW, SHOP_VS), 'https://shop.example.com/');
    expect(simulation).toMatchObject({
      outcome: 'route',
      gateway: 'Gateway/istio-system/gw',
      server: { port: 443, protocol: 'HTTPS', hosts: ['shop.example.com'], index: 0 },
    });
    expect(winner(simulation)).toBe('VirtualService/web/shop http[0]');
  });

  test('tls.httpsRedirect answers a plain-text request with 301 to https, path and query kept', () => {
    const simulation = sim(docs(HTTPS_GW, SHOP_VS), 'http://shop.example.com/a/b?x=1');
    expect(simulation).toMatchObject({
      outcome: 'redirect',
      status: 301,
      redirect: { location: 'https://shop.example.com/a/b?x=1', status: 301 },
      server: { port: 80, index: 1 },
    });
    // The HTTP server's `tls` only carries the redirect: no TLS mode is reported for it.
    expect(simulation.server?.tlsMode).toBeUndefined();
    expect(sim(docs(HTTPS_GW, SHOP_VS), 'https://shop.example.com/').server?.tlsMode).toBe(
      'SIMPLE',
    );
    expect(stepsOf(simulation, 'redirect')[0]?.path).toEqual([
      'spec',
      'servers',
      1,
      'tls',
      'httpsRedirect',
    ]);
  });

  test('httpsRedirect also answers for a server host no VirtualService uses (its own virtual host)', () => {
    const simulation = sim(HTTPS_GW, 'http://shop.example.com/');
    expect(simulation.outcome).toBe('redirect');
  });

  test('an SNI no HTTPS server lists finds no filter chain: the connection fails', () => {
    const simulation = sim(docs(HTTPS_GW, SHOP_VS), 'https://other.example.com/');
    expect(simulation.outcome).toBe('noServer');
    expect(stepsOf(simulation, 'server').at(-1)?.detail).toContain('SNI other.example.com');
  });

  test('SNI picks the most specific server: exact name over wildcard, wildcard over *', () => {
    const gw = yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: { name: gw, namespace: istio-system }
      spec:
        selector: { istio: ingressgateway }
        servers:
          - port: { number: 443, name: any, protocol: HTTPS }
            hosts: ["*"]
            tls: { mode: SIMPLE, credentialName: any }
          - port: { number: 443, name: wild, protocol: HTTPS }
            hosts: ["*.example.com"]
            tls: { mode: SIMPLE, credentialName: wild }
          - port: { number: 443, name: shop, protocol: HTTPS }
            hosts: [shop.example.com]
            tls: { mode: SIMPLE, credentialName: shop }
    `;
    const vs = SHOP_VS.replace('hosts: [shop.example.com]', 'hosts: ["*"]');
    expect(sim(docs(gw, vs), 'https://shop.example.com/').server?.index).toBe(2);
    expect(sim(docs(gw, vs), 'https://api.example.com/').server?.index).toBe(1);
    expect(sim(docs(gw, vs), 'https://shop.test/').server?.index).toBe(0);
  });

  test('the virtual host comes from the Host header, the filter chain from the SNI (the URL host)', () => {
    const simulation = sim(docs(HTTPS_GW, SHOP_VS), {
      url: 'https://shop.example.com/',
      headers: { Host: 'other.example.com' },
    });
    expect(simulation.outcome).toBe('noRoute');
    expect(simulation.status).toBe(404);
    expect(simulation.server?.port).toBe(443);
  });

  test('a plain-text request to a TLS-only port fails, and so does TLS to a plain-text port', () => {
    const gw = HTTPS_GW.replace(/ {2}- port: \{ number: 80[\s\S]*$/, '');
    expect(sim(docs(gw, SHOP_VS), 'http://shop.example.com:443/').outcome).toBe('noServer');
    expect(sim(docs(httpGateway(), SHOP_VS), 'https://shop.example.com:80/').outcome).toBe(
      'noServer',
    );
  });

  test('an HTTPS server whose tls names no mode is PASSTHROUGH (the enum default): http rules do not apply', () => {
    const gw = HTTPS_GW.replace('mode: SIMPLE, ', '');
    const simulation = sim(docs(gw, SHOP_VS), 'https://shop.example.com/');
    expect(simulation.outcome).toBe('noServer');
  });

  test('a TLS server repeating another TLS server host on the port is skipped (MergeGateways)', () => {
    const second = HTTPS_GW.replace('name: gw,', 'name: gw2,').replace(
      /credentialName: shop-cert/,
      'credentialName: other',
    );
    const simulation = sim(docs(HTTPS_GW, second, SHOP_VS), 'https://shop.example.com/');
    expect(simulation.gateway).toBe('Gateway/istio-system/gw');
    expect(
      stepsOf(simulation, 'server').some(
        (s) =>
          s.matched === false &&
          s.resource === 'Gateway/istio-system/gw2' &&
          s.detail.includes('duplicate'),
      ),
    ).toBe(true);
  });

  test('a TCP server on a port that already has an HTTP server is not merged', () => {
    const tcp = yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: { name: tcp, namespace: istio-system }
      spec:
        selector: { istio: ingressgateway }
        servers: [{ port: { number: 80, name: tcp, protocol: TCP }, hosts: ["*"] }]
    `;
    const simulation = sim(docs(httpGateway(), tcp, SHOP_VS), 'http://shop.example.com/');
    expect(simulation.outcome).toBe('route');
    expect(stepsOf(simulation, 'server').find((s) => s.matched === false)?.detail).toContain(
      'conflicts with HTTP server',
    );
  });
});

describe('server hosts and binding', () => {
  const vsIn = (ns: string, host = 'shop.example.com') => yaml`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: shop, namespace: ${ns} }
    spec:
      hosts: [${host}]
      gateways: [istio-system/gw]
      http: [{ route: [{ destination: { host: app } }] }]
  `;

  test('a namespace/ part restricts which VirtualServices the server host takes', () => {
    const gw = httpGateway(['web/*']);
    expect(sim(docs(gw, vsIn('web')), 'http://shop.example.com/').outcome).toBe('route');
    expect(sim(docs(gw, vsIn('other')), 'http://shop.example.com/').outcome).toBe('noRoute');
  });

  test('./host stands for the Gateway namespace', () => {
    const gw = httpGateway(['./shop.example.com']);
    expect(sim(docs(gw, vsIn('istio-system')), 'http://shop.example.com/').outcome).toBe('route');
    expect(sim(docs(gw, vsIn('web')), 'http://shop.example.com/').outcome).toBe('noRoute');
  });

  test('a wildcard server host takes VirtualService hosts under it, but not the bare domain', () => {
    const gw = httpGateway(['*.example.com']);
    expect(sim(docs(gw, vsIn('web')), 'http://shop.example.com/').outcome).toBe('route');
    expect(sim(docs(gw, vsIn('web', 'example.com')), 'http://example.com/').outcome).toBe(
      'noRoute',
    );
  });

  test('a VirtualService host of * takes the server host (the intersection is the more specific)', () => {
    const gw = httpGateway(['shop.example.com']);
    expect(sim(docs(gw, vsIn('web', '"*"')), 'http://shop.example.com/').outcome).toBe('route');
    expect(sim(docs(gw, vsIn('web', '"*"')), 'http://other.example.com/').outcome).toBe('noRoute');
  });

  test('the host match ignores the port and case of the authority', () => {
    const simulation = sim(docs(httpGateway(), vsIn('web')), {
      url: 'http://shop.example.com/',
      headers: { host: 'SHOP.example.com:80' },
    });
    expect(simulation.outcome).toBe('route');
  });

  test('Gateways selecting the same pods are merged: an HTTP port has one route table for all of them', () => {
    const gw2 = httpGateway(['shop.example.com'], 'gw2');
    const vs = vsIn('web').replace('gateways: [istio-system/gw]', 'gateways: [istio-system/gw2]');
    const simulation = sim(
      docs(httpGateway(['other.example.com']), gw2, vs),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({ outcome: 'route', gateway: 'Gateway/istio-system/gw2' });
  });
});

describe('several gateway proxies', () => {
  const own = yaml`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: { name: shop-gw, namespace: shop }
    spec:
      selector: { app: shop-gateway }
      servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: [shop.example.com] }]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: shop-gateway, namespace: shop }
    spec:
      template: { metadata: { labels: { app: shop-gateway } } }
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: shop, namespace: shop }
    spec:
      hosts: [shop.example.com]
      gateways: [shop-gw]
      http: [{ route: [{ destination: { host: shop } }] }]
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: all, namespace: web }
    spec:
      hosts: ["*"]
      gateways: [istio-system/gw]
      http: [{ route: [{ destination: { host: all } }] }]
  `;

  test('the pods whose virtual host matches the host most specifically answer; the others are named', () => {
    const simulation = sim(docs(httpGateway(), own), 'http://shop.example.com/');
    expect(simulation.gateway).toBe('Gateway/shop/shop-gw');
    expect(
      simulation.steps.some((s) => s.kind === 'note' && s.detail.includes('istio-ingressgateway')),
    ).toBe(true);
    expect(sim(docs(httpGateway(), own), 'http://any.example.com/').gateway).toBe(
      'Gateway/istio-system/gw',
    );
  });

  test('a Gateway without selector configures every workload (gateway.proto)', () => {
    const gw = httpGateway().replace('  selector: { istio: ingressgateway }\n', '');
    const app = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: app, namespace: web }
      spec: { template: { metadata: { labels: { app: app } } } }
    `;
    expect(gw).not.toContain('selector');
    expect(sim(docs(gw, app, SHOP_VS), 'http://shop.example.com/').outcome).toBe('route');
    expect(sim(docs(gw, SHOP_VS), 'http://shop.example.com/').outcome).toBe('route');
  });

  test('request.gateway sends the request to the pods of that Gateway only', () => {
    const simulation = sim(docs(httpGateway(), own), {
      url: 'http://shop.example.com/',
      gateway: 'Gateway/istio-system/gw',
    });
    expect(winner(simulation)).toBe('VirtualService/web/all http[0]');
  });

  test('an unknown request.gateway is an input error, not a crash', () => {
    const result = simulate(workspaceOf(own), {
      url: 'http://shop.example.com/',
      gateway: 'Gateway/x/y',
    });
    expect(result).toEqual({ ok: false, error: 'no Gateway/x/y in the workspace' });
  });
});
