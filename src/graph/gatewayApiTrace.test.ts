import { describe, expect, test } from 'vitest';
import { BOOKINFO_GATEWAY, TCP_ECHO } from '../testing/gatewayApiSamples.ts';
import { graphOf, yaml } from '../testing/graphs.ts';
import { simulated } from '../testing/simulated.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';
import { type TracedRequest, tracePath } from './tracePath.ts';

const GW = 'Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway';
const LB = 'loadBalancer:implied:Service/shop/bookinfo-gateway-istio';
const PODS = 'gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio';
const LISTENER = `listener:${GW}:listeners[0]`;
const ROUTE = 'httpRoute:HTTPRoute/shop/bookinfo';
const RULE = 'route:HTTPRoute/shop/bookinfo:rules[0]';
const PRODUCTPAGE = 'service:productpage.shop.svc.cluster.local';

/** What the simulator answers for GET /productpage (CONTRACT section 4), written by hand. */
const productpage: TracedRequest = {
  gateway: GW,
  listener: { index: 0 },
  httpRoute: 'HTTPRoute/shop/bookinfo',
  virtualService: null,
  rule: { section: 'rules', index: 0 },
  destinations: [{ host: 'productpage.shop.svc.cluster.local', probability: 1 }],
};

describe('tracePath through Gateway API routes', () => {
  test('lights client → LB → pods → Gateway → listener → route → rule → service → pods', () => {
    const lit = tracePath(graphOf(BOOKINFO_GATEWAY), productpage);
    expect([...lit.nodes].sort()).toEqual(
      [
        'client',
        LB,
        PODS,
        `gateway:${GW}`,
        LISTENER,
        ROUTE,
        RULE,
        PRODUCTPAGE,
        'pods:Deployment/shop/productpage-v1',
      ].sort(),
    );
    expect([...lit.edges.keys()].sort()).toEqual(
      [
        `flow:client->${LB}`,
        `flow:${LB}->${PODS}`,
        `flow:${PODS}->gateway:${GW}`,
        `listener:gateway:${GW}->${LISTENER}`,
        `bind:${LISTENER}->${ROUTE}`,
        `route:${RULE}:backendRefs[0]`,
        `select:${PRODUCTPAGE}->pods:Deployment/shop/productpage-v1`,
      ].sort(),
    );
  });

  test('a weighted split lights each backend with its share', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY,
      yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: canary, namespace: shop }
        spec:
          parentRefs: [{ name: bookinfo-gateway }]
          rules:
            - backendRefs:
                - { name: reviews-v1, port: 9080, weight: 3 }
                - { name: reviews-v2, port: 9080, weight: 1 }
      `,
    );
    const lit = tracePath(graph, {
      ...productpage,
      httpRoute: 'HTTPRoute/shop/canary',
      destinations: [
        { host: 'reviews-v1.shop.svc.cluster.local', probability: 0.75 },
        { host: 'reviews-v2.shop.svc.cluster.local', probability: 0.25 },
      ],
    });
    const rule = 'route:HTTPRoute/shop/canary:rules[0]';
    expect(lit.edges.get(`route:${rule}:backendRefs[0]`)).toBe(0.75);
    expect(lit.edges.get(`route:${rule}:backendRefs[1]`)).toBe(0.25);
    expect(lit.nodes.has(ROUTE)).toBe(false);
  });

  test('no rule matched (404): the chain and the listener light, no route', () => {
    const lit = tracePath(graphOf(BOOKINFO_GATEWAY), {
      gateway: GW,
      listener: { index: 0 },
      virtualService: null,
      rule: null,
      destinations: [],
    });
    expect(lit.nodes.has(LISTENER)).toBe(true);
    expect(lit.nodes.has(ROUTE)).toBe(false);
    expect(lit.edges.has(`listener:gateway:${GW}->${LISTENER}`)).toBe(true);
  });

  test('a TCP connection lights the TCPRoute and its backend', () => {
    const gateway = 'Gateway.gateway.networking.k8s.io/echo/tcp-echo-gateway';
    const lit = tracePath(graphOf(TCP_ECHO), {
      gateway,
      listener: { index: 0 },
      httpRoute: 'TCPRoute/echo/tcp-echo',
      virtualService: null,
      rule: { section: 'rules', index: 0 },
      destinations: [{ host: 'tcp-echo-v1.echo.svc.cluster.local', probability: 1 }],
    });
    expect(lit.nodes).toContain('tcpRoute:TCPRoute/echo/tcp-echo');
    expect(lit.nodes).toContain('pods:Deployment/echo/tcp-echo-v1');
    expect(lit.nodes).not.toContain('service:tcp-echo-v2.echo.svc.cluster.local');
  });

  test('the simulator`s answers light the same path as the hand-written ones', () => {
    const workspace = loadWorkspace([{ name: 'a.yaml', text: BOOKINFO_GATEWAY }]);
    const graph = deriveGraph(workspace);
    const answer = simulated(workspace, { url: 'http://bookinfo.example.com/productpage' });
    expect(tracePath(graph, answer)).toEqual(tracePath(graph, productpage));
    // /x matches no rule: the gateway answers 404 from the listener.
    const miss = tracePath(graph, simulated(workspace, { url: 'http://bookinfo.example.com/x' }));
    expect(miss.nodes.has(LISTENER)).toBe(true);
    expect(miss.nodes.has(RULE)).toBe(false);
  });
});
