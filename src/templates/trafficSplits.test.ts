import { describe, expect, test } from 'vitest';
import { lineDiff } from '../testing/lineDiff.ts';
import {
  applyScenario,
  BASES,
  destinations,
  edges,
  emptyWorkspace,
  exampleWorkspace,
  graphOf,
  refusal,
  SHOP,
  send,
  texts,
} from '../testing/scenarios.ts';
import { BASIC, BLUE_GREEN, CANARY, HEADER_BETA, PATH_SPLIT } from './trafficSplits.ts';

const SHOP_FQDN = 'shop.default.svc.cluster.local';

for (const base of BASES) {
  describe(`on ${base.label}`, () => {
    test('the basic design draws gateway pods → Gateway → VirtualService → v1, with both subsets selecting their pods', () => {
      const graph = graphOf(applyScenario(BASIC, base.load()).after);
      expect(edges(graph, 'flow')).toContain(`${SHOP.impliedGatewayPods} -> ${SHOP.gateway}`);
      expect(edges(graph, 'bind')).toContain(`${SHOP.gateway} -> ${SHOP.virtualService}`);
      expect(edges(graph, 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.subset('v1')}`);
      expect(edges(graph, 'select')).toEqual(
        expect.arrayContaining([
          `${SHOP.subset('v1')} -> ${SHOP.pods('shop-v1')}`,
          `${SHOP.subset('v2')} -> ${SHOP.pods('shop-v2')}`,
        ]),
      );
    });

    test('the basic design sends the host to subset v1', () => {
      const { after } = applyScenario(BASIC, base.load());
      const sim = send(after, { url: 'http://shop.example.com/cart' });
      expect(sim.gateway).toBe('Gateway/istio-system/shop-gateway');
      expect(destinations(sim)).toEqual([`${SHOP_FQDN}/v1 1`]);
    });

    test('the canary splits one rule 90/10 between v1 and v2, on the graph and in the simulator', () => {
      const { after } = applyScenario(CANARY, base.load());
      expect(edges(graphOf(after), 'route')).toEqual(
        expect.arrayContaining([
          `${SHOP.rule(0)} -> ${SHOP.subset('v1')} @90`,
          `${SHOP.rule(0)} -> ${SHOP.subset('v2')} @10`,
        ]),
      );
      const sim = send(after, { url: 'http://shop.example.com/' });
      expect(sim.rule?.name).toBe('canary');
      expect(destinations(sim)).toEqual([`${SHOP_FQDN}/v1 0.9`, `${SHOP_FQDN}/v2 0.1`]);
    });

    test('the beta header goes to v2 and every other request to v1', () => {
      const { after } = applyScenario(HEADER_BETA, base.load());
      expect(edges(graphOf(after), 'route')).toEqual(
        expect.arrayContaining([
          `${SHOP.rule(0)} -> ${SHOP.subset('v2')}`,
          `${SHOP.rule(1)} -> ${SHOP.subset('v1')}`,
        ]),
      );
      const beta = send(after, { url: 'http://shop.example.com/', headers: { 'x-beta': 'true' } });
      expect([beta.rule?.name, ...destinations(beta)]).toEqual(['beta', `${SHOP_FQDN}/v2 1`]);
      const other = send(after, { url: 'http://shop.example.com/', headers: { 'x-beta': 'no' } });
      expect([other.rule?.name, ...destinations(other)]).toEqual(['stable', `${SHOP_FQDN}/v1 1`]);
    });

    test('blue/green sends everything to the live colour, and the parameter picks it', () => {
      const blue = applyScenario(BLUE_GREEN, base.load()).after;
      expect(edges(graphOf(blue), 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.subset('blue')}`);
      expect(edges(graphOf(blue), 'select')).toContain(
        `${SHOP.subset('green')} -> ${SHOP.pods('shop-green')}`,
      );
      const green = applyScenario(BLUE_GREEN, base.load(), { live: 'green' }).after;
      expect(destinations(send(green, { url: 'http://shop.example.com/' }))).toEqual([
        `${SHOP_FQDN}/green 1`,
      ]);
    });

    test('the path split sends /api and /web to their own services and other paths nowhere', () => {
      const { after } = applyScenario(PATH_SPLIT, base.load());
      expect(edges(graphOf(after), 'route')).toEqual(
        expect.arrayContaining([
          `${SHOP.rule(0)} -> ${SHOP.service('shop-api')}`,
          `${SHOP.rule(1)} -> ${SHOP.service('shop-web')}`,
        ]),
      );
      const api = send(after, { url: 'http://shop.example.com/api/orders' });
      expect(destinations(api)).toEqual(['shop-api.default.svc.cluster.local 1']);
      const web = send(after, { url: 'http://shop.example.com/web/' });
      expect(destinations(web)).toEqual(['shop-web.default.svc.cluster.local 1']);
      expect(send(after, { url: 'http://shop.example.com/other' }).status).toBe(404);
    });
  });
}

describe('the YAML a scenario writes', () => {
  test('the canary is the Gateway, the weighted rule and the subsets an expert would write', () => {
    const { before, after } = applyScenario(CANARY, exampleWorkspace(), {
      name: 'cart',
      percent: 25,
    });
    const { removed, added } = lineDiff(texts(before)[0]?.text ?? '', texts(after)[0]?.text ?? '');
    expect(removed).toEqual([]);
    const text = added.join('\n');
    for (const line of [
      'apiVersion: networking.istio.io/v1',
      'kind: Gateway',
      '  name: cart-gateway',
      '  namespace: istio-system',
      '    istio: ingressgateway',
      '      name: http',
      '    - cart.example.com',
      '  - istio-system/cart-gateway',
      '  - name: canary',
      '    - destination:\n        host: cart\n        subset: v1\n      weight: 75',
      '    - destination:\n        host: cart\n        subset: v2\n      weight: 25',
      '  - name: v2\n    labels:\n      version: v2',
    ])
      expect(text).toContain(line);
    // No port on the destinations: the Service has one, so it would only repeat it.
    expect(text).not.toMatch(/^\s+port:\n\s+number/m);
  });

  test('a custom path split names each service after its prefix', () => {
    const { after } = applyScenario(PATH_SPLIT, emptyWorkspace(), {
      apiPrefix: '/orders',
      webPrefix: '/static/',
    });
    const sim = send(after, { url: 'http://shop.example.com/static/app.js' });
    expect(destinations(sim)).toEqual(['shop-static.default.svc.cluster.local 1']);
  });
});

describe('refusals', () => {
  test('a second scenario with the same name is refused, naming what exists', () => {
    const { after } = applyScenario(BASIC, emptyWorkspace());
    expect(refusal(CANARY, after, { host: 'other.example.com' })).toBe(
      'Gateway istio-system/shop-gateway already exists: choose another name',
    );
  });

  test('a host another Gateway already serves on port 80 is refused (it would conflict, IST0145)', () => {
    expect(refusal(BASIC, exampleWorkspace(), { host: 'myapp.example.com' })).toBe(
      'Gateway/istio-system/my-gateway already serves myapp.example.com on port 80 for the same gateway pods: choose another host, or route myapp.example.com from that Gateway',
    );
  });

  test('wrong parameters are refused with the field label and what is wrong', () => {
    const empty = emptyWorkspace();
    expect(refusal(BASIC, empty, { name: 'Shop' })).toBe(
      'Name: Use lower case: Kubernetes names are lower case',
    );
    expect(refusal(BASIC, empty, { name: '9shop' })).toBe(
      'Name: Start with a letter: it also names a Service',
    );
    expect(refusal(BASIC, empty, { host: 'shop' })).toContain('Host: short name "shop"');
    expect(refusal(CANARY, empty, { percent: 150 })).toBe(
      'Canary percentage (v2): Percentage must be from 0 to 100',
    );
    expect(refusal(CANARY, empty, { percent: 12.5 })).toBe(
      'Canary percentage (v2): Use a whole number: route weights are integers',
    );
    expect(refusal(HEADER_BETA, empty, { header: 'X-Beta' })).toBe(
      'Header name: Use lower case: Istio requires header names in lower case',
    );
    expect(refusal(BLUE_GREEN, empty, { live: 'red' })).toBe(
      'Live version: Choose one of blue, green',
    );
    expect(refusal(PATH_SPLIT, empty, { apiPrefix: '/api', webPrefix: '/api/v2' })).toBe(
      'Second prefix: The first prefix already covers this one: its rule would never match',
    );
  });

  test('numbers typed as text are read as numbers', () => {
    const { after } = applyScenario(CANARY, emptyWorkspace(), { percent: '30' });
    expect(edges(graphOf(after), 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.subset('v2')} @30`);
  });
});
