import { describe, expect, test } from 'vitest';
import { convert } from './convert.ts';
import { load, manifests, SECURE, SERVICES } from './ingressTestDesigns.ts';
import { verify } from './verify.ts';

/** Two Ingresses Istio serves for one host, in two namespaces, with what Istio ignores. */
const ISTIO_CLASS = `
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: shop
    namespace: default
    annotations:
      nginx.ingress.kubernetes.io/rewrite-target: /
      nginx.ingress.kubernetes.io/canary: "true"
  spec:
    ingressClassName: istio
    defaultBackend: {service: {name: canary, port: {number: 80}}}
    tls:
      - {hosts: [shop.example.com], secretName: shop-tls}
      - {hosts: [other.example.com]}
    rules:
      - host: shop.example.com
        http:
          paths:
            - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            - {path: /api/, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
            - {path: /login, pathType: Exact, backend: {service: {name: canary, port: {number: 80}}}}
            - {path: /static/*, pathType: ImplementationSpecific, backend: {service: {name: canary, port: {number: 80}}}}
            - {path: /about, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 8080}}}}
            - {path: /gone, pathType: Prefix, backend: {service: {name: web, port: {name: missing}}}}
      - http:
          paths:
            - {path: /*, pathType: ImplementationSpecific, backend: {service: {name: canary, port: {number: 80}}}}
  ---
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: admin, namespace: ops}
  spec:
    ingressClassName: istio
    rules:
      - host: shop.example.com
        http:
          paths:
            - {path: /api/users, pathType: Exact, backend: {service: {name: admin, port: {number: 80}}}}
`;

const at = (ns: string, host: string, port: number) => ({
  destination: { host: `${host}.${ns}.svc.cluster.local`, port: { number: port } },
});

describe('Ingress of class istio → Istio, as Istio reads it', () => {
  const source = load(SERVICES, ISTIO_CLASS);
  const conversion = convert(source, 'istio');
  const out = manifests(conversion);

  test('one VirtualService per host for every such Ingress, longest path first, Exact first at equal length', () => {
    expect(out['VirtualService/admin']?.spec).toEqual({
      hosts: ['shop.example.com'],
      gateways: ['default/istio', 'ops/istio'],
      http: [
        { match: [{ uri: { exact: '/api/users' } }], route: [at('ops', 'admin', 80)] },
        // `/static/*`: Istio's prefix `/static`, whole segments.
        {
          match: [{ uri: { exact: '/static' } }, { uri: { prefix: '/static/' } }],
          route: [at('default', 'canary', 80)],
        },
        { match: [{ uri: { exact: '/login' } }], route: [at('default', 'canary', 80)] },
        // ImplementationSpecific without `*`: exact, not nginx's plain prefix.
        { match: [{ uri: { exact: '/about' } }], route: [at('default', 'api', 8080)] },
        {
          match: [{ uri: { exact: '/api' } }, { uri: { prefix: '/api/' } }],
          route: [at('default', 'api', 8080)],
        },
        { match: [{ uri: { prefix: '/' } }], route: [at('default', 'web', 80)] },
      ],
    });
    // `/*` matches every path: a rule without match.
    expect(out['VirtualService/shop-default']?.spec.http).toEqual([
      { route: [at('default', 'canary', 80)] },
    ]);
  });

  test("the default ingress gateway; an HTTPS server only for a tls entry with a secretName, Istio's name kept", () => {
    const gateways = conversion.files
      .flatMap((f) => f.text.split('---\n'))
      .filter((doc) => doc.includes('kind: Gateway\n'));
    expect(gateways.map((doc) => /namespace: (\S+)/.exec(doc)?.[1])).toEqual(['default', 'ops']);
    const [inDefault = ''] = gateways;
    expect(
      manifests({ ...conversion, files: [{ name: 'gw.yaml', text: inDefault }] })['Gateway/istio']
        ?.spec,
    ).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] },
        {
          port: { number: 443, name: 'https-1', protocol: 'HTTPS' },
          hosts: ['shop.example.com'],
          tls: { mode: 'SIMPLE', credentialName: 'shop-tls' },
        },
      ],
    });
  });

  test('no loss: not the class, not the annotations Istio ignores, not the Secret Istio already reads in istio-system', () => {
    expect(conversion.losses).toEqual([]);
  });

  test('every request goes where Istio sent it, on HTTP and HTTPS', () => {
    const result = verify(source, conversion);
    expect(result.total).toBeGreaterThan(30);
    expect(result.differences).toEqual([]);
  });
});

describe('Ingress of class istio → Gateway API', () => {
  const source = load(SERVICES, ISTIO_CLASS);
  const conversion = convert(source, 'gateway-api');
  const out = manifests(conversion);

  test("one Gateway in the gateway pods' namespace, open to routes from every namespace", () => {
    const gateway = conversion.files
      .flatMap((f) => f.text.split('---\n'))
      .find((doc) => doc.includes('kind: Gateway\n'));
    expect(gateway).toMatch(/name: istio\n\s+namespace: istio-system\n/);
    expect(out['Gateway/istio']?.spec.listeners).toEqual([
      { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
      {
        name: 'https-1',
        hostname: 'shop.example.com',
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ name: 'shop-tls' }] },
        allowedRoutes: { namespaces: { from: 'All' } },
      },
    ]);
  });

  test("paths as Istio reads them; the route without host stays off the named host's HTTPS listener", () => {
    expect(out['HTTPRoute/shop-shop.example.com']?.spec.rules?.map((r) => r.matches)).toEqual([
      [{ path: { type: 'PathPrefix', value: '/' } }],
      [{ path: { type: 'PathPrefix', value: '/api' } }],
      [{ path: { type: 'Exact', value: '/login' } }],
      [{ path: { type: 'PathPrefix', value: '/static' } }],
      [{ path: { type: 'Exact', value: '/about' } }],
    ]);
    expect(out['HTTPRoute/shop-default']?.spec.parentRefs).toEqual([
      { name: 'istio', namespace: 'istio-system', sectionName: 'http' },
    ]);
  });

  test('every request goes where Istio sent it but to a Service the input lacks, which the loss explains', () => {
    expect(conversion.losses).toEqual([
      {
        resource: 'Ingress/ops/admin',
        path: 'spec.rules[0].http.paths[0].backend.service.name',
        message:
          'Service ops/admin is not in the input: Istio answers 503 for it, the Gateway API 500',
      },
    ]);
    const result = verify(source, conversion);
    expect(result.total).toBeGreaterThan(30);
    expect(result.differences.map((d) => [d.request.url, d.explainedBy?.resource])).toEqual([
      ['http://shop.example.com:80/api/users', 'Ingress/ops/admin'],
    ]);
  });
});

test('Gateway API: an Exact path a longer Prefix overtook under Istio is a loss, and explains the one difference', () => {
  const source = load(`
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: app, namespace: default}
    spec:
      ingressClassName: istio
      rules:
        - host: app.example.com
          http:
            paths:
              - {path: /a, pathType: Exact, backend: {service: {name: exact, port: {number: 80}}}}
              - {path: /a/, pathType: Prefix, backend: {service: {name: prefix, port: {number: 80}}}}
  `);
  const conversion = convert(source, 'gateway-api');
  expect(conversion.losses).toEqual([
    {
      resource: 'Ingress/default/app',
      path: 'spec.rules[0].http.paths[0].path',
      message:
        'Istio tries the longer Prefix /a/ first, which takes /a too; the Gateway API ranks this Exact path first, so /a now goes to exact',
    },
  ]);
  const { differences } = verify(source, conversion);
  expect(differences.map((d) => [d.request.url, Boolean(d.explainedBy)])).toEqual([
    ['http://app.example.com:80/a', true],
  ]);
  // Istio's API keeps Istio's order: nothing lost.
  expect(convert(source, 'istio').losses).toEqual([]);
});

describe('the classes Istio serves', () => {
  const path = `rules: [{http: {paths: [{path: /app, pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}]}}]`;
  test.each([
    ['ingressClassName: istio', `spec: {ingressClassName: istio, ${path}}`, ''],
    [
      'an IngressClass with controller istio.io/ingress-controller',
      `spec: {ingressClassName: mesh, ${path}}`,
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: mesh}\nspec: {controller: istio.io/ingress-controller}\n',
    ],
    ['the kubernetes.io/ingress.class annotation', `spec: {${path}}`, ''],
  ])('%s: ImplementationSpecific is exact, with no loss', (_, spec, extra) => {
    const annotations =
      spec === `spec: {${path}}` ? ', annotations: {kubernetes.io/ingress.class: istio}' : '';
    const source = load(
      SERVICES,
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: app, namespace: default${annotations}}\n${spec}\n`,
      ...(extra ? [extra] : []),
    );
    const conversion = convert(source, 'istio');
    expect(conversion.losses).toEqual([]);
    expect(
      Object.values(manifests(conversion)).find((m) => m.kind === 'VirtualService')?.spec.http,
    ).toEqual([{ match: [{ uri: { exact: '/app' } }], route: [at('default', 'web', 80)] }]);
    expect(verify(source, conversion).differences).toEqual([]);
  });
});

describe("credentialName: Istio reads the Secret in the gateway pods' namespace", () => {
  const secretLosses = (source: ReturnType<typeof load>) =>
    convert(source, 'istio').losses.filter((l) => l.path.endsWith('.secretName'));

  test('an ingress-nginx Ingress elsewhere: the loss says which Secret to copy where', () => {
    expect(secretLosses(load(SERVICES, SECURE))).toEqual([
      {
        resource: 'Ingress/default/secure',
        path: 'spec.tls[0].secretName',
        message:
          "copy Secret default/secure-tls to istio-system: Istio's gateway reads credentialName in its own namespace",
      },
    ]);
  });

  test('gateway pods of the workspace in their own namespace: that namespace', () => {
    const pods = `
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: edge, namespace: gateways}
      spec:
        selector: {matchLabels: {istio: ingressgateway}}
        template: {metadata: {labels: {istio: ingressgateway}}}
    `;
    expect(secretLosses(load(SERVICES, SECURE, pods))[0]?.message).toMatch(
      /^copy Secret default\/secure-tls to gateways: /,
    );
  });

  test('an Ingress in the gateway pods’ namespace: nothing to copy', () => {
    const inSystem = SECURE.replace('namespace: default', 'namespace: istio-system');
    expect(secretLosses(load(SERVICES, inSystem))).toEqual([]);
  });
});
