import { describe, expect, test } from 'vitest';
import { simulate } from '../simulate/simulate.ts';
import { convert } from './convert.ts';
import { ingress, load, manifests, SECURE, SERVICES } from './ingressTestDesigns.ts';
import { probeRequests } from './probes.ts';
import type { Conversion, TargetApi } from './types.ts';
import { verify } from './verify.ts';

/** What ingress-nginx does that a plain reading of the Ingress misses (issue 13's last gaps). */
const TARGETS: readonly TargetApi[] = ['istio', 'gateway-api'];
const canary = (annotations: string) =>
  ingress('beta', `"nginx.ingress.kubernetes.io/canary": "true", ${annotations}`);
const on = (path: string, headers?: Record<string, string>) => ({
  url: `http://shop.example.com${path}`,
  ...(headers ? { headers } : {}),
});
const differences = (source: ReturnType<typeof load>, c: Conversion, requests = [on('/shop')]) =>
  verify(source, c, requests).differences.map((d) => ({
    url: d.request.url,
    headers: d.request.headers,
    explainedBy: d.explainedBy?.path,
  }));

describe('canary-by-header as ingress-nginx decides', () => {
  const HEADER = '"nginx.ingress.kubernetes.io/canary-by-header": "X-Beta"';
  const CASES = [
    // "never" stays on the main backend whatever the weight; another value falls to the weight.
    [
      'by header alone',
      '"nginx.ingress.kubernetes.io/canary-weight": "50"',
      ['never', 'always', 'other'],
    ],
    // With a value: that value to the canary, any other (also "never", "always") to the weight.
    [
      'with a value',
      '"nginx.ingress.kubernetes.io/canary-by-header-value": "yes", "nginx.ingress.kubernetes.io/canary-weight": "30"',
      ['yes', 'never', 'always'],
    ],
    // A pattern matches anywhere in the value, as ngx.re.match.
    [
      'with a pattern',
      '"nginx.ingress.kubernetes.io/canary-by-header-pattern": "beta[0-9]"',
      ['my-beta1-build', 'beta', 'never'],
    ],
  ] as const;
  const cases = TARGETS.flatMap((to) =>
    CASES.map(([what, more, values]) => ({ to, what, more, values })),
  );

  test.each(cases)(
    '→ $to, $what: each header value goes where ingress-nginx sends it',
    ({ to, more, values }) => {
      const source = load(SERVICES, ingress('main', ''), canary(`${HEADER}, ${more}`));
      const conversion = convert(source, to);
      const sent = values.map((v) => on('/shop/a', { 'X-Beta': v }));
      expect(differences(source, conversion, sent)).toEqual([]);
      // "never" is a rule of its own only where ingress-nginx reads it.
      const text = conversion.files.map((f) => f.text).join('');
      expect(text.includes('never')).toBe(values[0] === 'never');
    },
  );
});

describe('a wildcard host covers one label under ingress-nginx', () => {
  const WILDCARD = ingress('main', '').replace('host: shop.example.com', 'host: "*.example.com"');

  test.each(TARGETS)(
    '→ %s: a loss on the host; verify explains a deeper name by it, and only that',
    (to) => {
      const source = load(SERVICES, WILDCARD);
      const conversion = convert(source, to);
      expect(conversion.losses).toEqual([
        expect.objectContaining({
          resource: 'Ingress/default/main',
          path: 'spec.rules[0].host',
          message: expect.stringContaining('deeper names too'),
        }),
      ]);
      const deep = { url: 'http://b.a.example.com/shop' };
      const one = { url: 'http://a.example.com/shop' };
      expect(differences(source, conversion, [deep, one])).toEqual([
        { url: deep.url, headers: undefined, explainedBy: 'spec.rules[0].host' },
      ]);
    },
  );

  test('the loss does not explain another difference of a one-label name', () => {
    const source = load(SERVICES, WILDCARD);
    const conversion = convert(source, 'gateway-api');
    // Break the conversion: the route now sends /shop elsewhere, which no loss says.
    const broken: Conversion = {
      ...conversion,
      files: conversion.files.map((f) => ({
        ...f,
        text: f.text.replace('name: web', 'name: api'),
      })),
    };
    const [found] = verify(source, broken, [{ url: 'http://a.example.com/shop' }]).differences;
    expect(found?.explainedBy).toBeUndefined();
  });
});

describe('Prefix p/ (ending in /) does not take p under ingress-nginx → Gateway API', () => {
  const sent = ['/shop', '/shop/', '/shop/a', '/SHOP/a', '/shopx'].map((p) => on(p));

  test('alone: a RegularExpression that is the nginx prefix location itself, no loss', () => {
    const source = load(SERVICES, ingress('main', '', '/shop/'));
    const conversion = convert(source, 'gateway-api');
    expect(manifests(conversion)['HTTPRoute/main']?.spec.rules?.[0]?.matches).toEqual([
      { path: { type: 'RegularExpression', value: '/shop/.*' } },
    ]);
    expect(conversion.losses).toEqual([]);
    expect(differences(source, conversion, sent)).toEqual([]);
  });

  test('with a path that takes p (Prefix /): an Exact p match on that path rule, its canary included', () => {
    const other = ingress('other', '', '/', 'Prefix').replace('name: canary', 'name: api');
    const beta = ingress(
      'beta',
      '"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-by-header": "X-Beta", "nginx.ingress.kubernetes.io/canary-weight": "10"',
      '/',
      'Prefix',
    );
    const source = load(SERVICES, ingress('main', '', '/shop/'), other, beta);
    const conversion = convert(source, 'gateway-api');
    expect(manifests(conversion)['HTTPRoute/other']?.spec.rules?.[0]?.matches).toEqual([
      { path: { type: 'PathPrefix', value: '/' } },
      { path: { type: 'Exact', value: '/shop' } },
    ]);
    const withHeader = ['always', 'never'].map((v) => on('/shop', { 'X-Beta': v }));
    expect(differences(source, conversion, [...sent, ...withHeader])).toEqual([]);
  });

  test('with a defaultBackend: an Exact p rule to it', () => {
    const main = ingress('main', '', '/shop/').replace(
      'ingressClassName: nginx',
      'ingressClassName: nginx\n        defaultBackend: {service: {name: api, port: {number: 8080}}}',
    );
    const source = load(SERVICES, main);
    const conversion = convert(source, 'gateway-api');
    expect(manifests(conversion)['HTTPRoute/main']?.spec.rules?.[0]).toEqual({
      matches: [{ path: { type: 'Exact', value: '/shop' } }],
      backendRefs: [{ name: 'api', port: 8080 }],
    });
    expect(differences(source, conversion, sent)).toEqual([]);
  });
});

describe('rewrite-target with a canary (the shop of e2e/data/shop-ingress.yaml)', () => {
  const REWRITE = '"nginx.ingress.kubernetes.io/rewrite-target": "/"';
  const source = load(
    SERVICES,
    ingress('main', REWRITE, '/shop'),
    canary(
      `${REWRITE}, "nginx.ingress.kubernetes.io/canary-by-header": "x-canary", "nginx.ingress.kubernetes.io/canary-weight": "20"`,
    ),
  );
  const sent = ['always', 'never', 'other'].map((v) => on('/shop/a', { 'x-canary': v }));

  test('→ gateway-api: the header rules keep the main rule URLRewrite (nginx rewrites canary traffic too)', () => {
    const conversion = convert(source, 'gateway-api');
    const rules = manifests(conversion)['HTTPRoute/main']?.spec.rules ?? [];
    expect(rules).toHaveLength(3);
    for (const rule of rules)
      expect(rule.filters).toEqual([
        {
          type: 'URLRewrite',
          urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/' } },
        },
      ]);
    expect(differences(source, conversion, sent)).toEqual([]);
  });

  test('verify: a case-insensitive regex path no converted rule takes is explained by that path loss', () => {
    const conversion = convert(source, 'gateway-api');
    expect(differences(source, conversion, [on('/SHOP/a')])).toEqual([
      {
        url: on('/SHOP/a').url,
        headers: undefined,
        explainedBy: 'spec.rules[0].http.paths[0].path',
      },
    ]);
  });

  test('verify: a match loss does not explain another upstream path when the same rule answered', () => {
    const conversion = convert(source, 'gateway-api');
    // Without the rewrite the upstream path differs; the regex-path loss is about matching only.
    const broken: Conversion = {
      ...conversion,
      files: conversion.files.map((f) => ({
        ...f,
        text: f.text.replace(/replaceFullPath: \//g, 'replaceFullPath: /other'),
      })),
    };
    const found = verify(source, broken, [on('/shop/a', { 'x-canary': 'always' })]).differences;
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((d) => d.explainedBy)).toEqual([]);
  });
});

describe('use-regex on one Ingress makes every path of its host a regex (nginx has one server per host)', () => {
  test.each(TARGETS)('→ %s: the other Ingress of the host reads its paths as regexes too', (to) => {
    const other = ingress('other', '', '/Cart').replace('name: canary', 'name: api');
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/use-regex": "true"',
        '"/v[0-9]+/shop"',
        'ImplementationSpecific',
      ),
      other,
    );
    const conversion = convert(source, to);
    // nginx: `~* ^/Cart`, so /cartx and /CART/a are taken; only case is lost to the Gateway API.
    const found = verify(source, conversion, [on('/Cartx'), on('/v2/shop')]).differences;
    expect(found.map((d) => d.request.url)).toEqual([]);
  });
});

describe('verify: what an Ingress-wide loss explains', () => {
  test.each(TARGETS)(
    '→ %s: the HTTPS redirect loss (spec.tls) explains a redirect, not another backend',
    (to) => {
      const source = load(SERVICES, SECURE);
      const conversion = convert(source, to);
      expect(conversion.losses.map((l) => l.path)).toContain('spec.tls');
      // Break the conversion: the route sends to another Service, which no loss says.
      const broken: Conversion = {
        ...conversion,
        files: conversion.files.map((f) => ({
          ...f,
          text: f.text.replace(/name: web|host: web\.default/g, (m) => m.replace('web', 'api')),
        })),
      };
      const found = verify(source, broken, [{ url: 'https://secure.example.com/' }]).differences;
      expect(found.map((d) => [d.request.url, d.explainedBy?.path])).toContainEqual([
        'https://secure.example.com/',
        undefined,
      ]);
    },
  );
});

describe('probes of ingress-nginx paths and canaries', () => {
  test('a regex path is probed at a concrete path it takes, and just outside it', () => {
    const source = load(
      SERVICES,
      ingress(
        'main',
        '"nginx.ingress.kubernetes.io/use-regex": "true", "nginx.ingress.kubernetes.io/rewrite-target": "/$2"',
        '"/shop(/|$)(.*)"',
        'ImplementationSpecific',
      ),
    );
    const answers = probeRequests(source).map((r) => {
      const sim = simulate(source, r);
      return `${r.url} ${sim.ok ? sim.value.outcome : 'error'}`;
    });
    expect(answers).toEqual(
      expect.arrayContaining([
        'http://shop.example.com:80/shop route',
        'http://shop.example.com:80/shop/more route',
        'http://shop.example.com:80/shopx noRoute',
      ]),
    );
  });

  test('a canary by header is probed with "always", "never" and another value', () => {
    const source = load(
      SERVICES,
      ingress('main', ''),
      canary('"nginx.ingress.kubernetes.io/canary-by-header": "X-Beta"'),
    );
    const sent = probeRequests(source)
      .filter((r) => r.url === 'http://shop.example.com:80/shop')
      .map((r) => r.headers?.['X-Beta']);
    expect(sent).toEqual(expect.arrayContaining(['always', 'never', 'x', undefined]));
  });
});
