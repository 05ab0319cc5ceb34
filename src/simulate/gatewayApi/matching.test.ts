import { describe, expect, it } from 'vitest';
import {
  answeredBy,
  backend,
  HTTP_LISTENER,
  httpRoute,
  k8sGateway,
} from '../../testing/gatewayApiSimulations.ts';
import { sim } from '../../testing/simulations.ts';

const GATEWAY = k8sGateway([HTTP_LISTENER]);
const SERVICES = ['a', 'b', 'c', 'd', 'e'].map((n) => backend(n));
const to = (name: string) => `backendRefs: [{ name: ${name}, port: 8080 }]`;
const winner = (
  routes: readonly string[],
  url: string,
  headers: Record<string, string> = {},
  method?: string,
) =>
  answeredBy(
    sim([GATEWAY, ...routes, ...SERVICES], { url, headers, ...(method ? { method } : {}) }),
  );

describe('path matches', () => {
  const routes = [
    httpRoute(
      'paths',
      `rules:
  - matches: [{ path: { type: PathPrefix, value: /v2 } }]
    ${to('b')}
  - matches: [{ path: { type: PathPrefix, value: /docs/ } }]
    ${to('c')}
  - matches: [{ path: { type: Exact, value: /exact } }]
    ${to('d')}
  - matches: [{ path: { type: RegularExpression, value: "/items/[0-9]+" } }]
    ${to('e')}
  - ${to('a')}`,
    ),
  ];
  it('a PathPrefix matches whole segments: /v2, /v2/, /v2/x, never /v2x', () => {
    for (const path of ['/v2', '/v2/', '/v2/example'])
      expect(winner(routes, `http://h${path}`)).toBe('HTTPRoute/web/paths rules[0]');
    expect(winner(routes, 'http://h/v2example')).toBe('HTTPRoute/web/paths rules[4]');
    expect(winner(routes, 'http://h/foo/v2/example')).toBe('HTTPRoute/web/paths rules[4]');
  });
  it('a trailing / of a PathPrefix is ignored', () => {
    expect(winner(routes, 'http://h/docs')).toBe('HTTPRoute/web/paths rules[1]');
    expect(winner(routes, 'http://h/docs/intro')).toBe('HTTPRoute/web/paths rules[1]');
    expect(winner(routes, 'http://h/docsx')).toBe('HTTPRoute/web/paths rules[4]');
  });
  it('Exact takes only the path itself; a query string does not count', () => {
    expect(winner(routes, 'http://h/exact?x=1')).toBe('HTTPRoute/web/paths rules[2]');
    expect(winner(routes, 'http://h/exact/')).toBe('HTTPRoute/web/paths rules[4]');
  });
  it('a RegularExpression matches the whole path (RE2)', () => {
    expect(winner(routes, 'http://h/items/42')).toBe('HTTPRoute/web/paths rules[3]');
    expect(winner(routes, 'http://h/items/42/x')).toBe('HTTPRoute/web/paths rules[4]');
  });
  it('a rule without matches takes every path, and says why the others did not match', () => {
    const s = sim([GATEWAY, ...routes, ...SERVICES], 'http://h/other');
    const tried = s.steps.filter((step) => step.kind === 'rule');
    expect(tried.at(-1)).toMatchObject({
      matched: true,
      resource: 'HTTPRoute/web/paths',
      path: ['spec', 'rules', 4],
    });
    expect(tried[0]).toMatchObject({ matched: false, path: ['spec', 'rules', 2, 'matches', 0] });
    expect(tried[0]?.detail).toMatch(/path "\/other" is not Exact "\/exact"/);
  });
});

describe('headers, query parameters and method', () => {
  const routes = [
    httpRoute(
      'conditions',
      `rules:
  - matches: [{ headers: [{ name: Version, value: two }] }]
    ${to('b')}
  - matches: [{ headers: [{ name: env, type: RegularExpression, value: "canary|beta" }] }]
    ${to('c')}
  - matches: [{ queryParams: [{ name: animal, value: whale }] }]
    ${to('d')}
  - matches: [{ method: POST }]
    ${to('e')}
  - ${to('a')}`,
    ),
  ];
  it('header names are case-insensitive, values exact', () => {
    expect(winner(routes, 'http://h/', { version: 'two' })).toBe(
      'HTTPRoute/web/conditions rules[0]',
    );
    expect(winner(routes, 'http://h/', { VERSION: 'two' })).toBe(
      'HTTPRoute/web/conditions rules[0]',
    );
    expect(winner(routes, 'http://h/', { version: 'Two' })).toBe(
      'HTTPRoute/web/conditions rules[4]',
    );
  });
  it('a RegularExpression header matches the whole value', () => {
    expect(winner(routes, 'http://h/', { env: 'beta' })).toBe('HTTPRoute/web/conditions rules[1]');
    expect(winner(routes, 'http://h/', { env: 'betamax' })).toBe(
      'HTTPRoute/web/conditions rules[4]',
    );
  });
  it('a query parameter matches by exact name and value', () => {
    expect(winner(routes, 'http://h/?animal=whale')).toBe('HTTPRoute/web/conditions rules[2]');
    expect(winner(routes, 'http://h/?Animal=whale')).toBe('HTTPRoute/web/conditions rules[4]');
    expect(winner(routes, 'http://h/?animal=dolphin')).toBe('HTTPRoute/web/conditions rules[4]');
  });
  it('a method matches as written', () => {
    expect(winner(routes, 'http://h/', {}, 'POST')).toBe('HTTPRoute/web/conditions rules[3]');
    expect(winner(routes, 'http://h/', {}, 'GET')).toBe('HTTPRoute/web/conditions rules[4]');
  });
  it('the matches of one rule are ORed, the conditions of one match ANDed', () => {
    const both = [
      httpRoute(
        'and-or',
        `rules:
  - matches:
      - { path: { type: PathPrefix, value: /x }, headers: [{ name: a, value: "1" }] }
      - { path: { type: PathPrefix, value: /y } }
    ${to('b')}
  - ${to('a')}`,
      ),
    ];
    expect(winner(both, 'http://h/x', { a: '1' })).toBe('HTTPRoute/web/and-or rules[0]');
    expect(winner(both, 'http://h/x')).toBe('HTTPRoute/web/and-or rules[1]');
    expect(winner(both, 'http://h/y')).toBe('HTTPRoute/web/and-or rules[0]');
  });
});

// HTTPRouteRule.matches: precedence across all rules of every route on the listener
// (conformance httproute-path-match-order, httproute-matching-across-routes).
describe('precedence across routes', () => {
  it('Exact beats any prefix; the longest prefix beats shorter ones, whatever the rule order', () => {
    const routes = [
      httpRoute(
        'first',
        `rules:\n  - matches: [{ path: { type: PathPrefix, value: /match } }]\n    ${to('a')}`,
        { created: '2024-01-01T00:00:00Z' },
      ),
      httpRoute(
        'second',
        `rules:\n  - matches: [{ path: { type: PathPrefix, value: /match/exact } }]\n    ${to('b')}\n  - matches: [{ path: { type: Exact, value: /match/exact/one } }]\n    ${to('c')}`,
        { created: '2024-02-01T00:00:00Z' },
      ),
    ];
    expect(winner(routes, 'http://h/match/exact/one')).toBe('HTTPRoute/web/second rules[1]');
    expect(winner(routes, 'http://h/match/exact/two')).toBe('HTTPRoute/web/second rules[0]');
    expect(winner(routes, 'http://h/match/other')).toBe('HTTPRoute/web/first rules[0]');
  });
  it('on the same path a method beats none, then more headers, then more query params', () => {
    const routes = [
      httpRoute(
        'r',
        `rules:
  - matches: [{ path: { type: PathPrefix, value: /p } }]
    ${to('a')}
  - matches: [{ path: { type: PathPrefix, value: /p }, queryParams: [{ name: q, value: "1" }] }]
    ${to('b')}
  - matches: [{ path: { type: PathPrefix, value: /p }, headers: [{ name: h, value: "1" }] }]
    ${to('c')}
  - matches: [{ path: { type: PathPrefix, value: /p }, method: GET }]
    ${to('d')}`,
      ),
    ];
    expect(winner(routes, 'http://h/p?q=1', { h: '1' })).toBe('HTTPRoute/web/r rules[3]');
    expect(winner(routes, 'http://h/p?q=1', { h: '1' }, 'PUT')).toBe('HTTPRoute/web/r rules[2]');
    expect(winner(routes, 'http://h/p?q=1', {}, 'PUT')).toBe('HTTPRoute/web/r rules[1]');
    expect(winner(routes, 'http://h/p', {}, 'PUT')).toBe('HTTPRoute/web/r rules[0]');
  });
  it('a tie goes to the oldest route, then to namespace/name, then to rule order', () => {
    const same = (name: string, created: string | undefined, service: string) =>
      httpRoute(
        name,
        `rules:\n  - matches: [{ path: { type: PathPrefix, value: /same } }]\n    ${to(service)}`,
        created ? { created } : {},
      );
    expect(
      winner(
        [same('zeta', '2020-01-01T00:00:00Z', 'a'), same('alpha', '2021-01-01T00:00:00Z', 'b')],
        'http://h/same',
      ),
    ).toBe('HTTPRoute/web/zeta rules[0]');
    expect(
      winner(
        [same('zeta', '2021-01-01T00:00:00Z', 'a'), same('alpha', '2021-01-01T00:00:00Z', 'b')],
        'http://h/same',
      ),
    ).toBe('HTTPRoute/web/alpha rules[0]');
    const twice = httpRoute(
      'r',
      `rules:\n  - matches: [{ path: { type: PathPrefix, value: /same } }]\n    ${to('a')}\n  - matches: [{ path: { type: PathPrefix, value: /same } }]\n    ${to('b')}`,
    );
    expect(winner([twice], 'http://h/same')).toBe('HTTPRoute/web/r rules[0]');
  });
  it('Istio ranks a RegularExpression path below every prefix but the catch-all', () => {
    const routes = [
      httpRoute(
        'regex',
        `rules:\n  - matches: [{ path: { type: RegularExpression, value: "/api/.*" } }]\n    ${to('b')}`,
      ),
      httpRoute(
        'prefix',
        `rules:\n  - matches: [{ path: { type: PathPrefix, value: /api } }]\n    ${to('c')}\n  - ${to('a')}`,
      ),
    ];
    expect(winner(routes, 'http://h/api/x')).toBe('HTTPRoute/web/prefix rules[0]');
    const onlyRegex = [routes[0] as string, httpRoute('all', `rules:\n  - ${to('a')}`)];
    expect(winner(onlyRegex, 'http://h/api/x')).toBe('HTTPRoute/web/regex rules[0]');
  });
});

// Hostnames: the route's ∩ the listener's, and each hostname its own virtual host
// (conformance httproute-hostname-intersection, httproute-matching-across-routes).
describe('hostnames', () => {
  it('a request must carry a hostname of the route; *.example.com covers deeper names, not example.com', () => {
    const routes = [httpRoute('r', `hostnames: ["*.example.com"]\nrules:\n  - ${to('a')}`)];
    expect(winner(routes, 'http://foo.example.com/')).toBe('HTTPRoute/web/r rules[0]');
    expect(winner(routes, 'http://foo.bar.example.com/')).toBe('HTTPRoute/web/r rules[0]');
    expect(winner(routes, 'http://example.com/')).toBe('noRoute');
  });
  it('the most specific hostname answers alone: its routes, never those of a wider one', () => {
    const routes = [
      httpRoute(
        'wide',
        `hostnames: ["*.example.com"]\nrules:\n  - matches: [{ path: { type: PathPrefix, value: /wide } }]\n    ${to('a')}`,
      ),
      httpRoute(
        'narrow',
        `hostnames: [shop.example.com]\nrules:\n  - matches: [{ path: { type: PathPrefix, value: /shop } }]\n    ${to('b')}`,
      ),
    ];
    expect(winner(routes, 'http://shop.example.com/shop')).toBe('HTTPRoute/web/narrow rules[0]');
    expect(winner(routes, 'http://shop.example.com/wide')).toBe('noRoute');
    expect(winner(routes, 'http://blog.example.com/wide')).toBe('HTTPRoute/web/wide rules[0]');
  });
  it('a listener hostname narrows a route without hostnames', () => {
    const ws = [
      k8sGateway(['{ name: http, port: 80, protocol: HTTP, hostname: "*.example.com" }']),
      httpRoute('r', `rules:\n  - ${to('a')}`),
      backend('a'),
    ];
    expect(answeredBy(sim(ws, 'http://x.example.com/'))).toBe('HTTPRoute/web/r rules[0]');
    expect(sim(ws, 'http://other.org/').outcome).toBe('noRoute');
  });
  it('a route from another namespace attaches only where allowedRoutes lets it', () => {
    const ws = (from: string) => [
      k8sGateway([
        `{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: ${from} } } }`,
      ]),
      httpRoute('r', `rules:\n  - ${to('a')}`, { namespace: 'team' }),
      backend('a', 'team'),
    ];
    expect(sim(ws('Same'), 'http://h/').outcome).toBe('noRoute');
    expect(answeredBy(sim(ws('All'), 'http://h/'))).toBe('HTTPRoute/team/r rules[0]');
  });
});

describe('GRPCRoute', () => {
  const ws = [
    k8sGateway([HTTP_LISTENER]),
    `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: g, namespace: web }
spec:
  parentRefs: [{ name: gw }]
  rules:
    - matches: [{ method: { service: shop.Cart, method: Add } }]
      backendRefs: [{ name: b, port: 8080 }]
    - matches: [{ method: { service: shop.Cart } }]
      backendRefs: [{ name: c, port: 8080 }]
    - backendRefs: [{ name: a, port: 8080 }]
`,
    ...SERVICES,
  ];
  it('matches /service/method exactly, then the whole service, then anything', () => {
    expect(answeredBy(sim(ws, { url: 'http://h/shop.Cart/Add', method: 'POST' }))).toBe(
      'GRPCRoute/web/g rules[0]',
    );
    expect(answeredBy(sim(ws, { url: 'http://h/shop.Cart/Remove', method: 'POST' }))).toBe(
      'GRPCRoute/web/g rules[1]',
    );
    expect(answeredBy(sim(ws, { url: 'http://h/shop.Other/Add', method: 'POST' }))).toBe(
      'GRPCRoute/web/g rules[2]',
    );
  });
});
