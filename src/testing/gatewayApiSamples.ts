import { dedent as yaml } from './dedent.ts';

/**
 * Gateway API workspaces shaped like Istio's samples (bookinfo, tcp-echo), written in our own
 * YAML for the graph's and the simulator's tests.
 */

/** Istio's bookinfo sample in the Gateway API, in our words: one HTTP listener, five matches. */
export const BOOKINFO_GATEWAY = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: { name: bookinfo-gateway, namespace: shop }
  spec:
    gatewayClassName: istio
    listeners:
      - name: http
        port: 80
        protocol: HTTP
        allowedRoutes: { namespaces: { from: Same } }
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: { name: bookinfo, namespace: shop }
  spec:
    parentRefs: [{ name: bookinfo-gateway }]
    rules:
      - matches:
          - path: { type: Exact, value: /productpage }
          - path: { type: PathPrefix, value: /static }
          - path: { type: Exact, value: /login }
          - path: { type: Exact, value: /logout }
          - path: { type: PathPrefix, value: /api/v1/products }
        backendRefs: [{ name: productpage, port: 9080 }]
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: productpage, namespace: shop }
  spec:
    selector: { app: productpage }
    ports: [{ port: 9080, name: http }]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: productpage-v1, namespace: shop }
  spec:
    template:
      metadata: { labels: { app: productpage, version: v1 } }
`;

/** Istio's tcp-echo sample's shape: a TCP listener and a TCPRoute bound to it by sectionName. */
export const TCP_ECHO = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: { name: tcp-echo-gateway, namespace: echo }
  spec:
    gatewayClassName: istio
    listeners:
      - name: tcp-31400
        protocol: TCP
        port: 31400
        allowedRoutes: { kinds: [{ kind: TCPRoute }] }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: tcp-echo-v1, namespace: echo }
  spec:
    selector: { app: tcp-echo, version: v1 }
    ports: [{ port: 9000, name: tcp }]
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: tcp-echo-v2, namespace: echo }
  spec:
    selector: { app: tcp-echo, version: v2 }
    ports: [{ port: 9000, name: tcp }]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: tcp-echo-v1, namespace: echo }
  spec:
    template:
      metadata: { labels: { app: tcp-echo, version: v1 } }
  ---
  apiVersion: gateway.networking.k8s.io/v1alpha2
  kind: TCPRoute
  metadata: { name: tcp-echo, namespace: echo }
  spec:
    parentRefs: [{ name: tcp-echo-gateway, sectionName: tcp-31400 }]
    rules:
      - backendRefs: [{ name: tcp-echo-v1, port: 9000 }]
`;
