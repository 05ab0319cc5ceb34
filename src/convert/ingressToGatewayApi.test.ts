import { describe, expect, test } from 'vitest';
import { convert } from './convert.ts';
import {
  FALLBACK,
  FANOUT,
  ingress,
  load,
  manifests,
  SECURE,
  SERVICES,
  unexplained,
  VHOSTS,
} from './ingressTestDesigns.ts';
import { verify } from './verify.ts';

describe('Ingress → Gateway API: the Kubernetes docs examples', () => {
  test('simple fanout: one Gateway for the class, one HTTPRoute, Prefix → PathPrefix, a named port → its number', () => {
    const source = load(SERVICES, FANOUT);
    const conversion = convert(source, 'gateway-api');
    const out = manifests(conversion);
    expect(out['Gateway/nginx']?.spec).toEqual({
      gatewayClassName: 'istio',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
    });
    expect(out['HTTPRoute/fanout']?.spec).toEqual({
      parentRefs: [{ name: 'nginx' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/app' } }],
          backendRefs: [{ name: 'web', port: 80 }],
        },
        {
          matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
          backendRefs: [{ name: 'api', port: 8080 }],
        },
      ],
    });
    expect(conversion.losses).toEqual([]);
    expect(conversion.replaced).toContain('Ingress/default/fanout');
    const result = verify(source, conversion);
    expect(result.total).toBeGreaterThan(5);
    expect(result.differences).toEqual([]);
  });

  test('name-based virtual hosting: one HTTPRoute per host; Exact stays Exact', () => {
    const source = load(SERVICES, VHOSTS);
    const conversion = convert(source, 'gateway-api');
    const out = manifests(conversion);
    expect(out['HTTPRoute/vhosts-foo.example.com']?.spec.hostnames).toEqual(['foo.example.com']);
    expect(out['HTTPRoute/vhosts-bar.example.com']?.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'Exact', value: '/status' } }],
        backendRefs: [{ name: 'api', port: 8080 }],
      },
    ]);
    expect(unexplained(source, conversion)).toEqual([]);
  });

  test('TLS: an HTTPS listener with the secret, the route on it and an HTTP redirect (308 → 301 is a loss)', () => {
    const source = load(SERVICES, SECURE);
    const conversion = convert(source, 'gateway-api');
    const out = manifests(conversion);
    expect(out['Gateway/nginx']?.spec.listeners?.[1]).toEqual({
      name: 'https-1',
      hostname: 'secure.example.com',
      port: 443,
      protocol: 'HTTPS',
      tls: { mode: 'Terminate', certificateRefs: [{ name: 'secure-tls' }] },
    });
    expect(out['HTTPRoute/secure']?.spec.parentRefs).toEqual([
      { name: 'nginx', sectionName: 'https-1' },
    ]);
    expect(out['HTTPRoute/secure-https-redirect']?.spec).toEqual({
      parentRefs: [{ name: 'nginx', sectionName: 'http' }],
      hostnames: ['secure.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          filters: [
            { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
          ],
        },
      ],
    });
    expect(conversion.losses).toEqual([
      expect.objectContaining({ resource: 'Ingress/default/secure', path: 'spec.tls' }),
    ]);
    const result = verify(source, conversion);
    // The redirects differ in status only, and the loss says why.
    expect(result.differences.length).toBeGreaterThan(0);
    expect(unexplained(source, conversion)).toEqual([]);
  });

  test('defaultBackend: a catch-all rule for every host', () => {
    const source = load(SERVICES, FALLBACK);
    const conversion = convert(source, 'gateway-api');
    expect(manifests(conversion)['HTTPRoute/fallback']?.spec).toEqual({
      parentRefs: [{ name: 'nginx' }],
      rules: [{ backendRefs: [{ name: 'web', port: 80 }] }],
    });
    expect(unexplained(source, conversion)).toEqual([]);
  });
});

describe('Ingress → Gateway API: ingress-nginx annotations', () => {
  test('canary-weight: weights on the main Ingress backendRefs; the canary Ingress is replaced too', () => {
    const source = load(
      SERVICES,
      ingress('main', ''),
      ingress(
        'beta',
        '"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "20"',
      ),
    );
    const conversion = convert(source, 'gateway-api');
    expect(manifests(conversion)['HTTPRoute/main']?.spec.rules?.[0]?.backendRefs).toEqual([
      { name: 'web', port: 80, weight: 80 },
      { name: 'canary', port: 80, weight: 20 },
    ]);
    expect(conversion.replaced).toEqual(
      expect.arrayContaining(['Ingress/default/main', 'Ingress/default/beta']),
    );
    expect(unexplained(source, conversion)).toEqual([]);
  });

  test('canary-by-header: a header-matched rule to the canary; by cookie is a loss', () => {
    const source = load(
      SERVICES,
      ingress('main', ''),
      ingress(
        'beta',
        '"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-by-header": "X-Beta", "nginx.ingress.kubernetes.io/canary-by-cookie": "beta"',
      ),
    );
    const conversion = convert(source, 'gateway-api');
    const header = (value: string) => [
      { path: { type: 'PathPrefix', value: '/shop' }, headers: [{ name: 'X-Beta', value }] },
    ];
    // ingress-nginx: "never" keeps the request on the main backend, "always" sends it to the canary.
    expect(manifests(conversion)['HTTPRoute/main']?.spec.rules?.slice(1)).toEqual([
      { matches: header('never'), backendRefs: [{ name: 'web', port: 80 }] },
      { matches: header('always'), backendRefs: [{ name: 'canary', port: 80 }] },
    ]);
    expect(conversion.losses).toEqual([
      expect.objectContaining({
        resource: 'Ingress/default/beta',
        path: 'metadata.annotations["nginx.ingress.kubernetes.io/canary-by-cookie"]',
      }),
    ]);
    // The probes carry the header: those requests reach the canary under both.
    expect(unexplained(source, conversion)).toEqual([]);
  });

  test('rewrite-target without groups replaces the whole path (as nginx rewrite does); the path reads as a regex', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/rewrite-target": "/"',
        '/shop',
        'ImplementationSpecific',
      ),
    );
    const conversion = convert(source, 'gateway-api');
    const rule = manifests(conversion)['HTTPRoute/main']?.spec.rules?.[0];
    expect(rule?.matches).toEqual([{ path: { type: 'RegularExpression', value: '/shop.*' } }]);
    expect(rule?.filters).toEqual([
      {
        type: 'URLRewrite',
        urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/' } },
      },
    ]);
    expect(conversion.losses.map((l) => l.path)).toEqual(['spec.rules[0].http.paths[0].path']);
  });

  test('capture groups, app-root, backend-protocol and other annotations are losses naming them', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/rewrite-target": "/$2", "nginx.ingress.kubernetes.io/app-root": "/app", "nginx.ingress.kubernetes.io/backend-protocol": "GRPC", "nginx.ingress.kubernetes.io/proxy-body-size": "8m"',
        '/shop(/|$)(.*)',
        'ImplementationSpecific',
      ),
    );
    const paths = convert(source, 'gateway-api').losses.map((l) => l.path);
    const a = (name: string) => `metadata.annotations["nginx.ingress.kubernetes.io/${name}"]`;
    expect(paths).toEqual(
      expect.arrayContaining([
        a('rewrite-target'),
        a('app-root'),
        a('backend-protocol'),
        a('proxy-body-size'),
      ]),
    );
  });

  test('permanent-redirect: a RequestRedirect rule with the URL parts', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/permanent-redirect": "https://new.example.com/home"',
      ),
    );
    const conversion = convert(source, 'gateway-api');
    expect(manifests(conversion)['HTTPRoute/main']?.spec.rules?.[0]?.filters).toEqual([
      {
        type: 'RequestRedirect',
        requestRedirect: {
          scheme: 'https',
          hostname: 'new.example.com',
          path: { type: 'ReplaceFullPath', replaceFullPath: '/home' },
          statusCode: 301,
        },
      },
    ]);
  });
});
