import { describe, expect, it } from 'vitest';
import { BOOKINFO_GATEWAY } from '../../testing/gatewayApiSamples.ts';
import { simulated } from '../../testing/simulated.ts';
import { workspaceOf, yaml } from '../../testing/simulations.ts';
import { recordTest } from '../recordTest.ts';
import { runSavedTests } from '../runSavedTests.ts';
import { parseSavedTests } from '../savedTests.ts';

const workspace = workspaceOf(BOOKINFO_GATEWAY);

describe('saved tests on Gateway API routes', () => {
  it('expect the HTTPRoute, its rule and backend, and a 404 where no rule matches', () => {
    const { tests, problems } = parseSavedTests(yaml`
      tests:
        - name: product page
          request: { url: http://bookinfo.example/productpage }
          expect: { outcome: route, httpRoute: bookinfo, rule: 0, destinations: [{ host: productpage, port: 9080 }] }
        - name: nothing else
          request: { url: http://bookinfo.example/admin }
          expect: { outcome: noRoute, status: 404 }
        - name: wrong route named
          request: { url: http://bookinfo.example/login }
          expect: { httpRoute: shop/other }
    `);
    expect(problems).toEqual([]);
    const run = runSavedTests(workspace, tests);
    expect(run.results.map((r) => r.pass)).toEqual([true, true, false]);
    expect(run.results[2]?.mismatches).toEqual([
      'expected route shop/other, got HTTPRoute/shop/bookinfo',
    ]);
  });

  it('count the rules of attached routes in the coverage', () => {
    const { tests } = parseSavedTests(yaml`
      tests:
        - name: product page
          request: { url: http://bookinfo.example/productpage }
    `);
    const { coverage } = runSavedTests(workspace, tests);
    expect(
      coverage.rules.map((r) => `${r.resource} ${r.section}[${r.index}] ${r.covered}`),
    ).toEqual(['HTTPRoute/shop/bookinfo rules[0] true']);
    expect(coverage.percent).toBe(100);
  });

  it('"Save as test" pins the HTTPRoute, and the recorded test passes', () => {
    const request = { url: 'http://bookinfo.example/static/app.js' };
    const saved = recordTest('static', request, simulated(workspace, request));
    expect(saved.expect).toMatchObject({
      outcome: 'route',
      httpRoute: 'HTTPRoute/shop/bookinfo',
      rule: 0,
    });
    expect(runSavedTests(workspace, [saved]).results[0]?.pass).toBe(true);
  });
});
