import { describe, expect, test } from 'vitest';
import { edgeList, graphOf, invariantProblems, node, nodeIds, yaml } from '../testing/graphs.ts';
import { tracePath } from './tracePath.ts';

/**
 * Our own manifests after the Kubernetes docs' Ingress examples (concepts/services-networking/
 * ingress): simple fanout, name-based virtual hosting, TLS, a default backend.
 */
const FANOUT = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: fanout, namespace: shop }
  spec:
    ingressClassName: nginx
    rules:
      - host: shop.example.com
        http:
          paths:
            - path: /cart
              pathType: Prefix
              backend: { service: { name: cart, port: { number: 4200 } } }
            - path: /pay
              pathType: Exact
              backend: { service: { name: pay, port: { number: 8080 } } }
`;

const VIRTUAL_HOSTS = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: hosts }
  spec:
    ingressClassName: nginx
    rules:
      - host: first.example.com
        http:
          paths:
            - { path: /, pathType: Prefix, backend: { service: { name: first, port: { number: 80 } } } }
      - host: second.example.com
        http:
          paths:
            - { path: /, pathType: Prefix, backend: { service: { name: second, port: { number: 80 } } } }
      - http:
          paths:
            - { path: /, pathType: Prefix, backend: { service: { name: third, port: { number: 80 } } } }
`;

const DEFAULT_BACKEND = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: fallback, namespace: shop }
  spec:
    ingressClassName: istio
    tls:
      - hosts: [shop.example.com]
        secretName: shop-tls
    defaultBackend: { service: { name: catchall, port: { number: 80 } } }
    rules:
      - host: shop.example.com
        http:
          paths:
            - path: /static
              pathType: ImplementationSpecific
              backend: { service: { name: static, port: { name: http } } }
`;

const CART_SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata: { name: cart, namespace: shop }
  spec:
    selector: { app: cart }
    ports: [{ port: 4200 }]
`;

const INGRESS = 'ingress:Ingress/shop/fanout';
const NGINX_PODS = 'gatewayWorkload:implied:Deployment/ingress-nginx/ingress-nginx-controller';
const NGINX_LB = 'loadBalancer:implied:Service/ingress-nginx/ingress-nginx-controller';

describe('Kubernetes Ingress on the graph', () => {
  test('simple fanout: client → ingress-nginx → the Ingress → one row per path → its Services', () => {
    const graph = graphOf(FANOUT, CART_SERVICE);
    expect(invariantProblems(graph)).toEqual([]);
    expect(node(graph, INGRESS)).toMatchObject({
      kind: 'ingress',
      label: 'fanout',
      resource: 'Ingress/shop/fanout',
      parent: null,
    });
    expect(edgeList(graph, 'flow')).toEqual([
      `client -> ${NGINX_LB}`,
      `${NGINX_LB} -> ${NGINX_PODS}`,
    ]);
    expect(node(graph, NGINX_LB)?.label).toContain('ingress-nginx-controller');
    expect(edgeList(graph, 'bind')).toEqual([`${NGINX_PODS} -> ${INGRESS}`]);
    const rows = graph.nodes.filter((n) => n.parent === INGRESS);
    expect(rows.map((n) => [n.id, n.kind, n.section, n.index, n.label])).toEqual([
      [
        'route:Ingress/shop/fanout:rules[0]',
        'route',
        'rules',
        0,
        'shop.example.com /cart (Prefix)',
      ],
      ['route:Ingress/shop/fanout:rules[1]', 'route', 'rules', 1, 'shop.example.com /pay (Exact)'],
    ]);
    expect(rows[1]?.path).toEqual(['spec', 'rules', 0, 'http', 'paths', 1]);
    expect(edgeList(graph, 'route')).toEqual([
      'route:Ingress/shop/fanout:rules[0] -> service:cart.shop.svc.cluster.local',
      'route:Ingress/shop/fanout:rules[1] -> service:pay.shop.svc.cluster.local',
    ]);
    // The Service the workspace holds is named by its resource, the other is drawn anyway.
    expect(node(graph, 'service:cart.shop.svc.cluster.local')?.resource).toBe('Service/shop/cart');
    expect(node(graph, 'service:pay.shop.svc.cluster.local')?.resource).toBeUndefined();
    expect(edgeList(graph, 'select')).toEqual([
      'service:cart.shop.svc.cluster.local -> pods:implied:service:cart.shop.svc.cluster.local|app=cart',
    ]);
  });

  test('name-based virtual hosting: index counts paths across rules; a rule without host serves *', () => {
    const graph = graphOf(VIRTUAL_HOSTS);
    const rows = graph.nodes.filter((n) => n.parent === 'ingress:Ingress/default/hosts');
    expect(rows.map((n) => [n.index, n.label, n.path?.[2]])).toEqual([
      [0, 'first.example.com / (Prefix)', 0],
      [1, 'second.example.com / (Prefix)', 1],
      [2, '* / (Prefix)', 2],
    ]);
  });

  test('class istio stands on Istio ingress gateway; the default backend is the last row', () => {
    const graph = graphOf(DEFAULT_BACKEND);
    expect(invariantProblems(graph)).toEqual([]);
    const pods = nodeIds(graph, 'gatewayWorkload');
    expect(pods).toEqual(['gatewayWorkload:implied:istio-system/istio-ingressgateway']);
    expect(edgeList(graph, 'bind')).toEqual([`${pods[0]} -> ingress:Ingress/shop/fallback`]);
    const rows = graph.nodes.filter((n) => n.parent === 'ingress:Ingress/shop/fallback');
    expect(rows.map((n) => [n.index, n.label, n.path])).toEqual([
      [
        0,
        'shop.example.com /static (ImplementationSpecific)',
        ['spec', 'rules', 0, 'http', 'paths', 0],
      ],
      [1, 'default backend', ['spec', 'defaultBackend']],
    ]);
    expect(edgeList(graph, 'route')).toEqual([
      'route:Ingress/shop/fallback:rules[0] -> service:static.shop.svc.cluster.local',
      'route:Ingress/shop/fallback:rules[1] -> service:catchall.shop.svc.cluster.local',
    ]);
  });

  test("the workspace's ingress-nginx controller and its LoadBalancer Service replace the implied ones", () => {
    const controller = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ingress-nginx-controller, namespace: ingress-nginx }
      spec:
        selector: { matchLabels: { app.kubernetes.io/name: ingress-nginx } }
        template:
          metadata:
            labels: { app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: ingress-nginx-controller, namespace: ingress-nginx }
      spec:
        type: LoadBalancer
        selector: { app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller }
        ports: [{ name: http, port: 80, targetPort: http }]
    `;
    const graph = graphOf(FANOUT, controller);
    const pods = 'gatewayWorkload:Deployment/ingress-nginx/ingress-nginx-controller';
    const balancer = 'loadBalancer:Service/ingress-nginx/ingress-nginx-controller';
    expect(edgeList(graph, 'flow')).toEqual([`client -> ${balancer}`, `${balancer} -> ${pods}`]);
    expect(edgeList(graph, 'bind')).toEqual([`${pods} -> ${INGRESS}`]);
    // Drawn once: as the chain, never again as application pods or a destination Service.
    expect(nodeIds(graph, 'pods')).toEqual([]);
    expect(nodeIds(graph, 'service')).toEqual([
      'service:cart.shop.svc.cluster.local',
      'service:pay.shop.svc.cluster.local',
    ]);
  });

  test('an Ingress of a class no simulated controller serves is drawn without a chain', () => {
    const graph = graphOf(FANOUT.replace('ingressClassName: nginx', 'ingressClassName: traefik'));
    expect(node(graph, INGRESS)).toBeDefined();
    expect(edgeList(graph, 'bind')).toEqual([]);
    expect(nodeIds(graph, 'gatewayWorkload')).toEqual([]);
  });

  test('ids are the same when the text is parsed again and when an unrelated document is added', () => {
    const ids = nodeIds(graphOf(FANOUT));
    expect(nodeIds(graphOf(FANOUT))).toEqual(ids);
    expect(nodeIds(graphOf(CART_SERVICE, FANOUT))).toEqual(expect.arrayContaining(ids));
  });

  test("a request an Ingress path answers lights the controller's chain, the Ingress, that row and its Service", () => {
    const graph = graphOf(FANOUT, CART_SERVICE);
    const lit = tracePath(graph, {
      ingress: 'Ingress/shop/fanout',
      rule: { section: 'rules', index: 1 },
      destinations: [{ host: 'pay.shop.svc.cluster.local' }],
    });
    expect([...lit.nodes].sort()).toEqual(
      [
        'client',
        NGINX_LB,
        NGINX_PODS,
        INGRESS,
        'route:Ingress/shop/fanout:rules[1]',
        'service:pay.shop.svc.cluster.local',
      ].sort(),
    );
    expect([...lit.edges.keys()]).toContain(`bind:${NGINX_PODS}->${INGRESS}`);
  });

  test('odd Ingresses draw what they can and never throw', () => {
    const odd = yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: { name: odd }
      spec:
        ingressClassName: nginx
        defaultBackend: 7
        rules:
          - host: a.example.com
          - http: { paths: nope }
          - http: { paths: [ 3, { path: /x, backend: { service: { port: { number: 80 } } } } ] }
    `;
    const graph = graphOf(odd);
    expect(invariantProblems(graph)).toEqual([]);
    const rows = graph.nodes.filter((n) => n.parent === 'ingress:Ingress/default/odd');
    expect(rows.map((n) => n.label)).toEqual(['* / (no pathType)', '* /x (no pathType)']);
    expect(edgeList(graph, 'route')).toEqual([]);
  });

  test('a resource backend goes to an implied node named for it', () => {
    const graph = graphOf(yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: { name: assets, namespace: shop }
      spec:
        ingressClassName: nginx
        defaultBackend:
          resource: { apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets }
    `);
    const id = 'service:implied:k8s.example.com/StorageBucket/shop/static-assets';
    expect(edgeList(graph, 'route')).toEqual([`route:Ingress/shop/assets:rules[0] -> ${id}`]);
    expect(node(graph, id)?.label).toBe('static-assets (StorageBucket backend, not a Service)');
  });
});
