import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { dedent as yaml } from '../../testing/dedent.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { toFlowElements } from './toFlow.ts';

function elementsOf(...texts: string[]) {
  const workspace = loadWorkspace(texts.map((text, i) => ({ name: `${i}.yaml`, text })));
  return toFlowElements(deriveGraph(workspace), workspace);
}

const SHOP = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: shop, namespace: shop }
  spec:
    ingressClassName: nginx
    tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
    defaultBackend: { service: { name: fallback, port: { number: 80 } } }
    rules:
      - host: shop.example.com
        http:
          paths:
            - { path: /cart, pathType: Prefix, backend: { service: { name: cart, port: { number: 8080 } } } }
            - { path: /api, pathType: Exact, backend: { service: { name: api, port: { name: http } } } }
`;

describe('an Ingress on the canvas', () => {
  it('is one node with its class and TLS hosts, and a row per path saying where it goes', () => {
    const { nodes, edges } = elementsOf(SHOP);
    const ingress = nodes.find((n) => n.id === 'ingress:Ingress/shop/shop');
    expect(ingress?.type).toBe('ingress');
    expect(ingress?.ariaLabel).toBe('Ingress shop');
    expect(ingress?.domAttributes).toMatchObject({
      'data-kind': 'ingress',
      'data-resource': 'Ingress/shop/shop',
    });
    expect(ingress?.data.lines).toEqual(['class nginx', 'TLS shop.example.com']);
    expect(ingress?.data.rules.map((r) => [r.label, r.match])).toEqual([
      ['shop.example.com /cart (Prefix)', '→ cart:8080'],
      ['shop.example.com /api (Exact)', '→ api:http'],
      ['default backend', '→ fallback:80'],
    ]);
    // Rows are not nodes of their own; their route edges leave the Ingress through the row.
    expect(nodes.some((n) => n.id.startsWith('route:'))).toBe(false);
    const routes = edges.filter((e) => e.data?.kind === 'route');
    expect(routes.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      [
        'ingress:Ingress/shop/shop',
        'route:Ingress/shop/shop:rules[0]',
        'service:cart.shop.svc.cluster.local',
      ],
      [
        'ingress:Ingress/shop/shop',
        'route:Ingress/shop/shop:rules[1]',
        'service:api.shop.svc.cluster.local',
      ],
      [
        'ingress:Ingress/shop/shop',
        'route:Ingress/shop/shop:rules[2]',
        'service:fallback.shop.svc.cluster.local',
      ],
    ]);
  });
});
