import type { GraphNode } from '../graph/types.ts';
import { dedent } from '../testing/dedent.ts';

/**
 * Inline Gateway API manifests for the form tests (our own, shaped like the Gateway API's
 * conformance fixtures and Istio's samples), and the nodes the graph draws for them, written
 * out so the forms are tested whatever the graph draws today.
 */

export const K8S_GATEWAY_ID = 'Gateway.gateway.networking.k8s.io/infra/shop';
export const HTTP_ROUTE_ID = 'HTTPRoute/web/shop';

export const GATEWAY_API = dedent`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata:
    name: shop
    namespace: infra
  spec:
    gatewayClassName: istio
    listeners:
    - name: http
      port: 80
      protocol: HTTP
      hostname: "*.example.com"
      allowedRoutes:
        namespaces:
          from: All
    - name: https
      port: 443
      protocol: HTTPS
      tls:
        mode: Terminate
        certificateRefs:
        - name: shop-credential
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata:
    name: shop
    namespace: web
  spec:
    parentRefs:
    - name: shop
      namespace: infra
      sectionName: http
    hostnames:
    - shop.example.com
    rules:
    - name: api  # the API first
      matches:
      - path:
          type: PathPrefix
          value: /api
        headers:
        - name: x-canary
          value: "true"
      filters:
      - type: RequestHeaderModifier
        requestHeaderModifier:
          set:
          - name: x-from
            value: gateway
      backendRefs:
      - name: api
        port: 8080
        weight: 90
      - name: api-canary
        port: 8080
        weight: 10
      timeouts:
        request: 10s
    - backendRefs:
      - name: web
        port: 80
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: GRPCRoute
  metadata:
    name: greeter
    namespace: web
  spec:
    parentRefs:
    - name: shop
      namespace: infra
    rules:
    - matches:
      - method:
          service: helloworld.Greeter
          method: SayHello
      backendRefs:
      - name: greeter
        port: 50051
  ---
  apiVersion: gateway.networking.k8s.io/v1alpha2
  kind: TCPRoute
  metadata:
    name: echo
    namespace: infra
  spec:
    parentRefs:
    - name: shop
    rules:
    - backendRefs:
      - name: tcp-echo
        port: 9000
  ---
  apiVersion: gateway.networking.k8s.io/v1beta1
  kind: ReferenceGrant
  metadata:
    name: routes-to-web
    namespace: web
  spec:
    from:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      namespace: infra
    to:
    - group: ""
      kind: Service
`;

function node(kind: GraphNode['kind'], resource: string, path?: (string | number)[]): GraphNode {
  const id = `${kind}:${resource}${path ? `:${path.slice(1).join('.')}` : ''}`;
  return { id, kind, label: id, resource, parent: null, ...(path ? { path } : {}) };
}

export const GATEWAY_NODE = node('gateway', K8S_GATEWAY_ID);
export const listenerNode = (i: number) =>
  node('listener', K8S_GATEWAY_ID, ['spec', 'listeners', i]);
export const ROUTE_NODE = node('httpRoute', HTTP_ROUTE_ID);
export const ruleNode = (i: number, resource = HTTP_ROUTE_ID) => ({
  ...node('route', resource, ['spec', 'rules', i]),
  section: 'rules' as const,
  index: i,
});
export const GRPC_RULE = ruleNode(0, 'GRPCRoute/web/greeter');
export const TCP_ROUTE_NODE = node('tcpRoute', 'TCPRoute/infra/echo');
export const TCP_RULE = ruleNode(0, 'TCPRoute/infra/echo');
export const GRANT_NODE = node('gateway', 'ReferenceGrant/web/routes-to-web');
