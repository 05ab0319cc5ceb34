import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
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
} from '../testing/scenarios.ts';
import { HTTPS, MUTUAL_TLS } from './tls.ts';

const SHOP_FQDN = 'shop.default.svc.cluster.local';

for (const base of BASES) {
  describe(`on ${base.label}`, () => {
    test('HTTPS terminates on 443 and plain HTTP gets a 301 to the same URL on https', () => {
      const { after } = applyScenario(HTTPS, base.load());
      const graph = graphOf(after);
      expect(edges(graph, 'bind')).toContain(`${SHOP.gateway} -> ${SHOP.virtualService}`);
      expect(edges(graph, 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.service()}`);

      const plain = send(after, { url: 'http://shop.example.com/cart?id=1' });
      expect([plain.outcome, plain.redirect]).toEqual([
        'redirect',
        { location: 'https://shop.example.com/cart?id=1', status: 301 },
      ]);
      const secure = send(after, { url: 'https://shop.example.com/cart' });
      expect(secure.server).toMatchObject({ port: 443, tlsMode: 'SIMPLE' });
      expect(destinations(secure)).toEqual([`${SHOP_FQDN} 1`]);
    });

    test('mutual TLS serves shop on 443 only, in MUTUAL mode', () => {
      const { after } = applyScenario(MUTUAL_TLS, base.load());
      expect(edges(graphOf(after), 'route')).toContain(`${SHOP.rule(0)} -> ${SHOP.service()}`);
      const secure = send(after, { url: 'https://shop.example.com/' });
      expect(secure.server).toMatchObject({ port: 443, tlsMode: 'MUTUAL' });
      expect(destinations(secure)).toEqual([`${SHOP_FQDN} 1`]);
      // Plain HTTP reaches nothing of shop (the example's port 80 server answers 404 for it).
      const plain = send(after, { url: 'http://shop.example.com/' });
      expect([plain.virtualService, plain.destinations]).toEqual([null, []]);
    });

    for (const scenario of [HTTPS, MUTUAL_TLS]) {
      test(`${scenario.title} leaves the Secret to the user: lint asks for it in istio-system, as information`, () => {
        const { after } = applyScenario(scenario, base.load(), { credentialName: 'shop-cert' });
        const secret = lint(after).filter((d) => d.code === 'gateway-credential-not-found');
        expect(secret.map((d) => [d.severity, d.resource])).toEqual([
          ['info', 'Gateway/istio-system/shop-gateway'],
        ]);
        expect(secret[0]?.message).toContain('shop-cert not found in namespace istio-system');
      });
    }
  });
}

describe('the description', () => {
  test('says the Secret is not added and where it must be', () => {
    for (const scenario of [HTTPS, MUTUAL_TLS]) {
      expect(scenario.description).toContain('not added');
      expect(scenario.description).toContain('istio-system');
    }
    expect(MUTUAL_TLS.description).toContain('ca.crt');
  });
});

describe('refusals', () => {
  test('a Secret name must be a lower-case DNS name', () => {
    expect(refusal(HTTPS, emptyWorkspace(), { credentialName: 'Shop_Cert' })).toBe(
      'TLS Secret (credentialName): Use lower case letters, digits, inner dashes and dots',
    );
  });

  test('HTTPS on the example is refused for the example’s own host, which port 80 already serves', () => {
    expect(refusal(HTTPS, exampleWorkspace(), { host: 'myapp.example.com' })).toMatch(
      /^Gateway\/istio-system\/my-gateway already serves myapp.example.com on port 80/,
    );
  });
});
