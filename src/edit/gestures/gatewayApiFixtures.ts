import { listenerNodeId, resourceNodeId, routeNodeId, serviceNodeId } from '../../graph/ids.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { serviceFqdn } from '../../model/hosts.ts';
import { dedent } from '../../testing/dedent.ts';

/**
 * The Gateway API workspace the gesture tests start from (not a test file itself): a shared
 * Gateway in `infra` with HTTP, HTTPS and TCP listeners, a route attached to one listener with a
 * comment and a lone backend, a route attached to nothing with a 90/10 split and a redirect
 * rule, a TCPRoute, and Services in the routes' namespace and in another one.
 */
export const GATEWAY_API = dedent`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata:
    name: gw
    namespace: infra
  spec:
    gatewayClassName: istio
    listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces: {from: All}
    - name: https
      hostname: "*.example.com"
      port: 443
      protocol: HTTPS
      tls:
        certificateRefs:
        - name: wildcard-cert
      allowedRoutes:
        namespaces: {from: All}
    - name: tcp
      port: 9000
      protocol: TCP
  ---
  # The shop: every path to web.
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata:
    name: shop
    namespace: web
  spec:
    parentRefs:
    - name: gw
      namespace: infra
      sectionName: http
    hostnames: [shop.example.com]
    rules:
    - name: all
      backendRefs:
      - name: web
        port: 80 # the Service's http port
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata:
    name: api
    namespace: web
  spec:
    hostnames: [api.example.com]
    rules:
    - matches:
      - path: {type: PathPrefix, value: /v1}
      backendRefs:
      - name: api
        port: 80
        weight: 90
      - name: web
        port: 80
        weight: 10
    - filters:
      - type: RequestRedirect
        requestRedirect: {scheme: https, statusCode: 301}
  ---
  apiVersion: gateway.networking.k8s.io/v1alpha2
  kind: TCPRoute
  metadata:
    name: db
    namespace: infra
  spec:
    rules:
    - backendRefs:
      - name: db
        port: 5432
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: web
  spec:
    selector: {app: web}
    ports:
    - {name: http, port: 80, targetPort: 8080}
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: api
    namespace: web
  spec:
    selector: {app: api}
    ports:
    - {name: grpc, port: 9090}
    - {name: http-api, port: 8080}
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: ratings
    namespace: shared
  spec:
    selector: {app: ratings}
    ports:
    - {name: http, port: 9080}
`;

const GW = `${K8S_GATEWAY}/infra/gw`;

/** Node ids of GATEWAY_API, as `src/graph/ids.ts` forms them. */
export const API_IDS = {
  gateway: resourceNodeId('gateway', GW),
  http: listenerNodeId(GW, 0),
  https: listenerNodeId(GW, 1),
  tcp: listenerNodeId(GW, 2),
  shop: resourceNodeId('httpRoute', 'HTTPRoute/web/shop'),
  api: resourceNodeId('httpRoute', 'HTTPRoute/web/api'),
  dbRoute: resourceNodeId('tcpRoute', 'TCPRoute/infra/db'),
  shopAll: routeNodeId('HTTPRoute/web/shop', 'rules', 0),
  apiV1: routeNodeId('HTTPRoute/web/api', 'rules', 0),
  apiRedirect: routeNodeId('HTTPRoute/web/api', 'rules', 1),
  dbRule: routeNodeId('TCPRoute/infra/db', 'rules', 0),
  web: serviceNodeId(serviceFqdn('web', 'web')),
  apiService: serviceNodeId(serviceFqdn('api', 'web')),
  ratings: serviceNodeId(serviceFqdn('ratings', 'shared')),
  db: serviceNodeId(serviceFqdn('db', 'infra')),
} as const;

/** An Istio Gateway (and a VirtualService bound to it) named `name` in `infra`, beside GATEWAY_API. */
export function istioNeighbours(name: string): string {
  return dedent`
    ---
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: {name: ${name}, namespace: infra}
    spec:
      selector: {istio: ingressgateway}
      servers:
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: [legacy.example.com]
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: legacy, namespace: infra}
    spec:
      hosts: [legacy.example.com]
      gateways: [infra/${name}]
      http:
      - route:
        - destination: {host: web.web.svc.cluster.local}
  `;
}
