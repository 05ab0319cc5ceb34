import { describe, expect, test } from 'vitest';
import { yaml } from '../testing/graphs.ts';
import { simulated } from '../testing/simulated.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';
import { tracePath } from './tracePath.ts';

/**
 * What the simulator answers for an Ingress lights the same path on the graph (the simulator's
 * answer is the real one here, not written by hand): the path's row, a canary Ingress's row for
 * its share, the default backend's row when no path matches.
 */
const SHOP = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: shop, namespace: shop }
  spec:
    ingressClassName: nginx
    defaultBackend: { service: { name: fallback, port: { number: 80 } } }
    rules:
      - host: shop.example.com
        http:
          paths:
            - { path: /cart, pathType: Prefix, backend: { service: { name: cart, port: { number: 80 } } } }
            - { path: /pay, pathType: Prefix, backend: { service: { name: pay, port: { number: 80 } } } }
  ---
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: cart-canary
    namespace: shop
    annotations: { nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-by-header: x-canary }
  spec:
    ingressClassName: nginx
    rules:
      - host: shop.example.com
        http:
          paths:
            - { path: /cart, pathType: Prefix, backend: { service: { name: cart-next, port: { number: 80 } } } }
`;

const workspace = loadWorkspace([{ name: 'shop.yaml', text: SHOP }]);
const graph = deriveGraph(workspace);
const lit = (url: string, headers: Record<string, string> = {}) => {
  const answer = simulated(workspace, { url, method: 'GET', headers });
  return [...tracePath(graph, answer).nodes]
    .filter((n) => n.startsWith('route:') || n.startsWith('service:'))
    .sort();
};

describe('tracePath through Kubernetes Ingresses, from the simulator', () => {
  test('a path lights its row and its Service only', () => {
    expect(lit('http://shop.example.com/pay/now')).toEqual([
      'route:Ingress/shop/shop:rules[1]',
      'service:pay.shop.svc.cluster.local',
    ]);
  });

  test("the canary header lights the canary Ingress's row and Service", () => {
    expect(lit('http://shop.example.com/cart', { 'x-canary': 'always' })).toEqual([
      'route:Ingress/shop/cart-canary:rules[0]',
      'route:Ingress/shop/shop:rules[0]',
      'service:cart-next.shop.svc.cluster.local',
    ]);
  });

  test('no matching path lights the default backend row', () => {
    expect(lit('http://shop.example.com/elsewhere')).toEqual([
      'route:Ingress/shop/shop:rules[2]',
      'service:fallback.shop.svc.cluster.local',
    ]);
  });
});
