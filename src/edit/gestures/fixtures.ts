import { dedent } from '../../testing/dedent.ts';

/**
 * The workspace most gesture tests start from (not a test file itself): a shop behind an
 * ingress Gateway with a canary split, an API not yet bound to any Gateway, a delegate
 * VirtualService, a Gateway in another namespace, and the Services and pods they need.
 */
export const SHOP = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: shop-gw
    namespace: web
  spec:
    selector:
      istio: ingressgateway
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts:
      - shop.example.com
  ---
  # The shop: beta testers see v2, everyone else the canary split.
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop
    namespace: web
  spec:
    hosts:
    - shop.example.com
    gateways:
    - web/shop-gw
    http:
    - name: beta
      match:
      - headers:
          x-beta: {exact: "1"}
      route:
      - destination: {host: web, subset: v2}
    - name: all
      route:
      - destination: {host: web, subset: v1}
        weight: 90
      - destination: {host: web, subset: v2}
        weight: 10
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: api
    namespace: web
  spec:
    hosts:
    - api.example.com
    http:
    - name: api
      match:
      - uri: {prefix: /v1}
      route:
      - destination: {host: api, port: {number: 80}}
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: checkout
    namespace: web
  spec:
    http:
    - name: pay
      match:
      - uri: {prefix: /checkout/pay}
      route:
      - destination: {host: web, subset: v1}
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: web
    namespace: web
  spec:
    host: web
    subsets:
    - name: v1
      labels: {version: v1}
    - name: v2
      labels: {version: v2}
    - name: v3
      labels: {version: v3}
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
    - {name: http, port: 80, targetPort: 8080}
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: ratings
    namespace: shared
  spec:
    selector: {app: ratings}
    ports:
    - {name: http, port: 80}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web-v1, namespace: web}
  spec:
    selector: {matchLabels: {app: web, version: v1}}
    template:
      metadata: {labels: {app: web, version: v1}}
      spec: {containers: [{name: web, image: web:1}]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web-v2, namespace: web}
  spec:
    selector: {matchLabels: {app: web, version: v2}}
    template:
      metadata: {labels: {app: web, version: v2}}
      spec: {containers: [{name: web, image: web:2}]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web-v3, namespace: web}
  spec:
    selector: {matchLabels: {app: web, version: v3}}
    template:
      metadata: {labels: {app: web, version: v3}}
      spec: {containers: [{name: web, image: web:3}]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: web}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata: {labels: {app: api}}
      spec: {containers: [{name: api, image: api:1}]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ratings, namespace: shared}
  spec:
    selector: {matchLabels: {app: ratings}}
    template:
      metadata: {labels: {app: ratings}}
      spec: {containers: [{name: ratings, image: ratings:1}]}
`;

/** Node ids of SHOP, as `src/graph/ids.ts` forms them. */
export const IDS = {
  shopGateway: 'gateway:Gateway/web/shop-gw',
  shop: 'virtualService:VirtualService/web/shop',
  api: 'virtualService:VirtualService/web/api',
  checkout: 'virtualService:VirtualService/web/checkout',
  beta: 'route:VirtualService/web/shop:http[0]',
  all: 'route:VirtualService/web/shop:http[1]',
  apiRule: 'route:VirtualService/web/api:http[0]',
  pay: 'route:VirtualService/web/checkout:http[0]',
  web: 'service:web.web.svc.cluster.local',
  apiService: 'service:api.web.svc.cluster.local',
  ratings: 'service:ratings.shared.svc.cluster.local',
  v1: 'subset:DestinationRule/web/web:v1',
  v2: 'subset:DestinationRule/web/web:v2',
  v3: 'subset:DestinationRule/web/web:v3',
} as const;
