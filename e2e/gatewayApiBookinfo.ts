/** Istio's bookinfo sample in the Gateway API, with the productpage Service and Deployment. */
export const BOOKINFO = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: bookinfo-gateway
  namespace: bookinfo
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: bookinfo
  namespace: bookinfo
spec:
  parentRefs:
  - name: bookinfo-gateway
  rules:
  - matches:
    - path: {type: Exact, value: /productpage}
    - path: {type: PathPrefix, value: /static}
    - path: {type: Exact, value: /login}
    - path: {type: Exact, value: /logout}
    - path: {type: PathPrefix, value: /api/v1/products}
    backendRefs:
    - name: productpage
      port: 9080
---
apiVersion: v1
kind: Service
metadata:
  name: productpage
  namespace: bookinfo
spec:
  selector: {app: productpage}
  ports:
  - name: http
    port: 9080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: productpage-v1
  namespace: bookinfo
spec:
  selector:
    matchLabels: {app: productpage, version: v1}
  template:
    metadata:
      labels: {app: productpage, version: v1}
    spec:
      containers:
      - name: productpage
        image: docker.io/istio/examples-bookinfo-productpage-v1:1.20.2
`;
