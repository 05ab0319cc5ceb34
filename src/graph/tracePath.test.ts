import { describe, expect, test } from 'vitest';
import { graphOf, yaml } from '../testing/graphs.ts';
import { simulated } from '../testing/simulated.ts';
import { EXAMPLE } from '../workspace/example.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';
import { tracePath } from './tracePath.ts';

const shop = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: web }
  spec:
    selector: { istio: ingressgateway }
    servers:
      - port: { number: 80, name: http, protocol: HTTP }
        hosts: [shop.example.com]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: shop, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [gw]
    http:
      - name: api
        match: [{ uri: { prefix: /api } }]
        route:
          - destination: { host: api, subset: v1 }
            weight: 90
          - destination: { host: api, subset: v2 }
            weight: 10
      - route:
          - destination: { host: web }
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: { name: api, namespace: web }
  spec:
    host: api
    subsets:
      - { name: v1, labels: { version: v1 } }
      - { name: v2, labels: { version: v2 } }
`;

const shopGraph = graphOf(shop);
const apiHost = 'api.web.svc.cluster.local';

describe('tracePath', () => {
  const graph = graphOf(shop);
  const api = 'api.web.svc.cluster.local';

  test('lights the chain from the client to the winning rule and each weighted branch with its share', () => {
    const lit = tracePath(graph, {
      gateway: 'Gateway/web/gw',
      virtualService: 'VirtualService/web/shop',
      rule: { section: 'http', index: 0 },
      destinations: [
        { host: api, subset: 'v1', probability: 0.9 },
        { host: api, subset: 'v2', probability: 0.1 },
      ],
    });
    expect(lit.nodes).toContain('client');
    expect(lit.nodes).toContain('gateway:Gateway/web/gw');
    expect(lit.nodes).toContain('route:VirtualService/web/shop:http[0]');
    expect(lit.nodes).toContain('subset:DestinationRule/web/api:v1');
    expect(lit.nodes).not.toContain('route:VirtualService/web/shop:http[1]');
    expect(lit.nodes).not.toContain('service:web.web.svc.cluster.local');
    const shares = [...lit.edges]
      .filter(([id]) => id.startsWith('route:'))
      .map(([, share]) => share)
      .sort();
    expect(shares).toEqual([0.1, 0.9]);
    // Every lit edge joins lit nodes: the path is connected from the client on.
    const byId = new Map(graph.edges.map((e) => [e.id, e]));
    for (const id of lit.edges.keys()) {
      const edge = byId.get(id);
      expect(edge && lit.nodes.has(edge.source) && lit.nodes.has(edge.target)).toBe(true);
    }
  });

  test('a request no server takes lights nothing', () => {
    const lit = tracePath(graph, { gateway: null, destinations: [] });
    expect(lit.nodes.size).toBe(0);
    expect(lit.edges.size).toBe(0);
  });

  test('a request that stops at the gateway (no route) lights the chain up to the VirtualService only', () => {
    const lit = tracePath(graph, {
      gateway: 'Gateway/web/gw',
      virtualService: 'VirtualService/web/shop',
      rule: null,
    });
    expect(lit.nodes).toContain('virtualService:VirtualService/web/shop');
    expect([...lit.nodes].some((id) => id.startsWith('route:'))).toBe(false);
  });
});

describe('tracePath lights the pods that receive the request', () => {
  test('on the example, a request to the bare myapp Service lights both of its pods, through its subsets', () => {
    const workspace = loadWorkspace(EXAMPLE);
    const simulation = simulated(workspace, { url: 'http://myapp.example.com/myapp/api' });
    const lit = tracePath(deriveGraph(workspace), simulation);
    expect(lit.nodes).toContain('pods:Deployment/default/myapp-v1');
    expect(lit.nodes).toContain('pods:Deployment/default/myapp-v2');
    expect(lit.nodes).toContain('subset:DestinationRule/default/myapp:v1');
  });

  test('a destination Envoy has no endpoints for lights its subset but no pods', () => {
    const lit = tracePath(shopGraph, {
      gateway: 'Gateway/web/gw',
      virtualService: 'VirtualService/web/shop',
      rule: { section: 'http', index: 0 },
      destinations: [{ host: apiHost, subset: 'v1', probability: 1, pods: [], endpoints: 'none' }],
    });
    expect(lit.nodes).toContain('subset:DestinationRule/web/api:v1');
    expect([...lit.nodes].filter((id) => id.startsWith('pods:'))).toEqual([]);
  });
});
