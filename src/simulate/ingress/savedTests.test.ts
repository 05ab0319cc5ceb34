import { describe, expect, it } from 'vitest';
import { simulated } from '../../testing/simulated.ts';
import { workspaceOf, yaml } from '../../testing/simulations.ts';
import { recordTest } from '../recordTest.ts';
import { runSavedTests } from '../runSavedTests.ts';
import { parseSavedTests } from '../savedTests.ts';

/** An ingress-nginx Ingress with two paths, each to its own Service. */
const SHOP = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: shop, namespace: web }
  spec:
    ingressClassName: nginx
    rules:
    - host: shop.example.com
      http:
        paths:
        - { path: /cart, pathType: Prefix, backend: { service: { name: cart, port: { number: 8080 } } } }
        - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }
`;
const workspace = workspaceOf(SHOP);

describe('saved tests on Kubernetes Ingresses', () => {
  it('expect the Ingress and its path, and say what differs when another is named', () => {
    const { tests, problems } = parseSavedTests(yaml`
      tests:
        - name: the cart
          request: { url: http://shop.example.com/cart/items }
          expect: { outcome: route, ingress: shop, rule: 0, destinations: [{ host: cart, port: 8080 }] }
        - name: wrong Ingress named
          request: { url: http://shop.example.com/api }
          expect: { ingress: web/storefront }
    `);
    expect(problems).toEqual([]);
    const run = runSavedTests(workspace, tests);
    expect(run.results.map((r) => r.pass)).toEqual([true, false]);
    expect(run.results[1]?.mismatches).toEqual([
      'expected Ingress web/storefront, got Ingress/web/shop',
    ]);
  });

  it('count each path of an Ingress in the coverage', () => {
    const { tests } = parseSavedTests(yaml`
      tests:
        - name: the cart
          request: { url: http://shop.example.com/cart }
    `);
    const { coverage } = runSavedTests(workspace, tests);
    expect(
      coverage.rules.map((r) => `${r.resource} ${r.section}[${r.index}] ${r.covered}`),
    ).toEqual(['Ingress/web/shop rules[0] true', 'Ingress/web/shop rules[1] false']);
    expect(coverage.rules[1]?.path).toEqual(['spec', 'rules', 0, 'http', 'paths', 1]);
    expect(coverage.percent).toBe(50);
  });

  it('"Save as test" pins the Ingress, and the recorded test passes', () => {
    const request = { url: 'http://shop.example.com/api/orders' };
    const saved = recordTest('api', request, simulated(workspace, request));
    expect(saved.expect).toMatchObject({ outcome: 'route', ingress: 'Ingress/web/shop', rule: 1 });
    expect(runSavedTests(workspace, [saved]).results[0]?.pass).toBe(true);
  });
});
