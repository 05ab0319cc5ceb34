import { expect, test } from 'vitest';
import { graphOf, yaml } from '../testing/graphs.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';

const SHOP = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: web }
  spec:
    selector: { istio: ingressgateway }
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: shop, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [gw]
    http:
      - route:
          - destination: { host: shop, subset: v1 }
            weight: 50
          - destination: { host: shop, subset: v1 }
            weight: 50
      - route: [{ destination: { host: shop } }]
        mirrors: [{ destination: { host: shadow } }, { destination: { host: shadow } }]
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: { name: shop, namespace: web }
  spec:
    host: shop
    subsets: [{ name: v1, labels: { version: v1 } }]
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: shop, namespace: web }
  spec: { selector: { app: shop } }
`;

const UNRELATED = yaml`
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: unrelated, namespace: elsewhere }
  spec:
    template:
      metadata: { labels: { app: unrelated } }
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata: { name: cfg, namespace: web }
`;

const ids = (graph: ReturnType<typeof graphOf>) => ({
  nodes: graph.nodes.map((n) => n.id),
  edges: graph.edges.map((e) => e.id),
});

test('the same text gives the same graph, ids included', () => {
  const a = deriveGraph(loadWorkspace([{ name: 'x.yaml', text: SHOP }]));
  const b = deriveGraph(loadWorkspace([{ name: 'x.yaml', text: SHOP }]));
  expect(b).toEqual(a);
});

test('appending an unrelated document keeps every existing id', () => {
  const before = ids(graphOf(SHOP));
  const after = ids(graphOf(`${SHOP}\n${UNRELATED}`));
  const added = 'pods:Deployment/elsewhere/unrelated';
  expect(after.nodes).toContain(added);
  expect(after.nodes.filter((id) => id !== added)).toEqual(before.nodes);
  expect(after.edges).toEqual(before.edges);
});

test('the file a resource sits in does not change its ids', () => {
  const [first, ...rest] = SHOP.split('---\n');
  expect(ids(graphOf(first ?? '', rest.join('---\n')))).toEqual(ids(graphOf(SHOP)));
});

test('repeated destinations and mirrors get distinct edge ids', () => {
  const graph = graphOf(SHOP);
  const route = graph.edges.filter((e) => e.source === 'route:VirtualService/web/shop:http[0]');
  expect(route.map((e) => e.id)).toEqual([
    'route:route:VirtualService/web/shop:http[0]:route[0]',
    'route:route:VirtualService/web/shop:http[0]:route[1]',
  ]);
  const mirrors = graph.edges.filter((e) => e.kind === 'mirror');
  expect(mirrors.map((e) => [e.id, e.target])).toEqual([
    [
      'mirror:route:VirtualService/web/shop:http[1]:mirrors[0]',
      'service:shadow.web.svc.cluster.local',
    ],
    [
      'mirror:route:VirtualService/web/shop:http[1]:mirrors[1]',
      'service:shadow.web.svc.cluster.local',
    ],
  ]);
});
