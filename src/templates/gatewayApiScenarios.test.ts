import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
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
import { entries, type Workspace } from '../workspace/workspace.ts';
import { offersApiChoice } from './designApi.ts';
import { MIRROR } from './resilience.ts';
import { SCENARIOS } from './scenarios.ts';
import { HTTPS, MUTUAL_TLS } from './tls.ts';
import { BASIC, BLUE_GREEN, CANARY, HEADER_BETA, PATH_SPLIT } from './trafficSplits.ts';

/** The scenarios in their Gateway API form: what `--set api=gateway-api` and the dialog's choice ask for. */
const GATEWAY_API = { api: 'gateway-api' } as const;

/** The plain values of the documents a scenario added, in order, as `Kind name` → value. */
function added(
  before: Workspace,
  after: Workspace,
): { kind: string; plain: Record<string, unknown> }[] {
  const old = new Set(entries(before).map((e) => e.id));
  return entries(after)
    .filter((e) => !old.has(e.id))
    .map((e) => ({
      kind: `${String(e.plain.kind)} ${String((e.plain.metadata as { name: string }).name)}`,
      plain: e.plain,
    }));
}

function addedKinds(params: Record<string, string | number>, scenario = CANARY): string[] {
  const { before, after } = applyScenario(scenario, emptyWorkspace(), {
    ...GATEWAY_API,
    ...params,
  });
  return added(before, after).map((d) => d.kind);
}

function spec(after: Workspace, kindName: string): unknown {
  const doc = added(emptyWorkspace(), after).find((d) => d.kind === kindName);
  return doc?.plain.spec;
}

const gatewayApiForm = (scenario = CANARY, params: Record<string, string | number> = {}) =>
  applyScenario(scenario, emptyWorkspace(), { ...GATEWAY_API, ...params }).after;

/** The listener every default design's Gateway has for plain HTTP. */
const HTTP_LISTENER = {
  name: 'http',
  hostname: 'shop.example.com',
  port: 80,
  protocol: 'HTTP',
  allowedRoutes: { namespaces: { from: 'Same' } },
};

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

describe('the manifests, as Istio’s Gateway API samples write them', () => {
  test('basic: Gateway of class istio, an HTTPRoute to shop-v1, a Service per version', () => {
    const after = gatewayApiForm(BASIC);
    expect(addedKinds({}, BASIC)).toEqual([
      'Gateway shop-gateway',
      'HTTPRoute shop',
      'Service shop-v1',
      'Service shop-v2',
      'Deployment shop-v1',
      'Deployment shop-v2',
    ]);
    expect(spec(after, 'Gateway shop-gateway')).toEqual({
      gatewayClassName: 'istio',
      listeners: [HTTP_LISTENER],
    });
    expect(spec(after, 'HTTPRoute shop')).toEqual({
      parentRefs: [{ name: 'shop-gateway' }],
      hostnames: ['shop.example.com'],
      rules: [{ name: 'shop', backendRefs: [{ name: 'shop-v1', port: 80 }] }],
    });
    // The Gateway API has no subsets: each version is a Service selecting its version label.
    expect(spec(after, 'Service shop-v2')).toEqual({
      selector: { app: 'shop', version: 'v2' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });
  });

  test('canary: one rule with two weighted backendRefs, the weights from the percentage', () => {
    const after = gatewayApiForm(CANARY, { name: 'cart', percent: 25 });
    expect(spec(after, 'HTTPRoute cart')).toEqual({
      parentRefs: [{ name: 'cart-gateway' }],
      hostnames: ['cart.example.com'],
      rules: [
        {
          name: 'canary',
          backendRefs: [
            { name: 'cart-v1', port: 80, weight: 75 },
            { name: 'cart-v2', port: 80, weight: 25 },
          ],
        },
      ],
    });
    const yaml = texts(after)
      .map((f) => f.text)
      .join('');
    expect(yaml).toContain('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n');
    expect(yaml).toContain('  gatewayClassName: istio\n');
  });

  test('header routing: an Exact header match to v2 and a rule without matches to v1', () => {
    const after = gatewayApiForm(HEADER_BETA, { header: 'X-Canary', value: 'always' });
    expect(spec(after, 'HTTPRoute shop')).toMatchObject({
      rules: [
        {
          name: 'beta',
          matches: [{ headers: [{ type: 'Exact', name: 'X-Canary', value: 'always' }] }],
          backendRefs: [{ name: 'shop-v2', port: 80 }],
        },
        { name: 'stable', backendRefs: [{ name: 'shop-v1', port: 80 }] },
      ],
    });
  });

  test('blue/green: Services shop-blue and shop-green, everything to the live one', () => {
    const after = gatewayApiForm(BLUE_GREEN, { live: 'green' });
    expect(addedKinds({ live: 'green' }, BLUE_GREEN)).toContain('Service shop-blue');
    expect(spec(after, 'HTTPRoute shop')).toMatchObject({
      rules: [{ name: 'live', backendRefs: [{ name: 'shop-green', port: 80 }] }],
    });
  });

  test('path split: a PathPrefix rule per prefix, each to its own Service', () => {
    const after = gatewayApiForm(PATH_SPLIT);
    expect(spec(after, 'HTTPRoute shop')).toMatchObject({
      rules: [
        {
          name: 'api',
          matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
          backendRefs: [{ name: 'shop-api', port: 80 }],
        },
        {
          name: 'web',
          matches: [{ path: { type: 'PathPrefix', value: '/web' } }],
          backendRefs: [{ name: 'shop-web', port: 80 }],
        },
      ],
    });
  });

  test('mirror: a RequestMirror filter to shop-v2 with the percentage; none written for 100', () => {
    expect(spec(gatewayApiForm(MIRROR, { percent: 20 }), 'HTTPRoute shop')).toEqual({
      parentRefs: [{ name: 'shop-gateway' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          name: 'mirror',
          filters: [
            {
              type: 'RequestMirror',
              requestMirror: { backendRef: { name: 'shop-v2', port: 80 }, percent: 20 },
            },
          ],
          backendRefs: [{ name: 'shop-v1', port: 80 }],
        },
      ],
    });
    expect(spec(gatewayApiForm(MIRROR, { percent: 100 }), 'HTTPRoute shop')).toMatchObject({
      rules: [{ filters: [{ requestMirror: { backendRef: { name: 'shop-v2', port: 80 } } }] }],
    });
    const all = spec(gatewayApiForm(MIRROR, { percent: 100 }), 'HTTPRoute shop') as {
      rules: { filters: { requestMirror: object }[] }[];
    };
    expect(all.rules[0]?.filters[0]?.requestMirror).not.toHaveProperty('percent');
  });

  test('HTTPS: an HTTPS listener with the Secret, an HTTP one whose route redirects with 301', () => {
    const after = gatewayApiForm(HTTPS, { credentialName: 'shop-cert' });
    expect(addedKinds({ credentialName: 'shop-cert' }, HTTPS)).toEqual([
      'Gateway shop-gateway',
      'HTTPRoute shop',
      'HTTPRoute shop-redirect',
      'Service shop',
      'Deployment shop',
    ]);
    expect(spec(after, 'Gateway shop-gateway')).toEqual({
      gatewayClassName: 'istio',
      listeners: [
        {
          name: 'https',
          hostname: 'shop.example.com',
          port: 443,
          protocol: 'HTTPS',
          tls: { mode: 'Terminate', certificateRefs: [{ name: 'shop-cert' }] },
          allowedRoutes: { namespaces: { from: 'Same' } },
        },
        HTTP_LISTENER,
      ],
    });
    expect(spec(after, 'HTTPRoute shop')).toEqual({
      parentRefs: [{ name: 'shop-gateway', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      rules: [{ name: 'shop', backendRefs: [{ name: 'shop', port: 80 }] }],
    });
    expect(spec(after, 'HTTPRoute shop-redirect')).toEqual({
      parentRefs: [{ name: 'shop-gateway', sectionName: 'http' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          filters: [
            { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
          ],
        },
      ],
    });
  });

  test('a Gateway in another namespace admits the app’s routes by namespace name, and they name its namespace', () => {
    const after = gatewayApiForm(CANARY, { gatewayNamespace: 'istio-ingress' });
    const gateway = added(emptyWorkspace(), after).find((d) => d.kind === 'Gateway shop-gateway');
    expect(gateway?.plain.metadata).toEqual({ name: 'shop-gateway', namespace: 'istio-ingress' });
    expect(spec(after, 'Gateway shop-gateway')).toMatchObject({
      listeners: [
        {
          allowedRoutes: {
            namespaces: {
              from: 'Selector',
              selector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } },
            },
          },
        },
      ],
    });
    expect(spec(after, 'HTTPRoute shop')).toMatchObject({
      parentRefs: [{ name: 'shop-gateway', namespace: 'istio-ingress' }],
    });
    const [route] = gatewayApiIndex(after).routes;
    expect(route?.parents.map((p) => [p.namespace, p.accepted.length, p.denial])).toEqual([
      ['istio-ingress', 1, undefined],
    ]);
  });
});

test('HTTPS leaves the Secret to the user: lint asks for it in the Gateway’s namespace, as information', () => {
  const after = gatewayApiForm(HTTPS, { credentialName: 'shop-cert' });
  const secret = lint(after).filter((d) => /certificate/.test(d.code));
  expect(secret.map((d) => [d.severity, d.resource])).toEqual([
    ['info', 'Gateway.gateway.networking.k8s.io/default/shop-gateway'],
  ]);
  expect(secret[0]?.message).toContain('default/shop-cert');
});

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
