/**
 * The Gateway API scenarios' manifests, as Istio's Gateway API samples write them (basic, canary,
 * header routing, blue/green, path split, mirror, HTTPS, a Gateway in another namespace), and the
 * Secret HTTPS leaves to the user. Which scenarios have the form, what every one adds on every
 * base, and what is refused: gatewayApiScenarios.validity.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
import { emptyWorkspace, texts } from '../testing/scenarios.ts';
import { gatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import { added, addedKinds, gatewayApiForm, HTTP_LISTENER, spec } from './gatewayApiTestForms.ts';
import { MIRROR } from './resilience.ts';
import { HTTPS } from './tls.ts';
import { BASIC, BLUE_GREEN, CANARY, HEADER_BETA, PATH_SPLIT } from './trafficSplits.ts';

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
