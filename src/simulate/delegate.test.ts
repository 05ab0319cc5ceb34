import { describe, expect, test } from 'vitest';
import { docs, httpGateway, sim, stepsOf, targets, yaml } from '../testing/simulations.ts';

const ROOT = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: root, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [istio-system/gw]
    http:
      - name: api
        match: [{ uri: { prefix: /api } }]
        delegate: { name: api, namespace: api }
        timeout: 5s
        headers: { request: { set: { x-from: root } } }
      - name: rest
        route: [{ destination: { host: frontend } }]
`;

const DELEGATE = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: api, namespace: api }
  spec:
    http:
      - name: v2
        match: [{ uri: { prefix: /api/v2 } }]
        route: [{ destination: { host: api-v2 } }]
      - name: other
        match: [{ uri: { prefix: /shop } }]
        route: [{ destination: { host: never } }]
      - name: default
        timeout: 1s
        route: [{ destination: { host: api-v1 } }]
`;

describe('delegation', () => {
  test('the delegate rule that matches wins: virtualService names the delegate, rootVirtualService the root', () => {
    const simulation = sim(docs(httpGateway(), ROOT, DELEGATE), 'http://shop.example.com/api/v2/x');
    expect(simulation).toMatchObject({
      outcome: 'route',
      virtualService: 'VirtualService/api/api',
      rootVirtualService: 'VirtualService/web/root',
      rule: { index: 0, name: 'v2', section: 'http', rootIndex: 0 },
    });
    // The destination host is resolved in the delegate's namespace.
    expect(targets(simulation)).toEqual(['api-v2.api.svc.cluster.local @1']);
  });

  test('a delegate rule without match takes the root match (mergeHTTPMatchRequests)', () => {
    const simulation = sim(docs(httpGateway(), ROOT, DELEGATE), 'http://shop.example.com/api/v1');
    expect(simulation.rule?.name).toBe('default');
    expect(
      sim(docs(httpGateway(), ROOT, DELEGATE), 'http://shop.example.com/other').virtualService,
    ).toBe('VirtualService/web/root');
  });

  test('the delegate inherits the root timeout and headers it does not set, and keeps its own', () => {
    const v2 = sim(docs(httpGateway(), ROOT, DELEGATE), 'http://shop.example.com/api/v2');
    expect(v2.timeout).toBe('5s');
    expect(v2.request.headers['x-from']).toBe('root');
    expect(sim(docs(httpGateway(), ROOT, DELEGATE), 'http://shop.example.com/api/v1').timeout).toBe(
      '1s',
    );
  });

  test('a delegate match outside the root match conflicts and that delegate rule is dropped', () => {
    const simulation = sim(docs(httpGateway(), ROOT, DELEGATE), 'http://shop.example.com/shop');
    expect(simulation.virtualService).toBe('VirtualService/web/root');
    const dropped = stepsOf(simulation, 'delegate').find((s) => s.detail.includes('conflicts'));
    expect(dropped).toMatchObject({
      resource: 'VirtualService/api/api',
      path: ['spec', 'http', 1, 'match'],
    });
  });

  test('a missing delegate drops only that root rule', () => {
    const simulation = sim(docs(httpGateway(), ROOT), 'http://shop.example.com/api/v2');
    expect(simulation.rule?.name).toBe('rest');
    expect(stepsOf(simulation, 'delegate')[0]?.detail).toContain('not found');
  });

  test('a delegate not exported to the root namespace is skipped', () => {
    const hidden = DELEGATE.replace('spec:\n', 'spec:\n  exportTo: ["."]\n');
    expect(
      sim(docs(httpGateway(), ROOT, hidden), 'http://shop.example.com/api/v2').rule?.name,
    ).toBe('rest');
    const exported = DELEGATE.replace('spec:\n', 'spec:\n  exportTo: [web]\n');
    expect(
      sim(docs(httpGateway(), ROOT, exported), 'http://shop.example.com/api/v2').rule?.name,
    ).toBe('v2');
  });

  test('a VirtualService with hosts cannot be a delegate', () => {
    const withHosts = DELEGATE.replace('spec:\n', 'spec:\n  hosts: [api.internal]\n');
    expect(
      sim(docs(httpGateway(), ROOT, withHosts), 'http://shop.example.com/api/v2').rule?.name,
    ).toBe('rest');
  });

  test('delegate namespace defaults to the root namespace', () => {
    const root = ROOT.replace('delegate: { name: api, namespace: api }', 'delegate: { name: api }');
    const delegate = DELEGATE.replace('namespace: api', 'namespace: web');
    expect(
      sim(docs(httpGateway(), root, delegate), 'http://shop.example.com/api/v2').virtualService,
    ).toBe('VirtualService/web/api');
  });
});
