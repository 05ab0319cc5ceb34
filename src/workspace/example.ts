import type { SourceText } from './workspace.ts';

/**
 * The design a first visit opens: one app behind Istio's ingress gateway, with every part of
 * the path present (load balancer, autoscaled gateway pods with a disruption budget, Gateway,
 * route, subsets, pods), so the whole request path shows at once.
 */
export const EXAMPLE_FILE_NAME = 'myapp.yaml';

export const EXAMPLE_YAML = `# Istio Designer example: myapp behind the ingress gateway.
# Edit the YAML or the graph; each follows the other.
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: my-gateway
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
    - myapp.example.com
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: myapp
  namespace: default
spec:
  hosts:
  - myapp.example.com
  gateways:
  - istio-system/my-gateway
  http:
  - name: myapp
    # No rewrite: a prefix /myapp rewritten to / would send /myapp/api as //api.
    match:
    - uri:
        prefix: /myapp
    route:
    - destination:
        host: myapp
        port:
          number: 8080
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: myapp
  namespace: default
spec:
  host: myapp
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
  name: myapp
  namespace: default
spec:
  selector:
    app: myapp
  ports:
  - name: http
    port: 8080
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp-v1
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: myapp, version: v1}
  template:
    metadata:
      labels: {app: myapp, version: v1}
    spec:
      containers:
      - name: myapp
        image: example/myapp:1.0
        ports:
        - containerPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp-v2
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels: {app: myapp, version: v2}
  template:
    metadata:
      labels: {app: myapp, version: v2}
    spec:
      containers:
      - name: myapp
        image: example/myapp:2.0
        ports:
        - containerPort: 8080
---
# The ingress gateway's operations side: its external load balancer, autoscaler and budget.
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
    targetPort: 80
  - name: https
    port: 443
    targetPort: 443
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
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
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
`;

export const EXAMPLE: readonly SourceText[] = [{ name: EXAMPLE_FILE_NAME, text: EXAMPLE_YAML }];
