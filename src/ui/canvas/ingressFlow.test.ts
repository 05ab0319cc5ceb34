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

  it("shows ingress-nginx's routing annotations as tags on every row, and lists those not modelled", () => {
    const annotated = SHOP.replace(
      'metadata: { name: shop, namespace: shop }',
      `metadata:
  name: shop
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/proxy-body-size: 8m`,
    );
    const ingress = elementsOf(annotated).nodes.find((n) => n.type === 'ingress');
    expect(ingress?.data.lines).toEqual([
      'class nginx',
      'TLS shop.example.com',
      'not modelled: proxy-body-size',
    ]);
    expect(ingress?.data.rules.map((r) => r.tags)).toEqual([
      ['rewrite /$2', 'regex'],
      ['rewrite /$2', 'regex'],
      ['rewrite /$2', 'regex'],
    ]);
  });

  it('a canary Ingress says which share or header goes to its backends', () => {
    const canary = SHOP.replace(
      'metadata: { name: shop, namespace: shop }',
      `metadata:
  name: shop
  namespace: shop
  annotations: { nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-weight: "20" }`,
    );
    const ingress = elementsOf(canary).nodes.find((n) => n.type === 'ingress');
    expect(ingress?.data.rules[0]?.tags).toEqual(['canary 20%']);
  });

  it('Istio ignores nginx annotations: no tags; a class nobody serves says so', () => {
    const istio = SHOP.replace('ingressClassName: nginx', 'ingressClassName: istio').replace(
      'metadata: { name: shop, namespace: shop }',
      'metadata: { name: shop, namespace: shop, annotations: { nginx.ingress.kubernetes.io/rewrite-target: / } }',
    );
    const ingress = elementsOf(istio).nodes.find((n) => n.type === 'ingress');
    expect(ingress?.data.rules[0]?.tags).toEqual([]);
    expect(ingress?.data.lines[0]).toBe('class istio');
    const other = elementsOf(SHOP.replace('ingressClassName: nginx', 'ingressClassName: traefik'));
    expect(other.nodes.find((n) => n.type === 'ingress')?.data.lines[0]).toBe(
      'class traefik: no controller drawn',
    );
  });
});
