import { describe, expect, test } from 'vitest';
import { BOOKINFO_GATEWAY } from '../testing/gatewayApiSamples.ts';
import { edgeList, graphOf, invariantProblems, node, nodeIds, yaml } from '../testing/graphs.ts';

const GW = 'Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway';
const GW_NODE = `gateway:${GW}`;

describe('Gateway API ingress chain', () => {
  test('a Gateway of class istio is fronted by what Istio creates for it, implied when absent', () => {
    const graph = graphOf(BOOKINFO_GATEWAY);
    expect(invariantProblems(graph)).toEqual([]);
    const lb = 'loadBalancer:implied:Service/shop/bookinfo-gateway-istio';
    const pods = 'gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio';
    expect(edgeList(graph, 'flow')).toEqual([
      `client -> ${lb}`,
      `${lb} -> ${pods}`,
      `${pods} -> ${GW_NODE}`,
    ]);
    expect(node(graph, lb)).toMatchObject({
      implied: true,
      label:
        'bookinfo-gateway-istio (LoadBalancer Service; created by Istio for Gateway bookinfo-gateway)',
      // status-port, then one port per listener port, each to the same port on the pods.
      ports: [
        { port: 15021, targetPort: 15021 },
        { port: 80, targetPort: 80 },
      ],
    });
    expect(node(graph, pods)?.label).toBe('bookinfo-gateway-istio (pods created by Istio)');
    expect(node(graph, GW_NODE)).toMatchObject({
      kind: 'gateway',
      resource: GW,
      label: 'bookinfo-gateway',
    });
  });

  test('each listener is a row of its Gateway, written at spec.listeners[i]', () => {
    const graph = graphOf(BOOKINFO_GATEWAY);
    expect(nodeIds(graph, 'listener')).toEqual([`listener:${GW}:listeners[0]`]);
    expect(node(graph, `listener:${GW}:listeners[0]`)).toMatchObject({
      label: 'http',
      parent: GW_NODE,
      resource: GW,
      path: ['spec', 'listeners', 0],
    });
    expect(edgeList(graph, 'listener')).toEqual([`${GW_NODE} -> listener:${GW}:listeners[0]`]);
  });

  test('the workspace`s own <name>-istio Service and labelled pods are the chain, not app nodes', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY,
      yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: bookinfo-gateway-istio, namespace: shop }
        spec:
          type: LoadBalancer
          selector: { gateway.networking.k8s.io/gateway-name: bookinfo-gateway }
          ports: [{ port: 80, name: http }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bookinfo-gateway-istio, namespace: shop }
        spec:
          template:
            metadata: { labels: { gateway.networking.k8s.io/gateway-name: bookinfo-gateway } }
      `,
    );
    const lb = 'loadBalancer:Service/shop/bookinfo-gateway-istio';
    const pods = 'gatewayWorkload:Deployment/shop/bookinfo-gateway-istio';
    expect(edgeList(graph, 'flow')).toEqual([
      `client -> ${lb}`,
      `${lb} -> ${pods}`,
      `${pods} -> ${GW_NODE}`,
    ]);
    expect(node(graph, lb)?.ports).toEqual([{ port: 80, targetPort: 80 }]);
    expect(nodeIds(graph, 'service')).toEqual(['service:productpage.shop.svc.cluster.local']);
    expect(nodeIds(graph, 'pods')).toEqual(['pods:Deployment/shop/productpage-v1']);
  });

  test('a ClusterIP service type still draws the chain and says there is no external balancer', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY.replace(
        'name: bookinfo-gateway, namespace: shop }',
        'name: bookinfo-gateway, namespace: shop, annotations: { networking.istio.io/service-type: ClusterIP } }',
      ),
    );
    const lb = node(graph, 'loadBalancer:implied:Service/shop/bookinfo-gateway-istio');
    expect(lb?.label).toBe(
      'bookinfo-gateway-istio (ClusterIP: no external load balancer; created by Istio for Gateway bookinfo-gateway)',
    );
    expect(edgeList(graph, 'flow')).toHaveLength(3);
  });

  test('a manual deployment uses the Service its Hostname address names and the pods it selects', () => {
    const graph = graphOf(yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: { name: edge, namespace: infra }
      spec:
        gatewayClassName: istio
        addresses: [{ type: Hostname, value: ingress.infra.svc.cluster.local }]
        listeners: [{ name: http, port: 80, protocol: HTTP }]
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: ingress, namespace: infra }
      spec:
        type: LoadBalancer
        selector: { istio: edge }
        ports: [{ port: 80, targetPort: 8080, name: http }]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ingress, namespace: infra }
      spec:
        template:
          metadata: { labels: { istio: edge } }
    `);
    expect(edgeList(graph, 'flow')).toEqual([
      'client -> loadBalancer:Service/infra/ingress',
      'loadBalancer:Service/infra/ingress -> gatewayWorkload:Deployment/infra/ingress',
      'gatewayWorkload:Deployment/infra/ingress -> gateway:Gateway.gateway.networking.k8s.io/infra/edge',
    ]);
    expect(node(graph, 'loadBalancer:Service/infra/ingress')?.ports).toEqual([
      { port: 80, targetPort: 8080 },
    ]);
    expect(nodeIds(graph, 'pods')).toEqual([]);
  });

  test('a manual deployment whose Service is not in the workspace draws implied stand-ins', () => {
    const graph = graphOf(yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: { name: edge, namespace: infra }
      spec:
        gatewayClassName: istio
        addresses: [{ type: Hostname, value: ingress }]
        listeners: [{ name: http, port: 80, protocol: HTTP }]
    `);
    expect(node(graph, 'loadBalancer:implied:Service/infra/ingress')?.label).toBe(
      'ingress (not in this workspace)',
    );
    expect(edgeList(graph, 'flow')).toHaveLength(3);
  });

  test('a Gateway of a class Istio does not control is drawn with its routes but no chain', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY.replace('gatewayClassName: istio', 'gatewayClassName: other-vendor'),
    );
    expect(invariantProblems(graph)).toEqual([]);
    expect(nodeIds(graph, 'gateway')).toEqual([GW_NODE]);
    expect(edgeList(graph, 'flow')).toEqual([]);
    expect(nodeIds(graph, 'loadBalancer')).toEqual([]);
    expect(edgeList(graph, 'bind')).toEqual([
      `listener:${GW}:listeners[0] -> httpRoute:HTTPRoute/shop/bookinfo`,
    ]);
  });

  test('an autoscaler of the generated Deployment hangs off the gateway pods', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY,
      yaml`
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: bookinfo-gateway-istio, namespace: shop }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: bookinfo-gateway-istio }
          maxReplicas: 4
      `,
    );
    expect(edgeList(graph, 'attach')).toEqual([
      'gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio -> autoscaler:HorizontalPodAutoscaler/shop/bookinfo-gateway-istio',
    ]);
  });

  test('both APIs in one workspace: each Gateway keeps its own chain', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY,
      yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: { name: bookinfo-gateway, namespace: shop }
        spec:
          selector: { istio: ingressgateway }
          servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
      `,
    );
    expect(invariantProblems(graph)).toEqual([]);
    expect(nodeIds(graph, 'gateway')).toEqual(['gateway:Gateway/shop/bookinfo-gateway', GW_NODE]);
    expect(nodeIds(graph, 'gatewayWorkload')).toHaveLength(2);
  });
});
