import { describe, expect, test } from 'vitest';
import { convert } from './convert.ts';
import { ingress, load, manifests, SERVICES } from './ingressTestDesigns.ts';
import { verify } from './verify.ts';

const a = (name: string) => `metadata.annotations["nginx.ingress.kubernetes.io/${name}"]`;
const pathsOf = (losses: readonly { path: string }[]) => losses.map((l) => l.path);

describe('Ingress conversion losses, each with its path', () => {
  test('a named port of a Service not in the input: no number to write, and the Service is missing', () => {
    const source = load(
      SERVICES,
      `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: gone, namespace: default}
      spec:
        ingressClassName: nginx
        rules:
          - http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: gone, port: {name: http}}}}]
      `,
    );
    for (const to of ['gateway-api', 'istio'] as const)
      expect(pathsOf(convert(source, to).losses)).toEqual([
        'spec.rules[0].http.paths[0].backend.service.name',
        'spec.rules[0].http.paths[0].backend.service.port.name',
      ]);
  });

  test('an Ingress another controller serves (not nginx, not istio) is converted as ingress-nginx reads it, and says so', () => {
    const source = load(
      SERVICES,
      `
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: traefik}
      spec: {controller: traefik.io/ingress-controller}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: edge, namespace: default}
      spec:
        ingressClassName: traefik
        rules:
          - http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
      `,
    );
    for (const to of ['gateway-api', 'istio'] as const)
      expect(convert(source, to).losses).toEqual([
        expect.objectContaining({
          resource: 'Ingress/default/edge',
          path: 'spec.ingressClassName',
          message: expect.stringContaining('served by traefik.io/ingress-controller'),
        }),
      ]);
  });

  test('a 308 permanent redirect: a loss for the Gateway API (301 written), kept by Istio', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/permanent-redirect": "https://new.example.com/", "nginx.ingress.kubernetes.io/permanent-redirect-code": "308"',
      ),
    );
    const gateway = convert(source, 'gateway-api');
    expect(pathsOf(gateway.losses)).toEqual([a('permanent-redirect-code')]);
    expect(manifests(gateway)['HTTPRoute/main']?.spec.rules?.[0]?.filters).toEqual([
      expect.objectContaining({
        requestRedirect: expect.objectContaining({ statusCode: 301 }),
      }),
    ]);
    const istio = convert(source, 'istio');
    expect(istio.losses).toEqual([]);
    expect(manifests(istio)['VirtualService/main']?.spec.http?.[0]?.redirect).toEqual(
      expect.objectContaining({ redirectCode: 308 }),
    );
  });

  test('a canary without a main Ingress for its path is a loss on that path', () => {
    const source = load(
      SERVICES,
      ingress(
        'beta',
        '"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "50"',
      ),
    );
    for (const to of ['gateway-api', 'istio'] as const)
      expect(convert(source, to).losses).toEqual([
        expect.objectContaining({
          resource: 'Ingress/default/beta',
          path: 'spec.rules[0].http.paths[0]',
        }),
      ]);
  });
});

describe('Ingress defaultBackend next to rules', () => {
  test('serves the unmatched paths of the Ingress hosts, not other hosts (as ingress-nginx)', () => {
    const source = load(
      SERVICES,
      `
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: mix, namespace: default}
      spec:
        ingressClassName: nginx
        defaultBackend: {service: {name: web, port: {number: 80}}}
        rules:
          - host: shop.example.com
            http:
              paths: [{path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}]
      `,
    );
    for (const to of ['gateway-api', 'istio'] as const) {
      const conversion = convert(source, to);
      const result = verify(source, conversion, [{ url: 'http://shop.example.com/other' }]);
      expect(result.total).toBeGreaterThan(3);
      expect(result.differences).toEqual([]);
    }
  });
});

describe('malformed Ingresses', () => {
  test('convert without throwing; a path without a backend is a loss', () => {
    const source = load(`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: odd, namespace: default}
      spec:
        tls: [{}]
        rules:
          - host: a.example.com
          - http: {paths: [{}, 7]}
      `);
    for (const to of ['gateway-api', 'istio'] as const) {
      const conversion = convert(source, to);
      expect(conversion.losses.map((l) => l.path)).toContain('spec.rules[1].http.paths[0].backend');
      expect(() => verify(source, conversion)).not.toThrow();
    }
  });
});
