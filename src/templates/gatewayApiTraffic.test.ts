import { describe, expect, test } from 'vitest';
import {
  applyScenario,
  BASES,
  destinations,
  edges,
  emptyWorkspace,
  graphOf,
  send,
} from '../testing/scenarios.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { MIRROR } from './resilience.ts';
import type { Scenario, ScenarioParams } from './scenario.ts';
import { HTTPS } from './tls.ts';
import { BASIC, BLUE_GREEN, CANARY, HEADER_BETA, PATH_SPLIT } from './trafficSplits.ts';

/**
 * The documented requests of each scenario in its Gateway API form, through the simulator:
 * they go where the scenario says, as they do in the Istio form (trafficSplits.test.ts).
 */

const fqdn = (service: string) => `${service}.default.svc.cluster.local`;

function gatewayApiForm(scenario: Scenario, base: Workspace, params: ScenarioParams = {}) {
  return applyScenario(scenario, base, { api: 'gateway-api', ...params }).after;
}

for (const base of BASES) {
  describe(`on ${base.label}`, () => {
    test('basic: the host reaches the Gateway’s own pods, its HTTP listener and the route to shop-v1', () => {
      const sim = send(gatewayApiForm(BASIC, base.load()), { url: 'http://shop.example.com/cart' });
      expect(sim.gateway).toBe('Gateway.gateway.networking.k8s.io/default/shop-gateway');
      expect(sim.loadBalancer?.service).toBe('Service/default/shop-gateway-istio');
      expect(sim.listener).toMatchObject({ name: 'http', port: 80 });
      expect([sim.httpRoute, sim.rule]).toEqual([
        'HTTPRoute/default/shop',
        { index: 0, name: 'shop', section: 'rules' },
      ]);
      expect(destinations(sim)).toEqual([`${fqdn('shop-v1')} 1`]);
    });

    test('canary: the weights are the probabilities, 90/10 by default', () => {
      const sim = send(gatewayApiForm(CANARY, base.load()), { url: 'http://shop.example.com/' });
      expect(sim.rule?.name).toBe('canary');
      expect(destinations(sim)).toEqual([`${fqdn('shop-v1')} 0.9`, `${fqdn('shop-v2')} 0.1`]);
      const all = send(gatewayApiForm(CANARY, base.load(), { percent: 100 }), {
        url: 'http://shop.example.com/',
      });
      // Weight 0 gets nothing.
      expect(destinations(all)).toEqual([`${fqdn('shop-v1')} 0`, `${fqdn('shop-v2')} 1`]);
    });

    test('header routing: with the header to v2, without it (or another value) to v1', () => {
      const after = gatewayApiForm(HEADER_BETA, base.load());
      const beta = send(after, { url: 'http://shop.example.com/', headers: { 'x-beta': 'true' } });
      expect([beta.rule?.name, ...destinations(beta)]).toEqual(['beta', `${fqdn('shop-v2')} 1`]);
      const other = send(after, { url: 'http://shop.example.com/', headers: { 'x-beta': 'no' } });
      expect([other.rule?.name, ...destinations(other)]).toEqual([
        'stable',
        `${fqdn('shop-v1')} 1`,
      ]);
      const none = send(after, { url: 'http://shop.example.com/a/b' });
      expect(destinations(none)).toEqual([`${fqdn('shop-v1')} 1`]);
    });

    test('a header name written in capitals still matches: the Gateway API ignores its case', () => {
      const after = gatewayApiForm(HEADER_BETA, base.load(), { header: 'X-Beta' });
      const beta = send(after, { url: 'http://shop.example.com/', headers: { 'x-beta': 'true' } });
      expect(destinations(beta)).toEqual([`${fqdn('shop-v2')} 1`]);
    });

    test('blue/green: everything to the live colour', () => {
      const green = gatewayApiForm(BLUE_GREEN, base.load(), { live: 'green' });
      expect(destinations(send(green, { url: 'http://shop.example.com/' }))).toEqual([
        `${fqdn('shop-green')} 1`,
      ]);
    });

    test('path split: each prefix to its Service, whole segments only, other paths 404', () => {
      const after = gatewayApiForm(PATH_SPLIT, base.load());
      const to = (path: string) => send(after, { url: `http://shop.example.com${path}` });
      expect(destinations(to('/api/orders'))).toEqual([`${fqdn('shop-api')} 1`]);
      expect(destinations(to('/web/'))).toEqual([`${fqdn('shop-web')} 1`]);
      expect(to('/other').status).toBe(404);
      // A PathPrefix matches whole segments: /apix is not under /api.
      expect(to('/apix').status).toBe(404);
    });

    test('path split with nested prefixes: the longest wins, whatever the order', () => {
      const after = gatewayApiForm(PATH_SPLIT, base.load(), {
        apiPrefix: '/api',
        webPrefix: '/api/v2',
      });
      const to = (path: string) => send(after, { url: `http://shop.example.com${path}` });
      expect(destinations(to('/api/v2/orders'))).toEqual([`${fqdn('shop-web')} 1`]);
      expect(destinations(to('/api/v1/orders'))).toEqual([`${fqdn('shop-api')} 1`]);
    });

    test('mirror: v1 answers, a copy of the percentage goes to v2', () => {
      const sim = send(gatewayApiForm(MIRROR, base.load(), { percent: 25 }), {
        url: 'http://shop.example.com/',
      });
      expect(destinations(sim)).toEqual([`${fqdn('shop-v1')} 1`]);
      expect(sim.mirrors?.map((m) => [m.host, m.percentage])).toEqual([[fqdn('shop-v2'), 25]]);
    });

    test('HTTPS: plain HTTP gets a 301 to the same URL on https; https reaches the Service', () => {
      const after = gatewayApiForm(HTTPS, base.load());
      const plain = send(after, { url: 'http://shop.example.com/cart?id=1' });
      expect([plain.outcome, plain.redirect, plain.httpRoute]).toEqual([
        'redirect',
        { location: 'https://shop.example.com/cart?id=1', status: 301 },
        'HTTPRoute/default/shop-redirect',
      ]);
      const secure = send(after, { url: 'https://shop.example.com/cart' });
      expect(secure.listener).toMatchObject({ name: 'https', port: 443, protocol: 'HTTPS' });
      expect([secure.httpRoute, ...destinations(secure)]).toEqual([
        'HTTPRoute/default/shop',
        `${fqdn('shop')} 1`,
      ]);
    });
  });
}

test('a Gateway in another namespace still takes the app’s routes (allowed by namespace name)', () => {
  const after = gatewayApiForm(CANARY, emptyWorkspace(), { gatewayNamespace: 'istio-ingress' });
  const sim = send(after, { url: 'http://shop.example.com/' });
  expect(sim.gateway).toBe('Gateway.gateway.networking.k8s.io/istio-ingress/shop-gateway');
  expect(destinations(sim)).toEqual([`${fqdn('shop-v1')} 0.9`, `${fqdn('shop-v2')} 0.1`]);
});

describe('on the graph', () => {
  const GATEWAY = 'Gateway.gateway.networking.k8s.io/default/shop-gateway';
  const listener = (i: number) => `listener:${GATEWAY}:listeners[${i}]`;

  test('canary: Istio’s gateway chain, the listener bound to the route, the rule split 90/10 over two Services', () => {
    const graph = graphOf(gatewayApiForm(CANARY, emptyWorkspace()));
    expect(edges(graph, 'flow')).toContain(
      `gatewayWorkload:implied:Deployment/default/shop-gateway-istio -> gateway:${GATEWAY}`,
    );
    expect(edges(graph, 'bind')).toEqual([`${listener(0)} -> httpRoute:HTTPRoute/default/shop`]);
    expect(edges(graph, 'route')).toEqual([
      `route:HTTPRoute/default/shop:rules[0] -> service:${fqdn('shop-v1')} @90`,
      `route:HTTPRoute/default/shop:rules[0] -> service:${fqdn('shop-v2')} @10`,
    ]);
    expect(edges(graph, 'select')).toContain(
      `service:${fqdn('shop-v2')} -> pods:Deployment/default/shop-v2`,
    );
  });

  test('HTTPS: the HTTPS listener binds the app’s route, the HTTP listener the redirect', () => {
    const graph = graphOf(gatewayApiForm(HTTPS, emptyWorkspace()));
    expect(edges(graph, 'bind')).toEqual([
      `${listener(0)} -> httpRoute:HTTPRoute/default/shop`,
      `${listener(1)} -> httpRoute:HTTPRoute/default/shop-redirect`,
    ]);
  });
});
