/**
 * Which scenarios have a Gateway API form, what each adds on every base (only kubectl-ready
 * documents, routes accepted, backendRefs resolved, no lint error or warning), and what the
 * Gateway API form refuses or allows. The manifests themselves: gatewayApiScenarios.manifests.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { HTTPRoute } from '../model/gatewayRoutes.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import {
  applyScenario,
  BASES,
  emptyWorkspace,
  exampleWorkspace,
  refusal,
  serious,
  texts,
} from '../testing/scenarios.ts';
import { gatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { offersApiChoice } from './designApi.ts';
import { added, GATEWAY_API, gatewayApiForm, spec } from './gatewayApiTestForms.ts';
import { MIRROR } from './resilience.ts';
import { SCENARIOS } from './scenarios.ts';
import { MUTUAL_TLS } from './tls.ts';
import { BASIC, CANARY, HEADER_BETA, PATH_SPLIT } from './trafficSplits.ts';

describe('which scenarios have a Gateway API form', () => {
  test('the routing and HTTPS scenarios do; faults, retries, mutual TLS and operations stay Istio', () => {
    expect(SCENARIOS.filter(offersApiChoice).map((s) => s.id)).toEqual([
      'basic',
      'canary',
      'header-beta',
      'blue-green',
      'path-split',
      'mirror',
      'https',
    ]);
    expect(offersApiChoice(MUTUAL_TLS)).toBe(false);
    for (const scenario of SCENARIOS.filter(offersApiChoice))
      expect(scenario.gatewayApiDescription, scenario.id).toMatch(/HTTPRoute/);
  });

  test('the Istio API stays the default: without api the canary writes a VirtualService', () => {
    const { before, after } = applyScenario(CANARY, emptyWorkspace());
    expect(added(before, after).map((d) => d.kind)).toEqual([
      'Gateway shop-gateway',
      'VirtualService shop',
      'DestinationRule shop',
      'Service shop',
      'Deployment shop-v1',
      'Deployment shop-v2',
    ]);
  });
});

for (const scenario of SCENARIOS.filter(offersApiChoice)) {
  describe(`${scenario.title} in the Gateway API`, () => {
    for (const base of BASES) {
      test(`on ${base.label}: one undoable step that only adds kubectl-ready documents`, () => {
        const { before, after } = applyScenario(scenario, base.load(), GATEWAY_API);
        const allText = (w: Workspace) =>
          texts(w)
            .map((f) => f.text)
            .join('');
        expect(lineDiff(allText(before), allText(after)).removed).toEqual([]);
        const docs = added(before, after);
        for (const { kind, plain } of docs) {
          const metadata = plain.metadata as { namespace?: string };
          expect(metadata.namespace, kind).toBe('default');
          expect(plain.apiVersion, kind).toMatch(
            kind.startsWith('Gateway') || kind.startsWith('HTTPRoute')
              ? /^gateway\.networking\.k8s\.io\/v1$/
              : /^(v1|apps\/v1)$/,
          );
        }
        // No Istio routing resource: the Gateway API form is the Gateway API's alone.
        expect(docs.map((d) => d.plain.apiVersion)).not.toContain('networking.istio.io/v1');
      });

      test(`on ${base.label}: every route is accepted by its Gateway and every backendRef resolves`, () => {
        const { after } = applyScenario(scenario, base.load(), GATEWAY_API);
        const index = gatewayApiIndex(after);
        const ours = index.routes.filter((r) => r.route.metadata.name.startsWith('shop'));
        expect(ours.length).toBeGreaterThan(0);
        for (const { route, parents } of ours) {
          expect(parents.map((p) => [p.gateway?.metadata.name, p.denial])).toEqual([
            ['shop-gateway', undefined],
          ]);
          expect(parents[0]?.accepted.length, route.metadata.name).toBe(1);
          for (const rule of (route as HTTPRoute).rules)
            for (const ref of rule.backendRefs) {
              const resolution = index.backend(ref, { kind: 'HTTPRoute', namespace: 'default' });
              expect(resolution.resolved, `${route.metadata.name} → ${ref.name}`).toBe(true);
            }
        }
        const gateway = index.gateways.find((g) => g.gateway.metadata.name === 'shop-gateway');
        expect(gateway?.deployment).toMatchObject({
          managed: true,
          serviceName: 'shop-gateway-istio',
          serviceType: 'LoadBalancer',
        });
      });

      test(`on ${base.label}: leaves no lint error or warning`, () => {
        const { after } = applyScenario(scenario, base.load(), GATEWAY_API);
        expect(serious(after).map((d) => `${d.code} ${d.resource} ${d.message}`)).toEqual([]);
      });
    }
  });
}

describe('refusals in the Gateway API', () => {
  test('a Gateway API Gateway of the same name is refused, named as the user wrote it', () => {
    const after = gatewayApiForm(BASIC);
    expect(refusal(CANARY, after, { ...GATEWAY_API, host: 'other.example.com' })).toBe(
      'Gateway default/shop-gateway already exists: choose another name',
    );
  });

  test('both APIs side by side under other names: the Istio form is not refused by the Gateway API one', () => {
    const after = gatewayApiForm(BASIC);
    expect(() => applyScenario(CANARY, after, { name: 'cart' })).not.toThrow();
  });

  test('the host the example’s Istio Gateway serves is free in the Gateway API: its Gateway has pods of its own', () => {
    expect(() =>
      applyScenario(CANARY, exampleWorkspace(), { ...GATEWAY_API, host: 'myapp.example.com' }),
    ).not.toThrow();
  });

  test('parameters are checked as the Gateway API’s CRDs check them', () => {
    const empty = emptyWorkspace();
    const gw = (params: Record<string, string | number>, scenario = CANARY) =>
      refusal(scenario, empty, { ...GATEWAY_API, ...params });
    // Istio names the gateway it deploys <name>-gateway-istio: that must fit in 63 characters.
    expect(gw({ name: 'a'.repeat(50) })).toBe(
      `Name: At most 49 characters: "${'a'.repeat(50)}-gateway-istio" must fit in 63`,
    );
    expect(gw({ host: 'Shop.example.com' })).toBe('Host: "Shop.example.com" must be lower case');
    expect(gw({ percent: 12.5 })).toBe(
      'Canary percentage (v2): Use a whole number: route weights are integers',
    );
    expect(gw({ apiPrefix: '/api//v1' }, PATH_SPLIT)).toBe(
      'First prefix: A path must not contain "//"',
    );
    expect(gw({ apiPrefix: '/api', webPrefix: '/api/' }, PATH_SPLIT)).toBe(
      'Second prefix: The same prefix as the first: its rule would never match',
    );
    expect(gw({ percent: 12.5 }, MIRROR)).toBe(
      'Mirrored percentage: Percent must be a whole number from 0 to 100',
    );
    expect(gw({ header: 'x beta' }, HEADER_BETA)).toMatch(
      /^Header name: .*not a valid header name/,
    );
  });

  test('what only Istio refuses is fine in the Gateway API: header case, a longer prefix after a shorter', () => {
    expect(() =>
      applyScenario(HEADER_BETA, emptyWorkspace(), { ...GATEWAY_API, header: 'X-Beta' }),
    ).not.toThrow();
    // The Gateway API picks the longest prefix, so /api/v2 after /api still matches.
    const after = gatewayApiForm(PATH_SPLIT, { apiPrefix: '/api', webPrefix: '/api/v2' });
    expect(spec(after, 'HTTPRoute shop')).toMatchObject({
      rules: [
        { matches: [{ path: { value: '/api' } }] },
        { matches: [{ path: { value: '/api/v2' } }] },
      ],
    });
  });

  test('an unknown API is refused with the choices', () => {
    expect(refusal(CANARY, emptyWorkspace(), { api: 'gateway' })).toBe(
      'API: Choose one of istio, gateway-api',
    );
  });
});
