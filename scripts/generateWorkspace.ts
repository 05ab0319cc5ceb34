/** Team `i`'s Istio Gateway in `team-<i>`: one HTTPS server for `app-<i>.example.com`. */
function gatewayDoc(i: number): string {
  return `# team ${i} ingress
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw-${i}
  namespace: team-${i}
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts:
    - "app-${i}.example.com"
    tls:
      mode: SIMPLE
      credentialName: cert-${i}
`;
}

/**
 * Team `i`'s VirtualService, bound to its Gateway: a 90/10 split over the subsets and a
 * header-matched `/api` with rewrite, timeout and retries; with `health`, a third rule sending
 * an exact `/health` to v1 (the issue's "VirtualService with 3 rules").
 */
function virtualServiceDoc(i: number, health: boolean): string {
  const ns = `team-${i}`;
  const third = health
    ? `  - name: health-${i}
    match:
    - uri: {exact: /health}
    route:
    - destination: {host: svc-${i}, subset: v1}
`
    : '';
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: vs-${i}
  namespace: ${ns}
spec:
  hosts:
  - app-${i}.example.com
  gateways:
  - ${ns}/gw-${i}
  http:
${third}  - route:
    - destination:
        host: svc-${i}
        subset: v1
      weight: 90
    - destination:
        host: svc-${i}
        subset: v2
      weight: 10
  - name: api-${i}
    match:
    - uri:
        prefix: /api
      headers:
        x-beta: {exact: "true"}
    rewrite:
      uri: /
    timeout: 5s
    retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,reset"}
    route:
    - destination: {host: svc-${i}, subset: v2, port: {number: 8080}}
`;
}

/** Team `i`'s DestinationRule: subsets v1 and v2 of `svc-<i>`. */
function destinationRuleDoc(i: number): string {
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: dr-${i}
  namespace: team-${i}
spec:
  host: svc-${i}
  trafficPolicy:
    loadBalancer: {simple: LEAST_REQUEST}
  subsets:
  - name: v1
    labels: {app: svc-${i}, version: v1}
  - name: v2
    labels: {app: svc-${i}, version: v2}
`;
}

function serviceDoc(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: team-${i}
spec:
  selector:
    app: svc-${i}
  ports:
  - name: http
    port: 8080
    targetPort: 8080
`;
}

/** Team `i`'s Deployment of one version of `svc-<i>` (the pods a subset selects). */
function deploymentDoc(i: number, version: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}-${version}
  namespace: team-${i}
spec:
  replicas: 2
  selector:
    matchLabels: {app: svc-${i}, version: ${version}}
  template:
    metadata:
      labels: {app: svc-${i}, version: ${version}}
    spec:
      containers:
      - name: app
        image: example/app:1.0
        ports:
        - containerPort: 8080
`;
}

/** The first `count` documents of team after team, each team's documents in order. */
function teams(count: number, team: (i: number) => string[]): string {
  const docs: string[] = [];
  for (let i = 0; docs.length < count; i++)
    for (const doc of team(i)) if (docs.length < count) docs.push(doc);
  return docs.join('---\n');
}

/**
 * Generates a realistic workspace of `count` resources for benchmarks: per team a Gateway,
 * VirtualServices with matches and weighted subsets, DestinationRules, Services and
 * Deployments, written the way people write them (comments, flow maps, block lists).
 */
export function generateWorkspaceText(count: number): string {
  return teams(count, (i) => [
    gatewayDoc(i),
    virtualServiceDoc(i, false),
    destinationRuleDoc(i),
    serviceDoc(i),
    deploymentDoc(i, 'v1'),
  ]);
}

/**
 * The workspace of issue 14's measurements: `count` resources, five per namespace `team-<i>`
 * (so 1,000 = 200 namespaces): a Gateway, a VirtualService with 3 rules, a DestinationRule with
 * 2 subsets, and the 2 Deployments the subsets select (no Service, as in the issue's table).
 */
export function generateIssueWorkspaceText(count: number): string {
  return teams(count, (i) => [
    gatewayDoc(i),
    virtualServiceDoc(i, true),
    destinationRuleDoc(i),
    deploymentDoc(i, 'v1'),
    deploymentDoc(i, 'v2'),
  ]);
}

/** The namespace and name of the last Gateway in `generateIssueWorkspaceText(count)`. */
export function lastIssueGateway(count: number): { namespace: string; name: string } {
  const i = Math.ceil(count / 5) - 1;
  return { namespace: `team-${i}`, name: `gw-${i}` };
}

/** Teams per shared Gateway API Gateway in the generated Gateway API workspace. */
const TEAMS_PER_GATEWAY = 100;

/**
 * The same kind of workspace written with the Kubernetes Gateway API: `routes` HTTPRoutes (one
 * per team, in its own namespace, three rules: a 90/10 split, a header-matched `/api` with a
 * URLRewrite, an exact `/health`), each team's two Services, and one shared Gateway of class
 * `istio` per hundred teams in `infra`, with HTTP and HTTPS listeners that take routes from
 * every namespace. A request for `app-<i>.example.com` reaches team i's route.
 */
export function generateGatewayApiWorkspaceText(routes: number): string {
  const docs: string[] = [];
  for (let g = 0; g * TEAMS_PER_GATEWAY < routes; g++)
    docs.push(`# shared ingress ${g}
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared-${g}
  namespace: infra
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    hostname: "*.g${g}.example.com"
    allowedRoutes: {namespaces: {from: All}}
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.g${g}.example.com"
    tls:
      certificateRefs:
      - name: wildcard-${g}
    allowedRoutes: {namespaces: {from: All}}
`);
  for (let i = 0; i < routes; i++) {
    const ns = `team-${i}`;
    const g = Math.floor(i / TEAMS_PER_GATEWAY);
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: ${ns}
spec:
  parentRefs:
  - name: shared-${g}
    namespace: infra
  hostnames:
  - "app-${i}.g${g}.example.com"
  rules:
  - backendRefs:
    - {name: svc-${i}-v1, port: 8080, weight: 90}
    - {name: svc-${i}-v2, port: 8080, weight: 10}
  - name: api
    matches:
    - path: {type: PathPrefix, value: /api}
      headers:
      - {name: x-beta, value: "true"}
    filters:
    - type: URLRewrite
      urlRewrite:
        path: {type: ReplacePrefixMatch, replacePrefixMatch: /}
    backendRefs:
    - {name: svc-${i}-v2, port: 8080}
  - matches:
    - path: {type: Exact, value: /health}
    backendRefs:
    - {name: svc-${i}-v1, port: 8080}
`);
    for (const version of ['v1', 'v2'])
      docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${i}-${version}
  namespace: ${ns}
spec:
  selector: {app: svc-${i}, version: ${version}}
  ports:
  - {name: http, port: 8080}
`);
  }
  return docs.join('---\n');
}
