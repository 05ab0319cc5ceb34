import { describe, expect, test } from 'vitest';
import {
  edgeList,
  edgesFrom,
  graphOf,
  invariantProblems,
  node,
  nodeIds,
  yaml,
} from '../testing/graphs.ts';

const BOOKINFO = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: bookinfo-gateway, namespace: bookinfo }
  spec:
    selector: { istio: ingressgateway }
    servers:
      - port: { number: 80, name: http, protocol: HTTP }
        hosts: ["*"]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: bookinfo, namespace: bookinfo }
  spec:
    hosts: ["*"]
    gateways: [bookinfo-gateway]
    http:
      - name: reviews
        match: [{ uri: { prefix: /reviews } }]
        route:
          - destination: { host: reviews, subset: v1 }
            weight: 90
          - destination: { host: reviews.bookinfo.svc.cluster.local, subset: v3 }
            weight: 10
      - match: [{ uri: { prefix: / } }]
        route:
          - destination: { host: productpage, port: { number: 9080 } }
        mirror: { host: reviews, subset: v2 }
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: { name: reviews, namespace: bookinfo }
  spec:
    host: reviews
    subsets:
      - name: v1
        labels: { version: v1 }
      - name: v2
        labels: { version: v2 }
      - name: v3
        labels: { version: v3 }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: reviews, namespace: bookinfo }
  spec:
    selector: { app: reviews }
    ports: [{ port: 9080, name: http }]
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: productpage, namespace: bookinfo }
  spec:
    selector: { app: productpage }
    ports: [{ port: 9080, name: http }]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: reviews-v1, namespace: bookinfo }
  spec:
    template:
      metadata: { labels: { app: reviews, version: v1 } }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: reviews-v2, namespace: bookinfo }
  spec:
    template:
      metadata: { labels: { app: reviews, version: v2 } }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: ratings-v1, namespace: bookinfo }
  spec:
    template:
      metadata: { labels: { app: ratings, version: v1 } }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: productpage-v1, namespace: bookinfo }
  spec:
    template:
      metadata: { labels: { app: productpage, version: v1 } }
`;

const VS = 'virtualService:VirtualService/bookinfo/bookinfo';
const REVIEWS = 'service:reviews.bookinfo.svc.cluster.local';
const PRODUCTPAGE = 'service:productpage.bookinfo.svc.cluster.local';
const subset = (name: string) => `subset:DestinationRule/bookinfo/reviews:${name}`;
const pods = (name: string) => `pods:Deployment/bookinfo/${name}`;

describe('bookinfo', () => {
  const graph = graphOf(BOOKINFO);

  test('keeps the invariants', () => {
    expect(invariantProblems(graph)).toEqual([]);
  });

  test('orders nodes: chain, VirtualService and routes, services, subsets, pods', () => {
    expect(graph.nodes.map((n) => n.kind)).toEqual([
      'client',
      'loadBalancer',
      'gatewayWorkload',
      'gateway',
      'virtualService',
      'route',
      'route',
      'service',
      'service',
      'subset',
      'subset',
      'subset',
      'pods',
      'pods',
      'pods',
      'pods',
      'pods',
    ]);
  });

  test('the gateway binds the VirtualService by bare name in its own namespace', () => {
    expect(edgeList(graph, 'bind')).toEqual([`gateway:Gateway/bookinfo/bookinfo-gateway -> ${VS}`]);
  });

  test('one route node per rule, named or positional', () => {
    expect(node(graph, 'route:VirtualService/bookinfo/bookinfo:http[0]')).toEqual({
      id: 'route:VirtualService/bookinfo/bookinfo:http[0]',
      kind: 'route',
      label: 'reviews',
      resource: 'VirtualService/bookinfo/bookinfo',
      parent: VS,
      section: 'http',
      index: 0,
      path: ['spec', 'http', 0],
    });
    expect(node(graph, 'route:VirtualService/bookinfo/bookinfo:http[1]')?.label).toBe('http[1]');
    expect(edgeList(graph, 'rule')).toHaveLength(2);
  });

  test('route edges say which destination writes them', () => {
    const routes = graph.edges.filter(
      (e) => e.kind === 'route' && e.source === 'route:VirtualService/bookinfo/bookinfo:http[0]',
    );
    expect(routes.map((e) => e.origin)).toEqual(
      routes.map((_, i) => ({
        resource: 'VirtualService/bookinfo/bookinfo',
        paths: [['spec', 'http', 0, 'route', i]],
      })),
    );
    expect(routes.length).toBeGreaterThan(0);
  });

  test('weighted subsets: short and full hosts reach the same DestinationRule', () => {
    const edges = edgesFrom(graph, 'route:VirtualService/bookinfo/bookinfo:http[0]', 'route');
    expect(edges.map((e) => [e.target, e.weight])).toEqual([
      [subset('v1'), 90],
      [subset('v3'), 10],
    ]);
    expect(new Set(edges.map((e) => e.id)).size).toBe(2);
  });

  test('an unweighted destination has no weight; a mirror gets a mirror edge', () => {
    const [edge] = edgesFrom(graph, 'route:VirtualService/bookinfo/bookinfo:http[1]', 'route');
    expect(edge?.target).toBe(PRODUCTPAGE);
    expect(edge && 'weight' in edge).toBe(false);
    expect(edgeList(graph, 'mirror')).toEqual([
      `route:VirtualService/bookinfo/bookinfo:http[1] -> ${subset('v2')}`,
    ]);
  });

  test('service nodes carry their Service and a short label', () => {
    expect(node(graph, REVIEWS)).toMatchObject({
      kind: 'service',
      label: 'reviews',
      resource: 'Service/bookinfo/reviews',
    });
    expect(nodeIds(graph, 'service')).toEqual([REVIEWS, PRODUCTPAGE]);
  });

  test('subsets hang off their service and select pods by Service selector plus labels', () => {
    expect(edgeList(graph, 'subset')).toEqual(
      ['v1', 'v2', 'v3'].map((name) => `${REVIEWS} -> ${subset(name)}`),
    );
    expect(node(graph, subset('v1'))).toMatchObject({
      label: 'v1',
      resource: 'DestinationRule/bookinfo/reviews',
    });
    const selects = edgeList(graph, 'select');
    expect(selects).toContain(`${subset('v1')} -> ${pods('reviews-v1')}`);
    expect(selects).toContain(`${subset('v2')} -> ${pods('reviews-v2')}`);
    // ratings-v1 has version v1 too, but is not behind the reviews Service.
    expect(selects).not.toContain(`${subset('v1')} -> ${pods('ratings-v1')}`);
  });

  test('a subset selecting no pods gets one implied pods node', () => {
    const implied = edgesFrom(graph, subset('v3'), 'select');
    expect(implied).toHaveLength(1);
    expect(node(graph, implied[0]?.target ?? '')).toMatchObject({
      kind: 'pods',
      implied: true,
      label: 'app=reviews,version=v3 (implied)',
    });
  });

  test('a service without subsets selects its pods directly; one with subsets does not', () => {
    expect(edgesFrom(graph, PRODUCTPAGE, 'select').map((e) => e.target)).toEqual([
      pods('productpage-v1'),
    ]);
    expect(edgesFrom(graph, REVIEWS, 'select')).toEqual([]);
  });

  test('every application Deployment is a pods node', () => {
    expect(nodeIds(graph, 'pods').filter((id) => !id.startsWith('pods:implied:'))).toEqual(
      ['reviews-v1', 'reviews-v2', 'ratings-v1', 'productpage-v1'].map(pods),
    );
  });

  test('without gateway pods, the chain runs through the implied default ingress', () => {
    const workload = 'gatewayWorkload:implied:istio-system/istio-ingressgateway';
    const balancer = 'loadBalancer:implied:Service/istio-system/istio-ingressgateway';
    expect(node(graph, workload)).toMatchObject({
      implied: true,
      label: 'istio-ingressgateway (implied)',
    });
    expect(node(graph, workload)?.resource).toBeUndefined();
    expect(node(graph, balancer)).toMatchObject({ kind: 'loadBalancer', implied: true });
    expect(edgeList(graph, 'flow')).toEqual([
      `client -> ${balancer}`,
      `${balancer} -> ${workload}`,
      `${workload} -> gateway:Gateway/bookinfo/bookinfo-gateway`,
    ]);
  });
});
