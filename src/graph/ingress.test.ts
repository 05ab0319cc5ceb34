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

/** Two Gateways: `shop-gw` on its own pods, `public-gw` on Istio's default ingress. */
const MULTI = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: shop-gw, namespace: shop-ingress }
  spec:
    selector: { app: shop-gateway }
    servers: [{ port: { number: 443, name: https, protocol: HTTPS }, hosts: [shop.example.com] }]
  ---
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: public-gw, namespace: istio-system }
  spec:
    selector: { istio: ingressgateway }
    servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: shop-gateway, namespace: shop-ingress }
  spec:
    template:
      metadata: { labels: { app: shop-gateway, istio: shop } }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: shop-gateway, namespace: shop-ingress }
  spec:
    type: LoadBalancer
    selector: { app: shop-gateway }
    ports: [{ port: 443, name: https }]
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: shop-gateway-internal, namespace: shop-ingress }
  spec:
    selector: { app: shop-gateway }
    ports: [{ port: 15021, name: status }]
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: { name: shop-gateway, namespace: shop-ingress }
  spec:
    scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: shop-gateway }
    minReplicas: 2
    maxReplicas: 5
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: { name: shop-gateway, namespace: shop-ingress }
  spec:
    minAvailable: 1
    selector: { matchLabels: { app: shop-gateway } }
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: { name: ratelimit, namespace: shop-ingress }
  spec:
    workloadSelector: { labels: { istio: shop } }
    configPatches: []
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: { name: mesh-wide, namespace: istio-system }
  spec:
    configPatches: []
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: { name: other-app, namespace: shop-ingress }
  spec:
    workloadSelector: { labels: { app: something-else } }
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: { name: not-root, namespace: elsewhere }
  spec:
    configPatches: []
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: { name: ingressgateway, namespace: istio-system }
  spec:
    selector: { matchLabels: { app: istio-ingressgateway } }
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: { name: istio-ingressgateway, namespace: istio-system }
  spec:
    scaleTargetRef: { kind: Deployment, name: istio-ingressgateway }
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: shop, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [shop-ingress/shop-gw, istio-system/public-gw, mesh, istio-system/missing-gw]
    http: [{ route: [{ destination: { host: shop } }] }]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: per-match, namespace: web }
  spec:
    hosts: [shop.example.com]
    http:
      - match: [{ gateways: [istio-system/public-gw] }, { gateways: [istio-system/public-gw, mesh] }]
        route: [{ destination: { host: shop } }]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: mesh-only, namespace: web }
  spec:
    hosts: [shop]
    gateways: [mesh]
    http: [{ route: [{ destination: { host: shop } }] }]
`;

const SHOP_GW = 'gateway:Gateway/shop-ingress/shop-gw';
const PUBLIC_GW = 'gateway:Gateway/istio-system/public-gw';
const SHOP_PODS = 'gatewayWorkload:Deployment/shop-ingress/shop-gateway';
const SHOP_LB = 'loadBalancer:Service/shop-ingress/shop-gateway';
const DEFAULT_PODS = 'gatewayWorkload:implied:istio-system/istio-ingressgateway';
const DEFAULT_LB = 'loadBalancer:implied:Service/istio-system/istio-ingressgateway';

describe('two gateways', () => {
  const graph = graphOf(MULTI);

  test('keeps the invariants', () => {
    expect(invariantProblems(graph)).toEqual([]);
  });

  test('each Gateway has a complete chain from the one client', () => {
    expect(nodeIds(graph, 'client')).toEqual(['client']);
    expect(edgeList(graph, 'flow')).toEqual([
      `client -> ${SHOP_LB}`,
      `${SHOP_LB} -> ${SHOP_PODS}`,
      `${SHOP_PODS} -> ${SHOP_GW}`,
      `client -> ${DEFAULT_LB}`,
      `${DEFAULT_LB} -> ${DEFAULT_PODS}`,
      `${DEFAULT_PODS} -> ${PUBLIC_GW}`,
    ]);
    expect(node(graph, SHOP_PODS)).toMatchObject({
      kind: 'gatewayWorkload',
      label: 'shop-gateway',
      resource: 'Deployment/shop-ingress/shop-gateway',
    });
    expect(node(graph, SHOP_LB)).toMatchObject({ resource: 'Service/shop-ingress/shop-gateway' });
  });

  test('gateway pods and their load balancer are not drawn as pods or services', () => {
    expect(nodeIds(graph, 'pods')).toEqual([]);
    expect(node(graph, 'service:shop-gateway.shop-ingress.svc.cluster.local')).toBeUndefined();
    // A ClusterIP Service in front of the gateway pods is a service, selecting no app pods.
    const internal = 'service:shop-gateway-internal.shop-ingress.svc.cluster.local';
    expect(node(graph, internal)).toBeDefined();
    expect(edgesFrom(graph, internal)).toEqual([]);
  });

  test('autoscaler, budget and filters attach to the gateway pods they shape', () => {
    expect(edgeList(graph, 'attach')).toEqual([
      `${SHOP_PODS} -> autoscaler:HorizontalPodAutoscaler/shop-ingress/shop-gateway`,
      `${SHOP_PODS} -> disruptionBudget:PodDisruptionBudget/shop-ingress/shop-gateway`,
      `${SHOP_PODS} -> envoyFilter:EnvoyFilter/shop-ingress/ratelimit`,
      `${SHOP_PODS} -> envoyFilter:EnvoyFilter/istio-system/mesh-wide`,
      `${DEFAULT_PODS} -> autoscaler:HorizontalPodAutoscaler/istio-system/istio-ingressgateway`,
      `${DEFAULT_PODS} -> disruptionBudget:PodDisruptionBudget/istio-system/ingressgateway`,
      `${DEFAULT_PODS} -> envoyFilter:EnvoyFilter/istio-system/mesh-wide`,
    ]);
    expect(node(graph, 'autoscaler:HorizontalPodAutoscaler/shop-ingress/shop-gateway')).toEqual({
      id: 'autoscaler:HorizontalPodAutoscaler/shop-ingress/shop-gateway',
      kind: 'autoscaler',
      label: 'shop-gateway',
      resource: 'HorizontalPodAutoscaler/shop-ingress/shop-gateway',
      parent: null,
    });
    expect(node(graph, 'envoyFilter:EnvoyFilter/shop-ingress/other-app')).toBeUndefined();
  });

  test('binds by ns/name and per-match gateways; mesh and missing Gateways give no edge', () => {
    expect(edgeList(graph, 'bind')).toEqual([
      `${SHOP_GW} -> virtualService:VirtualService/web/shop`,
      `${PUBLIC_GW} -> virtualService:VirtualService/web/shop`,
      `${PUBLIC_GW} -> virtualService:VirtualService/web/per-match`,
    ]);
    expect(node(graph, 'virtualService:VirtualService/web/mesh-only')).toBeDefined();
  });

  test('a bind edge says every place that writes it, so deleting it can remove them all', () => {
    const perMatch = graph.edges.find(
      (e) => e.kind === 'bind' && e.target === 'virtualService:VirtualService/web/per-match',
    );
    expect(perMatch?.origin).toEqual({
      resource: 'VirtualService/web/per-match',
      paths: [
        ['spec', 'http', 0, 'match', 0, 'gateways', 0],
        ['spec', 'http', 0, 'match', 1, 'gateways', 0],
      ],
    });
    const shop = graph.edges.find((e) => e.kind === 'bind' && e.source === SHOP_GW);
    expect(shop?.origin?.paths).toEqual([['spec', 'gateways', 0]]);
  });
});

describe('a Gateway without a selector', () => {
  const APP = yaml`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: { name: any-gw, namespace: web }
    spec:
      servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web-v1, namespace: web }
    spec:
      template:
        metadata: { labels: { app: web, version: v1 } }
  `;

  test('is drawn on the default ingress gateway, and application pods stay application pods', () => {
    const graph = graphOf(APP);
    expect(edgeList(graph, 'flow')).toContain(
      'gatewayWorkload:implied:istio-system/istio-ingressgateway -> gateway:Gateway/web/any-gw',
    );
    expect(node(graph, 'pods:Deployment/web/web-v1')?.kind).toBe('pods');
    expect(nodeIds(graph, 'gatewayWorkload')).toEqual([
      'gatewayWorkload:implied:istio-system/istio-ingressgateway',
    ]);
  });

  test('joins the gateway pods that other Gateways select', () => {
    const graph = graphOf(MULTI, APP);
    expect(
      edgesFrom(graph, 'gatewayWorkload:Deployment/shop-ingress/shop-gateway', 'flow').map(
        (e) => e.target,
      ),
    ).toContain('gateway:Gateway/web/any-gw');
    expect(invariantProblems(graph)).toEqual([]);
  });
});
