import { describe, expect, test } from 'vitest';
import { docs, sim, stepsOf, targets, yaml } from '../testing/simulations.ts';

const PASSTHROUGH = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: istio-system }
  spec:
    selector: { istio: ingressgateway }
    servers:
      - port: { number: 443, name: tls, protocol: TLS }
        hosts: ["*.example.com"]
        tls: { mode: PASSTHROUGH }
      - port: { number: 31400, name: tcp, protocol: TCP }
        hosts: ["*"]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: tls, namespace: web }
  spec:
    hosts: ["*.example.com"]
    gateways: [istio-system/gw]
    tls:
      - match: [{ sniHosts: [shop.example.com] }]
        route: [{ destination: { host: shop, port: { number: 8443 } } }]
      - match: [{ sniHosts: ["*.example.com"], port: 443 }]
        route: [{ destination: { host: wild, port: { number: 8443 } } }]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: tcp, namespace: web }
  spec:
    hosts: ["*"]
    gateways: [istio-system/gw]
    tcp:
      - match: [{ port: 9999 }]
        route: [{ destination: { host: never } }]
      - match: [{ port: 31400 }]
        route: [{ destination: { host: db, port: { number: 5432 } } }]
`;

describe('TLS passthrough', () => {
  test('the tls rule whose sniHosts name the SNI exactly wins over a wildcard one', () => {
    const simulation = sim(PASSTHROUGH, 'https://shop.example.com/');
    expect(simulation).toMatchObject({
      outcome: 'route',
      status: null,
      rule: { section: 'tls', index: 0, matchIndex: 0 },
    });
    expect(targets(simulation)).toEqual(['shop.web.svc.cluster.local @1']);
  });

  test('a wildcard sniHosts entry takes other names under it', () => {
    const simulation = sim(PASSTHROUGH, 'https://api.example.com/');
    expect(simulation.rule).toMatchObject({ section: 'tls', index: 1 });
    expect(stepsOf(simulation, 'rule')[0]?.path).toEqual(['spec', 'tls', 1, 'match', 0]);
  });

  test('an SNI no tls rule takes has no filter chain: the connection fails', () => {
    expect(sim(PASSTHROUGH, 'https://shop.other.org/').outcome).toBe('noServer');
  });

  test('the request is not read at all: the backend sees it as sent', () => {
    const simulation = sim(PASSTHROUGH, {
      url: 'https://shop.example.com/a?b=1',
      headers: { 'x-a': '1' },
    });
    expect(simulation.request).toMatchObject({
      path: '/a?b=1',
      authority: 'shop.example.com',
      headers: { 'x-a': '1' },
    });
  });
});

describe('TCP', () => {
  test('the first tcp rule whose port fits takes the connection, whatever the host', () => {
    const simulation = sim(PASSTHROUGH, 'http://anything.test:31400/');
    expect(simulation).toMatchObject({
      outcome: 'route',
      rule: { section: 'tcp', index: 1 },
      virtualService: 'VirtualService/web/tcp',
    });
    expect(simulation.destinations[0]).toMatchObject({
      host: 'db.web.svc.cluster.local',
      port: 5432,
    });
  });

  test('a TCP server without a bound tcp rule gets no listener', () => {
    const text = docs(PASSTHROUGH.split('---')[0] ?? '');
    expect(sim(text, 'http://anything.test:31400/').outcome).toBe('noServer');
  });
});
