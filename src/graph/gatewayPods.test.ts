import { describe, expect, test } from 'vitest';
import { edgeList, graphOf, node, nodeIds, yaml } from '../testing/graphs.ts';

describe('gateway pods', () => {
  const gateway = (selector: string) => yaml`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: { name: gw, namespace: ns }
    spec:
      ${selector}
      servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
  `;

  test('a selector matching nothing gets an implied node for its labels', () => {
    const graph = graphOf(gateway('selector: { app: nowhere }'));
    expect(edgeList(graph, 'flow')).toEqual([
      'client -> loadBalancer:implied:labels:app=nowhere',
      'loadBalancer:implied:labels:app=nowhere -> gatewayWorkload:implied:labels:app=nowhere',
      'gatewayWorkload:implied:labels:app=nowhere -> gateway:Gateway/ns/gw',
    ]);
    expect(node(graph, 'gatewayWorkload:implied:labels:app=nowhere')).toMatchObject({
      implied: true,
      label: 'app=nowhere (implied)',
    });
  });

  test('pods in any namespace are matched, and shared by Gateways selecting them', () => {
    const graph = graphOf(
      gateway('selector: { istio: ingressgateway }'),
      yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: { name: gw2, namespace: other }
        spec:
          selector: { istio: ingressgateway }
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: gw-pod, namespace: gateways, labels: { istio: ingressgateway } }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: gw-np, namespace: gateways }
        spec: { type: NodePort, selector: { istio: ingressgateway } }
      `,
    );
    const pods = 'gatewayWorkload:Pod/gateways/gw-pod';
    expect(nodeIds(graph, 'gatewayWorkload')).toEqual([pods]);
    expect(edgeList(graph, 'flow')).toEqual([
      'client -> loadBalancer:Service/gateways/gw-np',
      `loadBalancer:Service/gateways/gw-np -> ${pods}`,
      `${pods} -> gateway:Gateway/ns/gw`,
      `${pods} -> gateway:Gateway/other/gw2`,
    ]);
  });

  test('an absent selector selects every workload; with none, the default ingress', () => {
    expect(nodeIds(graphOf(gateway('')), 'gatewayWorkload')).toEqual([
      'gatewayWorkload:implied:istio-system/istio-ingressgateway',
    ]);
  });

  test('the implied default picks up a Service installed for it', () => {
    const graph = graphOf(
      gateway('selector: { istio: ingressgateway }'),
      yaml`
        apiVersion: v1
        kind: Service
        metadata: { name: istio-ingressgateway, namespace: istio-system }
        spec:
          type: LoadBalancer
          selector: { app: istio-ingressgateway, istio: ingressgateway }
      `,
    );
    expect(edgeList(graph, 'flow')[0]).toBe(
      'client -> loadBalancer:Service/istio-system/istio-ingressgateway',
    );
  });
});
