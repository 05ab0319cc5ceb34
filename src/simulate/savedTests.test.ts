import { describe, expect, test } from 'vitest';
import { docs, httpGateway, workspaceOf, yaml } from '../testing/simulations.ts';
import { runSavedTests } from './runSavedTests.ts';
import { parseSavedTests, type SavedTest, stringifySavedTests } from './savedTests.ts';

const SHOP = docs(
  httpGateway(),
  yaml`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: shop, namespace: web }
    spec:
      hosts: [shop.example.com]
      gateways: [istio-system/gw]
      http:
        - name: api-beta
          match: [{ uri: { prefix: /api }, headers: { x-beta: { exact: "1" } } }]
          route: [{ destination: { host: reviews, subset: v2 } }]
        - name: api
          match: [{ uri: { prefix: /api } }]
          route: [{ destination: { host: reviews, subset: v1 } }]
        - name: old
          match: [{ uri: { prefix: /old } }]
          redirect: { uri: /new }
        - name: never
          match: [{ uri: { prefix: /never } }]
          route: [{ destination: { host: never } }]
  `,
);

const FILE = yaml`
  tests:
    - name: beta users get v2
      request: { url: http://shop.example.com/api/x, method: GET, headers: { x-beta: "1" } }
      expect: { outcome: route, rule: api-beta, destinations: [{ host: reviews.web.svc.cluster.local, subset: v2 }] }
    - name: others get v1
      request: { url: http://shop.example.com/api/x }
      expect: { rule: 1, destinations: [{ host: reviews, subset: v2 }], path: /api/x }
    - name: old pages move
      request: { url: http://shop.example.com/old }
      expect: { outcome: redirect, status: 301, redirect: http://shop.example.com/new }
`;

describe('parseSavedTests', () => {
  test('reads names, requests and expectations', () => {
    const { tests, problems } = parseSavedTests(FILE);
    expect(problems).toEqual([]);
    expect(tests[0]).toEqual({
      name: 'beta users get v2',
      request: { url: 'http://shop.example.com/api/x', method: 'GET', headers: { 'x-beta': '1' } },
      expect: {
        outcome: 'route',
        rule: 'api-beta',
        destinations: [{ host: 'reviews.web.svc.cluster.local', subset: 'v2' }],
      },
    });
    expect(tests[1]?.expect.rule).toBe(1);
  });

  test('a YAML syntax error is a problem with its line and column, and no tests', () => {
    const { tests, problems } = parseSavedTests('tests:\n  - name: a\n    request: { url: x\n');
    expect(tests).toEqual([]);
    expect(problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  test('wrong fields are problems at the node they concern; a test without url is left out', () => {
    const text = yaml`
      tests:
        - name: no url
          request: { method: GET }
        - name: bad outcome
          request: { url: http://a.test/ }
          expect: { outcome: maybe, colour: red }
    `;
    const { tests, problems } = parseSavedTests(text);
    expect(tests.map((t) => t.name)).toEqual(['bad outcome']);
    expect(problems).toEqual([
      { message: 'no url: request.url is required', line: 3, column: 14 },
      { message: expect.stringContaining('unknown field colour'), line: 6, column: 31 },
      {
        message: expect.stringContaining('bad outcome: outcome must be one of'),
        line: 6,
        column: 24,
      },
    ]);
  });

  test('an empty file has no tests and no problems', () => {
    expect(parseSavedTests('')).toEqual({ tests: [], problems: [] });
  });

  test('stringifySavedTests writes a file that reads back to the same tests', () => {
    const { tests } = parseSavedTests(FILE);
    expect(parseSavedTests(stringifySavedTests(tests))).toEqual({ tests, problems: [] });
  });
});

describe('runSavedTests', () => {
  const run = (tests: readonly SavedTest[]) => runSavedTests(workspaceOf(SHOP), tests);

  test('a test passes when every expected field agrees; mismatches are human sentences', () => {
    const { results } = run(parseSavedTests(FILE).tests);
    expect(results.map((r) => [r.test.name, r.pass])).toEqual([
      ['beta users get v2', true],
      ['others get v1', false],
      ['old pages move', true],
    ]);
    expect(results[1]?.mismatches).toEqual(['expected subset v2, got v1']);
  });

  test('mismatches name the outcome, status, VirtualService, rule, redirect and path that differ', () => {
    const { results } = run([
      {
        name: 'all wrong',
        request: { url: 'http://shop.example.com/nothing' },
        expect: {
          outcome: 'route',
          status: null,
          virtualService: 'web/other',
          rule: 'api',
          redirect: 'http://x/',
          path: '/p',
        },
      },
    ]);
    expect(results[0]?.mismatches).toEqual([
      'expected outcome route, got noRoute',
      'expected status null, got 404',
      'expected VirtualService web/other, got none',
      'expected rule api, got no rule',
      'expected redirect to http://x/, got no redirect',
      'expected backend path /p, got /nothing',
    ]);
  });

  test('destinations are compared as sets', () => {
    const { results } = run([
      {
        name: 'set',
        request: { url: 'http://shop.example.com/api' },
        expect: { destinations: [{ host: 'reviews', subset: 'v1' }, { host: 'ratings' }] },
      },
    ]);
    expect(results[0]?.mismatches).toEqual(['expected destination ratings, not routed there']);
  });

  test('a request that cannot be read fails with its message instead of throwing', () => {
    const { results } = run([{ name: 'bad', request: { url: 'ftp://x/' }, expect: {} }]);
    expect(results[0]).toMatchObject({
      pass: false,
      simulation: null,
      mismatches: [expect.stringContaining('only http and https')],
    });
  });
});

describe('route coverage', () => {
  test('every rule of the VirtualServices bound to a gateway, covered when a test reached it', () => {
    const { coverage } = runSavedTests(workspaceOf(SHOP), parseSavedTests(FILE).tests);
    expect(coverage.rules.map((r) => [r.name, r.covered])).toEqual([
      ['api-beta', true],
      ['api', true],
      ['old', true],
      ['never', false],
    ]);
    expect(coverage).toMatchObject({ covered: 3, total: 4, percent: 75 });
    expect(coverage.rules[1]).toMatchObject({
      resource: 'VirtualService/web/shop',
      section: 'http',
      index: 1,
      path: ['spec', 'http', 1],
      tests: ['others get v1'],
    });
  });

  test('a delegated rule that wins covers itself and the root rule', () => {
    const text = docs(
      httpGateway(),
      yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: root, namespace: web }
        spec:
          hosts: [shop.example.com]
          gateways: [istio-system/gw]
          http: [{ match: [{ uri: { prefix: /api } }], delegate: { name: api } }]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: api, namespace: web }
        spec:
          http: [{ route: [{ destination: { host: api } }] }]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: mesh-only, namespace: web }
        spec:
          hosts: [internal]
          http: [{ route: [{ destination: { host: internal } }] }]
      `,
    );
    const { coverage } = runSavedTests(workspaceOf(text), [
      { name: 'api', request: { url: 'http://shop.example.com/api' }, expect: {} },
    ]);
    expect(coverage.rules.map((r) => [r.resource, r.covered])).toEqual([
      ['VirtualService/web/root', true],
      ['VirtualService/web/api', true],
    ]);
  });

  test('no rule bound to a gateway: percent is null', () => {
    expect(runSavedTests(workspaceOf(httpGateway()), []).coverage).toEqual({
      rules: [],
      covered: 0,
      total: 0,
      percent: null,
    });
  });
});
