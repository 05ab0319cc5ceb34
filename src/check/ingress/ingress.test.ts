import { describe, expect, test } from 'vitest';
import { run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { findings, lint } from '../lint.ts';
import { checkIngressBackends } from './backends.ts';
import { checkIngressClasses } from './classes.ts';
import { checkIngressDuplicates } from './duplicates.ts';
import { checkIngressHosts } from './hosts.ts';
import { CART, ingress, path, SHOP_TLS } from './ingressYaml.fixtures.ts';
import { checkIngressIstioIgnores } from './istioIgnores.ts';
import { checkIngressPaths } from './paths.ts';
import { checkIngressRegexPaths } from './regexPaths.ts';
import { checkIngressTls } from './tls.ts';

const WEB = 'Ingress/shop/web';

describe('Ingress backends: the Service and its port', () => {
  const backends = (...texts: string[]) =>
    run(checkIngressBackends, workspaceOf(...texts)).map(seen);

  test('a Service of the workspace with that port, by number or by name, is fine', () => {
    expect(
      backends(CART, ingress([path('/cart'), path('/api', 'Prefix', '{name: http}')])),
    ).toEqual([]);
  });

  test('a Service that is not there is named where it is written, and is "not in this workspace" without Services', () => {
    const text = ingress([path('/cart').replace('name: cart', 'name: carts')]);
    expect(backends(CART, text)).toEqual([
      {
        code: 'ingress-service-not-found',
        severity: 'error',
        resource: WEB,
        path: 'spec.rules[0].http.paths[0].backend.service.name',
      },
    ]);
    const [finding] = run(checkIngressBackends, workspaceOf(CART, text));
    expect(finding?.message).toContain('Service shop/carts');
    expect(finding?.missing).toBe('Service');
    // With no Service at all, lint lowers it to information unless --complete.
    const alone = workspaceOf(text);
    expect(findings(alone).find((f) => f.code === 'ingress-service-not-found')?.severity).toBe(
      'info',
    );
    expect(
      findings(alone, { complete: true }).find((f) => f.code === 'ingress-service-not-found')
        ?.severity,
    ).toBe('error');
  });

  test('a port number the Service lacks says which ports it has', () => {
    const [finding] = run(
      checkIngressBackends,
      workspaceOf(CART, ingress([path('/cart', 'Prefix', '{number: 8081}')])),
    );
    expect(finding && seen(finding)).toEqual({
      code: 'ingress-service-port-not-found',
      severity: 'error',
      resource: WEB,
      path: 'spec.rules[0].http.paths[0].backend.service.port.number',
    });
    expect(finding?.message).toContain('has no port 8081 (it has 8080 (http))');
  });

  test('a port name the Service lacks', () => {
    const found = backends(CART, ingress([path('/cart', 'Prefix', '{name: grpc}')]));
    expect(found.map((f) => f.path)).toEqual([
      'spec.rules[0].http.paths[0].backend.service.port.name',
    ]);
  });

  test('the default backend is checked too', () => {
    const text = ingress(
      [path('/cart')],
      ['  defaultBackend: {service: {name: fallback, port: {number: 80}}}'],
    );
    expect(backends(CART, text).map((f) => [f.code, f.path])).toEqual([
      ['ingress-service-not-found', 'spec.defaultBackend.service.name'],
    ]);
  });
});

describe('Ingress paths: pathType and absolute paths', () => {
  const paths = (text: string) => run(checkIngressPaths, workspaceOf(text)).map(seen);

  test('valid paths of the three types say nothing', () => {
    expect(
      paths(ingress([path('/a'), path('/b', 'Exact'), path('/c', 'ImplementationSpecific')])),
    ).toEqual([]);
  });

  test('a missing pathType (networking.k8s.io/v1 requires it)', () => {
    const text = ingress([
      '      - {path: /a, backend: {service: {name: cart, port: {number: 8080}}}}',
    ]);
    expect(paths(text)).toEqual([
      {
        code: 'ingress-path-type-missing',
        severity: 'error',
        resource: WEB,
        path: 'spec.rules[0].http.paths[0]',
      },
    ]);
    // v1beta1 defaulted it: nothing to say there.
    expect(paths(text.replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1'))).toEqual([]);
  });

  test('a pathType that is none of the three', () => {
    const [finding] = run(checkIngressPaths, workspaceOf(ingress([path('/a', 'PathPrefix')])));
    expect(finding && seen(finding)).toMatchObject({
      code: 'ingress-path-type-invalid',
      path: 'spec.rules[0].http.paths[0].pathType',
    });
    expect(finding?.message).toContain(
      '"PathPrefix" is not one of Exact, Prefix, ImplementationSpecific',
    );
  });

  test('an Exact or Prefix path with // or /../ inside, or ending /., as the API server refuses it', () => {
    const found = run(
      checkIngressPaths,
      workspaceOf(
        ingress([
          path('/a//b'),
          path('/a/../b', 'Exact'),
          path('/a/.'),
          path('/a//b', 'ImplementationSpecific'),
        ]),
      ),
    );
    expect(found.map((f) => [f.code, seen(f).path])).toEqual([
      ['ingress-path-invalid', 'spec.rules[0].http.paths[0].path'],
      ['ingress-path-invalid', 'spec.rules[0].http.paths[1].path'],
      ['ingress-path-invalid', 'spec.rules[0].http.paths[2].path'],
    ]);
    expect(found[2]?.message).toContain('cannot end with "/."');
    expect(found[0]?.message).toContain('must not contain "//"');
  });

  test('a path without its leading slash, with the fix in the message', () => {
    const [finding] = run(checkIngressPaths, workspaceOf(ingress([path('cart', 'Exact')])));
    expect(finding && seen(finding)).toMatchObject({
      code: 'ingress-path-not-absolute',
      path: 'spec.rules[0].http.paths[0].path',
    });
    expect(finding?.message).toContain('write "/cart"');
  });
});

describe('Ingress paths ingress-nginx reads as regexes', () => {
  const regex = (text: string) => run(checkIngressRegexPaths, workspaceOf(text)).map(seen);
  const annotated = (paths: string[], annotation: string) =>
    ingress(paths, [], 'web').replace(
      'namespace: shop}',
      `namespace: shop, annotations: {${annotation}}}`,
    );

  test('with use-regex, a path that does not compile is an error at that path', () => {
    const text = annotated(
      [path('/api/(.*)', 'ImplementationSpecific'), path('/cart(', 'ImplementationSpecific')],
      'nginx.ingress.kubernetes.io/use-regex: "true"',
    );
    expect(regex(text)).toEqual([
      {
        code: 'ingress-path-regex-invalid',
        severity: 'error',
        resource: WEB,
        path: 'spec.rules[0].http.paths[1].path',
      },
    ]);
  });

  test('without use-regex or rewrite-target, paths are plain prefixes: nothing to compile', () => {
    expect(regex(ingress([path('/cart(', 'ImplementationSpecific')]))).toEqual([]);
  });

  test('a rewrite-target makes the paths regexes too', () => {
    const text = annotated(
      [path('/cart(', 'ImplementationSpecific')],
      'nginx.ingress.kubernetes.io/rewrite-target: /$1',
    );
    expect(regex(text).map((f) => f.code)).toEqual(['ingress-path-regex-invalid']);
  });
});

describe('Ingress paths written twice among the Ingresses of one class', () => {
  test('the same host, path and pathType in two Ingresses: the second is flagged, naming the first', () => {
    const ws = workspaceOf(ingress([path('/cart')]), ingress([path('/cart')], [], 'other'));
    const found = run(checkIngressDuplicates, ws);
    expect(found.map(seen)).toEqual([
      {
        code: 'ingress-path-duplicate',
        severity: 'warning',
        resource: 'Ingress/shop/other',
        path: 'spec.rules[0].http.paths[0].path',
      },
    ]);
    expect(found[0]?.message).toContain('also written in Ingress shop/web');
  });

  test("an ingress-nginx canary of the same path is no duplicate: it is that path's alternative backend", () => {
    const canary = ingress([path('/cart')], [], 'canary').replace(
      'namespace: shop}',
      'namespace: shop, annotations: {nginx.ingress.kubernetes.io/canary: "true"}}',
    );
    expect(run(checkIngressDuplicates, workspaceOf(ingress([path('/cart')]), canary))).toEqual([]);
  });

  test('another pathType, another host or another class is no duplicate', () => {
    const other = (text: string) =>
      run(checkIngressDuplicates, workspaceOf(ingress([path('/cart')]), text));
    expect(other(ingress([path('/cart', 'Exact')], [], 'b'))).toEqual([]);
    expect(other(ingress([path('/cart')], [], 'c', 'api.example.com'))).toEqual([]);
    expect(
      other(
        ingress([path('/cart')], [], 'd').replace(
          'ingressClassName: nginx',
          'ingressClassName: istio',
        ),
      ),
    ).toEqual([]);
  });
});

describe('Ingress TLS', () => {
  const TLS = ['  tls:', '  - hosts: [shop.example.com]', '    secretName: shop-tls'];
  const tls = (...texts: string[]) => run(checkIngressTls, workspaceOf(...texts)).map(seen);

  test('a Secret in the Ingress namespace and a host a rule serves say nothing', () => {
    expect(tls(SHOP_TLS, ingress([path('/cart')], TLS))).toEqual([]);
  });

  test('a Secret not in the workspace', () => {
    const other = SHOP_TLS.replace('name: shop-tls', 'name: other-tls');
    expect(tls(other, ingress([path('/cart')], TLS))).toEqual([
      {
        code: 'ingress-tls-secret-not-found',
        severity: 'error',
        resource: WEB,
        path: 'spec.tls[0].secretName',
      },
    ]);
    const [finding] = run(checkIngressTls, workspaceOf(ingress([path('/cart')], TLS)));
    expect(finding?.missing).toBe('Secret');
  });

  test('class istio reads the Secret in its ingress gateway namespace, istio-system', () => {
    const text = ingress([path('/cart')], TLS).replace(
      'ingressClassName: nginx',
      'ingressClassName: istio',
    );
    const [finding] = run(checkIngressTls, workspaceOf(SHOP_TLS, text));
    expect(finding?.code).toBe('ingress-tls-secret-not-found');
    expect(finding?.message).toContain('istio-system/shop-tls');
  });

  test('a TLS host no rule serves', () => {
    const text = ingress([path('/cart')], [...TLS, '  - hosts: [admin.example.com]']);
    const found = run(checkIngressTls, workspaceOf(SHOP_TLS, text));
    expect(found.map(seen)).toEqual([
      {
        code: 'ingress-tls-host-unserved',
        severity: 'warning',
        resource: WEB,
        path: 'spec.tls[1].hosts[0]',
      },
    ]);
    expect(found[0]?.message).toContain('add a rule with host admin.example.com');
  });
});

describe('what Istio ignores when it serves an Ingress', () => {
  const istio = (text: string) =>
    text.replace('ingressClassName: nginx', 'ingressClassName: istio');
  const ignored = (text: string) => run(checkIngressIstioIgnores, workspaceOf(text)).map(seen);
  const annotated = ingress(
    [path('/cart')],
    ['  defaultBackend: {service: {name: cart, port: {number: 8080}}}'],
  ).replace(
    'namespace: shop}',
    'namespace: shop, annotations: {nginx.ingress.kubernetes.io/rewrite-target: /, team: shop}}',
  );

  test('the default backend and each nginx annotation, where they are written', () => {
    expect(ignored(istio(annotated))).toEqual([
      {
        code: 'ingress-istio-default-backend-ignored',
        severity: 'warning',
        resource: WEB,
        path: 'spec.defaultBackend',
      },
      {
        code: 'ingress-istio-annotation-ignored',
        severity: 'warning',
        resource: WEB,
        path: 'metadata.annotations.nginx.ingress.kubernetes.io/rewrite-target',
      },
    ]);
  });

  test('ingress-nginx reads them: nothing to say', () => {
    expect(ignored(annotated)).toEqual([]);
  });
});

describe('Ingress rule hosts', () => {
  const hosts = (host: string) =>
    run(checkIngressHosts, workspaceOf(ingress([path('/')], [], 'web', host))).map((f) => [
      seen(f).path,
      f.message,
    ]);

  test('a DNS name or a leading *. is fine', () => {
    expect(hosts('shop.example.com')).toEqual([]);
    expect(hosts('"*.example.com"')).toEqual([]);
  });

  test('an IP address, a wildcard inside, upper case: each refused, at the host', () => {
    for (const [host, says] of [
      ['10.0.0.1', 'is an IP address'],
      ['"shop.*.com"', 'leading "*."'],
      ['Shop.example.com', 'must be lower case'],
    ] as const) {
      const found = hosts(host);
      expect(found.map(([at]) => at)).toEqual(['spec.rules[0].host']);
      expect(found[0]?.[1]).toContain(says);
    }
  });
});

describe('Ingress classes', () => {
  const classes = (...texts: string[]) => run(checkIngressClasses, workspaceOf(...texts)).map(seen);
  const web = ingress([path('/cart')]);

  test('nginx and istio are known without an IngressClass; a class of the workspace is too', () => {
    expect(classes(web)).toEqual([]);
    const traefik = web.replace('ingressClassName: nginx', 'ingressClassName: traefik');
    const klass = [
      'apiVersion: networking.k8s.io/v1',
      'kind: IngressClass',
      'metadata: {name: traefik}',
      'spec: {controller: traefik.io/ingress-controller}',
      '',
    ].join('\n');
    expect(classes(klass, traefik)).toEqual([]);
  });

  test('a class nobody defines, written in the spec or in the annotation', () => {
    const typo = web.replace('ingressClassName: nginx', 'ingressClassName: ngnix');
    expect(classes(typo)).toEqual([
      {
        code: 'ingress-class-not-found',
        severity: 'warning',
        resource: WEB,
        path: 'spec.ingressClassName',
      },
    ]);
    const annotated = web
      .replace('  ingressClassName: nginx\n', '')
      .replace(
        'namespace: shop}',
        'namespace: shop, annotations: {kubernetes.io/ingress.class: ngnix}}',
      );
    expect(classes(annotated).map((f) => f.path)).toEqual([
      'metadata.annotations.kubernetes.io/ingress.class',
    ]);
  });
});

test('lint places an Ingress finding on its line', () => {
  const text = ingress([path('/cart', 'Prefix', '{number: 8081}')]);
  const [diagnostic] = lint(workspaceOf(CART, text)).filter((d) => d.code.startsWith('ingress-'));
  expect(diagnostic).toMatchObject({ code: 'ingress-service-port-not-found', file: 'f1.yaml' });
  expect(text.split('\n')[(diagnostic?.line ?? 0) - 1]).toContain('8081');
});
