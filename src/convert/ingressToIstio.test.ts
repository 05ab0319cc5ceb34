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

const to = (host: string, port: number, weight?: number) => ({
  destination: { host: `${host}.default.svc.cluster.local`, port: { number: port } },
  ...(weight !== undefined ? { weight } : {}),
});

describe('Ingress → Istio: the Kubernetes docs examples', () => {
  test('simple fanout: a Gateway on the default ingress gateway, a Prefix is the path and below it', () => {
    const source = load(SERVICES, FANOUT);
    const conversion = convert(source, 'istio');
    const out = manifests(conversion);
    expect(out['Gateway/nginx']?.spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    });
    expect(out['VirtualService/fanout']?.spec).toEqual({
      hosts: ['shop.example.com'],
      gateways: ['nginx'],
      http: [
        {
          match: [{ uri: { exact: '/app' } }, { uri: { prefix: '/app/' } }],
          route: [to('web', 80)],
        },
        {
          match: [{ uri: { exact: '/api' } }, { uri: { prefix: '/api/' } }],
          route: [to('api', 8080)],
        },
      ],
    });
    expect(conversion.losses).toEqual([]);
    const result = verify(source, conversion);
    expect(result.total).toBeGreaterThan(5);
    expect(result.differences).toEqual([]);
  });

  test('name-based virtual hosting: a VirtualService per host, Exact stays exact', () => {
    const source = load(SERVICES, VHOSTS);
    const conversion = convert(source, 'istio');
    const out = manifests(conversion);
    expect(out['VirtualService/vhosts-foo.example.com']?.spec.http).toEqual([
      { match: [{ uri: { prefix: '/' } }], route: [to('web', 80)] },
    ]);
    expect(out['VirtualService/vhosts-bar.example.com']?.spec.http).toEqual([
      { match: [{ uri: { exact: '/status' } }], route: [to('api', 8080)] },
    ]);
    expect(verify(source, conversion).differences).toEqual([]);
  });

  test('TLS: an HTTPS server with the credential and a 308 redirect on port 80 first', () => {
    const source = load(SERVICES, SECURE);
    const conversion = convert(source, 'istio');
    const out = manifests(conversion);
    expect(out['Gateway/nginx']?.spec.servers?.[1]).toEqual({
      port: { number: 443, name: 'https-1', protocol: 'HTTPS' },
      hosts: ['secure.example.com'],
      tls: { mode: 'SIMPLE', credentialName: 'secure-tls' },
    });
    expect(out['VirtualService/secure']?.spec.http).toEqual([
      {
        match: [{ uri: { prefix: '/' }, port: 80 }],
        redirect: { scheme: 'https', redirectCode: 308 },
      },
      { match: [{ uri: { prefix: '/' } }], route: [to('web', 80)] },
    ]);
    // nginx drops the trailing slash of the location: a loss, and the one difference it explains;
    // Istio's gateway reads the Secret in istio-system: a loss that says where to copy it.
    expect(conversion.losses.map((l) => l.path)).toEqual(['spec.tls[0].secretName', 'spec.tls']);
    expect(conversion.losses[0]?.message).toBe(
      "copy Secret default/secure-tls to istio-system: Istio's gateway reads credentialName in its own namespace",
    );
    expect(verify(source, conversion).differences.length).toBeGreaterThan(0);
    expect(unexplained(source, conversion)).toEqual([]);
  });

  test('defaultBackend: a VirtualService for every host with a catch-all rule', () => {
    const source = load(SERVICES, FALLBACK);
    const conversion = convert(source, 'istio');
    expect(manifests(conversion)['VirtualService/fallback']?.spec).toEqual({
      hosts: ['*'],
      gateways: ['nginx'],
      http: [{ route: [to('web', 80)] }],
    });
    expect(verify(source, conversion).differences).toEqual([]);
  });
});

describe('Ingress → Istio: ingress-nginx annotations', () => {
  test('canary weight and header: shares on the main rule, a header rule ahead of it', () => {
    const source = load(
      SERVICES,
      ingress('main', ''),
      ingress(
        'beta',
        '"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "20", "nginx.ingress.kubernetes.io/canary-by-header": "X-Beta"',
      ),
    );
    const conversion = convert(source, 'istio');
    const shop = [{ uri: { exact: '/shop' } }, { uri: { prefix: '/shop/' } }];
    // ingress-nginx: "never" keeps the request on the main backend whatever the weight.
    expect(manifests(conversion)['VirtualService/main']?.spec.http).toEqual([
      {
        match: shop.map((m) => ({ ...m, headers: { 'x-beta': { exact: 'never' } } })),
        route: [to('web', 80)],
      },
      {
        match: shop.map((m) => ({ ...m, headers: { 'x-beta': { exact: 'always' } } })),
        route: [to('canary', 80)],
      },
      { match: shop, route: [to('web', 80, 80), to('canary', 80, 20)] },
    ]);
    expect(conversion.losses).toEqual([]);
    // The probes carry the canary's header too: those requests reach the canary under both.
    const result = verify(source, conversion);
    expect(result.total).toBeGreaterThan(6);
    expect(result.differences).toEqual([]);
  });

  test('rewrite-target without groups: the whole path replaced; the path a case-insensitive regex', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/rewrite-target": "/"',
        '/shop',
        'ImplementationSpecific',
      ),
    );
    const conversion = convert(source, 'istio');
    expect(manifests(conversion)['VirtualService/main']?.spec.http).toEqual([
      {
        match: [{ uri: { regex: '(?i)/shop.*' } }],
        rewrite: { uriRegexRewrite: { match: '/.*', rewrite: '/' } },
        route: [to('web', 80)],
      },
    ]);
    expect(conversion.losses).toEqual([]);
    // Upper case too: nginx's regex location ignores case, and so does the converted one.
    expect(
      verify(source, conversion, [{ url: 'http://shop.example.com/SHOP/x' }]).differences,
    ).toEqual([]);
  });

  test('a temporal redirect keeps its code (Istio allows any); other annotations are losses', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/temporal-redirect": "https://new.example.com/home", "nginx.ingress.kubernetes.io/temporal-redirect-code": "307", "nginx.ingress.kubernetes.io/enable-cors": "true"',
      ),
    );
    const conversion = convert(source, 'istio');
    expect(manifests(conversion)['VirtualService/main']?.spec.http?.[0]?.redirect).toEqual({
      scheme: 'https',
      authority: 'new.example.com',
      uri: '/home',
      redirectCode: 307,
    });
    expect(conversion.losses.map((l) => l.path)).toEqual([
      'metadata.annotations["nginx.ingress.kubernetes.io/enable-cors"]',
    ]);
  });
});
