/**
 * Workspaces the size of Istio's Bookinfo, written for these tests: what a team imports on its
 * first day. A store front with four services, subsets per version, and their Deployments.
 */

function service(name: string, versions: readonly string[]): string {
  const deployments = versions
    .map(
      (v) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${v}
  namespace: bookstore
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}, version: ${v}}
  template:
    metadata:
      labels: {app: ${name}, version: ${v}}
    spec:
      containers:
      - name: ${name}
        image: example/${name}:${v}
`,
    )
    .join('');
  const subsets = versions.map((v) => `  - name: ${v}\n    labels: {version: ${v}}\n`).join('');
  return `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: bookstore
spec:
  selector: {app: ${name}}
  ports:
  - {name: http, port: 9080}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: bookstore
spec:
  host: ${name}
  subsets:
${subsets}${deployments}`;
}

/** Gateway, one VirtualService with five rules, four services with subsets, six Deployments. */
export const BOOKSTORE_YAML = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: bookstore-gateway
  namespace: bookstore
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [books.example.com]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: bookstore
  namespace: bookstore
spec:
  hosts: [books.example.com]
  gateways: [bookstore-gateway]
  http:
  - name: storefront
    match:
    - uri: {exact: /store}
    - uri: {prefix: /static/}
    route:
    - destination: {host: storefront, subset: v1, port: {number: 9080}}
  - name: reviews-beta
    match:
    - headers:
        x-beta: {exact: "1"}
      uri: {prefix: /api/reviews}
    route:
    - destination: {host: reviews, subset: v3, port: {number: 9080}}
  - name: reviews
    match:
    - uri: {prefix: /api/reviews}
    route:
    - destination: {host: reviews, subset: v1, port: {number: 9080}}
      weight: 80
    - destination: {host: reviews, subset: v2, port: {number: 9080}}
      weight: 20
  - name: ratings
    match:
    - uri: {prefix: /api/ratings}
    route:
    - destination: {host: ratings, subset: v1, port: {number: 9080}}
  - name: details
    route:
    - destination: {host: details, subset: v1, port: {number: 9080}}
${service('storefront', ['v1'])}${service('reviews', ['v1', 'v2', 'v3'])}${service('ratings', ['v1'])}${service('details', ['v1'])}`;

/**
 * Far more than a pane can show readably: `count` hosts, each with its own VirtualService,
 * DestinationRule, Service and Deployment behind one Gateway.
 */
export function manyHostsYaml(count: number): string {
  const parts = [
    `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: apps
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*.example.com"]
`,
  ];
  for (let i = 0; i < count; i++)
    parts.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: app${i}
  namespace: apps
spec:
  hosts: [app${i}.example.com]
  gateways: [edge]
  http:
  - route:
    - destination: {host: app${i}, port: {number: 80}}
---
apiVersion: v1
kind: Service
metadata:
  name: app${i}
  namespace: apps
spec:
  selector: {app: app${i}}
  ports:
  - {name: http, port: 80}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app${i}
  namespace: apps
spec:
  selector:
    matchLabels: {app: app${i}}
  template:
    metadata:
      labels: {app: app${i}}
    spec:
      containers:
      - {name: app, image: example/app}
`);
  return parts.join('---\n');
}
