import { dedent } from '../testing/dedent.ts';

/**
 * Inline manifests for the form tests: a shop behind the ingress gateway, written as an expert
 * would (v1, explicit namespaces, named ports and rules), with a comment to prove it survives.
 */

export const GATEWAY_ID = 'Gateway/istio-system/shop-gateway';
export const VS_ID = 'VirtualService/shop/shop';
export const DR_ID = 'DestinationRule/shop/web';

export const SHOP = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: shop-gateway
    namespace: istio-system
  spec:
    selector:
      istio: ingressgateway
    servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
      - shop/shop.example.com
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop
    namespace: shop
  spec:
    hosts:
    - shop.example.com
    gateways:
    - istio-system/shop-gateway
    http:
    - name: api  # the API first
      match:
      - uri:
          prefix: /api
      route:
      - destination:
          host: web
          port:
            number: 8080
          subset: v1
        weight: 90
      - destination:
          host: web
          port:
            number: 8080
          subset: v2
        weight: 10
      timeout: 5s
    - name: site
      route:
      - destination:
          host: web
          port:
            number: 8080
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: web
    namespace: shop
  spec:
    host: web
    trafficPolicy:
      loadBalancer:
        simple: LEAST_REQUEST
    subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      app: web
    ports:
    - name: http
      port: 8080
      targetPort: 8080
`;

export const RULE_API = `route:${VS_ID}:http[0]`;
export const RULE_SITE = `route:${VS_ID}:http[1]`;
export const GATEWAY_NODE = `gateway:${GATEWAY_ID}`;
export const VS_NODE = `virtualService:${VS_ID}`;
export const DR_NODE_SUBSET_V1 = `subset:${DR_ID}:v1`;

export const OPERATIONS = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: shop-gateway
    namespace: istio-system
  spec:
    selector:
      istio: ingressgateway
    servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
      - "*"
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    type: LoadBalancer
    selector:
      istio: ingressgateway
    ports:
    - name: http2
      port: 80
      targetPort: 8080
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    selector:
      matchLabels:
        istio: ingressgateway
    template:
      metadata:
        labels:
          istio: ingressgateway
      spec:
        containers:
        - name: istio-proxy
          image: auto
          resources:
            requests:
              cpu: 100m
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: istio-ingressgateway
    minReplicas: 2
    maxReplicas: 5
    metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 80
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    minAvailable: 1
    selector:
      matchLabels:
        istio: ingressgateway
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata:
    name: ingress-local-ratelimit
    namespace: istio-system
  spec:
    workloadSelector:
      labels:
        istio: ingressgateway
    configPatches:
    - applyTo: HTTP_FILTER
      match:
        context: GATEWAY
        listener:
          filterChain:
            filter:
              name: envoy.filters.network.http_connection_manager
      patch:
        operation: INSERT_BEFORE
        value:
          name: envoy.filters.http.local_ratelimit
          typed_config:
            "@type": type.googleapis.com/udpa.type.v1.TypedStruct
            type_url: type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
            value:
              stat_prefix: http_local_rate_limiter
              token_bucket:
                max_tokens: 100
                tokens_per_fill: 100
                fill_interval: 60s
`;

export const LB_SERVICE = 'Service/istio-system/istio-ingressgateway';
export const GATEWAY_DEPLOYMENT = 'Deployment/istio-system/istio-ingressgateway';
export const HPA = 'HorizontalPodAutoscaler/istio-system/istio-ingressgateway';
export const PDB = 'PodDisruptionBudget/istio-system/istio-ingressgateway';
export const RATE_LIMIT = 'EnvoyFilter/istio-system/ingress-local-ratelimit';

/** Istio's global rate limit at the ingress gateway: the filter and the descriptor it sends. */
export const GLOBAL_RATE_LIMITS = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: shop-gateway
    namespace: istio-system
  spec:
    selector:
      istio: ingressgateway
    servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
      - "*"
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata:
    name: filter-ratelimit
    namespace: istio-system
  spec:
    workloadSelector:
      labels:
        istio: ingressgateway
    priority: 10
    configPatches:
    - applyTo: HTTP_FILTER
      match:
        context: GATEWAY
        listener:
          filterChain:
            filter:
              name: envoy.filters.network.http_connection_manager
              subFilter:
                name: envoy.filters.http.router
      patch:
        operation: INSERT_BEFORE
        value:
          name: envoy.filters.http.ratelimit
          typed_config:
            "@type": type.googleapis.com/envoy.extensions.filters.http.ratelimit.v3.RateLimit
            domain: ratelimit  # the ConfigMap's domain
            timeout: 1s
            rate_limit_service:
              grpc_service:
                envoy_grpc:
                  cluster_name: outbound|8081||ratelimit.default.svc.cluster.local
                  authority: ratelimit.default.svc.cluster.local
              transport_api_version: V3
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata:
    name: filter-ratelimit-svc
    namespace: istio-system
  spec:
    workloadSelector:
      labels:
        istio: ingressgateway
    configPatches:
    - applyTo: VIRTUAL_HOST
      match:
        context: GATEWAY
      patch:
        operation: MERGE
        value:
          rate_limits:
          - actions:
            - request_headers:
                header_name: ":path"
                descriptor_key: PATH
            - remote_address: {}
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata:
    name: local-ratelimit-typed-struct
    namespace: istio-system
  spec:
    workloadSelector:
      labels:
        istio: ingressgateway
    priority: 10
    configPatches:
    - applyTo: HTTP_FILTER
      match:
        context: GATEWAY
        listener:
          filterChain:
            filter:
              name: envoy.filters.network.http_connection_manager
              subFilter:
                name: envoy.filters.http.router
      patch:
        operation: INSERT_BEFORE
        value:
          name: envoy.filters.http.local_ratelimit
          typed_config:
            "@type": type.googleapis.com/udpa.type.v1.TypedStruct
            type_url: type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
            value:
              stat_prefix: http_local_rate_limiter
              token_bucket:
                max_tokens: 10
                fill_interval: 1s
`;

export const GLOBAL_FILTER = 'EnvoyFilter/istio-system/filter-ratelimit';
export const GLOBAL_ACTIONS = 'EnvoyFilter/istio-system/filter-ratelimit-svc';
export const TYPED_STRUCT_LIMIT = 'EnvoyFilter/istio-system/local-ratelimit-typed-struct';
