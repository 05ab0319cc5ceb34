import { describe, expect, it } from 'vitest';
import { workspaceOf, yaml } from '../testing/simulations.ts';
import { runSavedTests } from './runSavedTests.ts';

/** A main Ingress on /api and a canary Ingress of it, with these canary annotations. */
const shop = (annotations: string) =>
  workspaceOf(yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: shop, namespace: web }
  spec:
    ingressClassName: nginx
    rules:
    - host: shop.example.com
      http:
        paths:
        - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }
  ---
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: shop-canary
    namespace: web
    annotations: { nginx.ingress.kubernetes.io/canary: "true", ${annotations} }
  spec:
    ingressClassName: nginx
    rules:
    - host: shop.example.com
      http:
        paths:
        - { path: /api, pathType: Prefix, backend: { service: { name: api-v2, port: { number: 80 } } } }
`);

const covered = (annotations: string, headers: Record<string, string> = {}) =>
  runSavedTests(shop(annotations), [
    { name: 'api', request: { url: 'http://shop.example.com/api', headers }, expect: {} },
  ]).coverage.rules.map((r) => `${r.resource} ${r.covered}`);

describe('route coverage of a canary Ingress (ingress-nginx serves it in the main path)', () => {
  it('counts the canary path when its weight takes a share of the request', () => {
    expect(covered('nginx.ingress.kubernetes.io/canary-weight: "20"')).toEqual([
      'Ingress/web/shop true',
      'Ingress/web/shop-canary true',
    ]);
  });

  it('counts it when its header decided, "never" too; not when nothing sends there', () => {
    const byHeader = 'nginx.ingress.kubernetes.io/canary-by-header: x-canary';
    expect(covered(byHeader, { 'x-canary': 'always' })[1]).toBe('Ingress/web/shop-canary true');
    expect(covered(byHeader, { 'x-canary': 'never' })[1]).toBe('Ingress/web/shop-canary true');
    expect(covered(byHeader)[1]).toBe('Ingress/web/shop-canary false');
  });
});
