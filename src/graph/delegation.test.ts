import { expect, test } from 'vitest';
import { edgeList, graphOf, invariantProblems, node, yaml } from '../testing/graphs.ts';

const ROOT = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: root, namespace: istio-system }
  spec:
    hosts: [shop.example.com]
    gateways: [public-gw]
    http:
      - name: orders
        match: [{ uri: { prefix: /orders } }]
        delegate: { name: orders, namespace: orders }
      - name: catalog
        match: [{ uri: { prefix: /catalog } }]
        delegate: { name: catalog, namespace: catalog }
      - name: local
        delegate: { name: local-routes }
      - name: dangling
        delegate: { name: nowhere, namespace: orders }
`;

const DELEGATES = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: orders, namespace: orders }
  spec:
    http:
      - route: [{ destination: { host: orders } }]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: catalog, namespace: catalog }
  spec:
    http:
      - name: v2
        match: [{ headers: { x-v2: { exact: "1" } } }]
        route: [{ destination: { host: catalog, subset: v2 } }]
      - route: [{ destination: { host: catalog } }]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: local-routes, namespace: istio-system }
  spec:
    http: [{ directResponse: { status: 200 } }]
`;

test('root rules delegate to VirtualServices in other namespaces', () => {
  const graph = graphOf(ROOT, DELEGATES);
  expect(invariantProblems(graph)).toEqual([]);
  expect(edgeList(graph, 'delegate')).toEqual([
    'route:VirtualService/istio-system/root:http[0] -> virtualService:VirtualService/orders/orders',
    'route:VirtualService/istio-system/root:http[1] -> virtualService:VirtualService/catalog/catalog',
    'route:VirtualService/istio-system/root:http[2] -> virtualService:VirtualService/istio-system/local-routes',
  ]);
  // The Gateway is not in the workspace: no bind edge, no gateway node.
  expect(edgeList(graph, 'bind')).toEqual([]);
});

test('delegates resolve short hosts in their own namespace', () => {
  const graph = graphOf(ROOT, DELEGATES);
  expect(edgeList(graph, 'route')).toEqual([
    'route:VirtualService/orders/orders:http[0] -> service:orders.orders.svc.cluster.local',
    // No DestinationRule defines subset v2: the edge falls back to the service.
    'route:VirtualService/catalog/catalog:http[0] -> service:catalog.catalog.svc.cluster.local',
    'route:VirtualService/catalog/catalog:http[1] -> service:catalog.catalog.svc.cluster.local',
  ]);
  expect(node(graph, 'route:VirtualService/catalog/catalog:http[0]')?.label).toBe('v2');
  expect(node(graph, 'service:orders.orders.svc.cluster.local')).toEqual({
    id: 'service:orders.orders.svc.cluster.local',
    kind: 'service',
    label: 'orders',
    parent: null,
  });
});
