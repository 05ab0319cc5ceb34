import { describe, expect, test } from 'vitest';
import { BOOKINFO_GATEWAY, TCP_ECHO } from '../testing/gatewayApiSamples.ts';
import {
  edgeList,
  edgesFrom,
  graphOf,
  invariantProblems,
  node,
  nodeIds,
  yaml,
} from '../testing/graphs.ts';

const GW = 'Gateway.gateway.networking.k8s.io';

/** A Gateway with an HTTP and an HTTPS listener that take routes from every namespace. */
const TWO_LISTENERS = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: infra }
  spec:
    gatewayClassName: istio
    listeners:
      - name: http
        port: 80
        protocol: HTTP
        allowedRoutes: { namespaces: { from: All } }
      - name: https
        port: 443
        protocol: HTTPS
        hostname: "*.example.com"
        tls: { certificateRefs: [{ name: wildcard-cert }] }
        allowedRoutes: { namespaces: { from: All } }
`;

const route = (body: string) => yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: { name: shop, namespace: web }
  spec:
  ${body}
`;

const HTTP = `listener:${GW}/infra/gw:listeners[0]`;
const HTTPS = `listener:${GW}/infra/gw:listeners[1]`;
const SHOP = 'httpRoute:HTTPRoute/web/shop';
const RULE0 = 'route:HTTPRoute/web/shop:rules[0]';

describe('Gateway API routes', () => {
  test('bookinfo: listener → HTTPRoute → its rule → productpage → its pods', () => {
    const graph = graphOf(BOOKINFO_GATEWAY);
    expect(invariantProblems(graph)).toEqual([]);
    const rule = 'route:HTTPRoute/shop/bookinfo:rules[0]';
    expect(edgeList(graph, 'bind')).toEqual([
      `listener:${GW}/shop/bookinfo-gateway:listeners[0] -> httpRoute:HTTPRoute/shop/bookinfo`,
    ]);
    expect(edgeList(graph, 'rule')).toEqual([`httpRoute:HTTPRoute/shop/bookinfo -> ${rule}`]);
    expect(node(graph, rule)).toMatchObject({
      kind: 'route',
      label: 'rules[0]',
      parent: 'httpRoute:HTTPRoute/shop/bookinfo',
      section: 'rules',
      index: 0,
      path: ['spec', 'rules', 0],
      resource: 'HTTPRoute/shop/bookinfo',
    });
    expect(edgeList(graph, 'route')).toEqual([
      `${rule} -> service:productpage.shop.svc.cluster.local @1`,
    ]);
    expect(edgeList(graph, 'select')).toEqual([
      'service:productpage.shop.svc.cluster.local -> pods:Deployment/shop/productpage-v1',
    ]);
  });

  test('the bind edge says which parentRef writes it', () => {
    const graph = graphOf(BOOKINFO_GATEWAY);
    const [bind] = graph.edges.filter((e) => e.kind === 'bind');
    expect(bind?.origin).toEqual({
      resource: 'HTTPRoute/shop/bookinfo',
      paths: [['spec', 'parentRefs', 0]],
    });
  });

  test('without sectionName a route binds to every listener that accepts it', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      route(`
    hostnames: [shop.example.com]
    parentRefs: [{ name: gw, namespace: infra }]
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    expect(edgeList(graph, 'bind')).toEqual([`${HTTP} -> ${SHOP}`, `${HTTPS} -> ${SHOP}`]);
  });

  test('sectionName binds the route to that one listener', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      route(`
    parentRefs: [{ name: gw, namespace: infra, sectionName: https }]
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    expect(edgeList(graph, 'bind')).toEqual([`${HTTPS} -> ${SHOP}`]);
  });

  test('a port binds to the listeners on it; two refs to one listener make one edge', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      route(`
    parentRefs:
      - { name: gw, namespace: infra, port: 80 }
      - { name: gw, namespace: infra, sectionName: http }
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    const binds = graph.edges.filter((e) => e.kind === 'bind');
    expect(binds.map((e) => e.source)).toEqual([HTTP]);
    expect(binds[0]?.origin?.paths).toEqual([
      ['spec', 'parentRefs', 0],
      ['spec', 'parentRefs', 1],
    ]);
  });

  test('a denied parentRef draws no bind edge: hostname, namespace or kind not allowed', () => {
    const noHost = graphOf(
      TWO_LISTENERS,
      route(`
    hostnames: [shop.example.org]
    parentRefs: [{ name: gw, namespace: infra, sectionName: https }]
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    expect(edgeList(noHost, 'bind')).toEqual([]);
    // `Same` (the default) keeps routes of other namespaces out.
    const sameOnly = graphOf(
      BOOKINFO_GATEWAY,
      route(`
    parentRefs: [{ name: bookinfo-gateway, namespace: shop }]
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    expect(edgesFrom(sameOnly, SHOP, 'rule')).toHaveLength(1);
    expect(sameOnly.edges.filter((e) => e.kind === 'bind' && e.target === SHOP)).toEqual([]);
    // A TCP listener takes TCPRoutes only.
    const kinds = graphOf(
      TCP_ECHO,
      route(`
    parentRefs: [{ name: tcp-echo-gateway, namespace: echo }]
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    expect(kinds.edges.filter((e) => e.kind === 'bind' && e.target === SHOP)).toEqual([]);
  });

  test('tcp-echo: the TCP listener binds the TCPRoute, whose rule routes to tcp-echo-v1', () => {
    const graph = graphOf(TCP_ECHO);
    expect(invariantProblems(graph)).toEqual([]);
    expect(nodeIds(graph, 'tcpRoute')).toEqual(['tcpRoute:TCPRoute/echo/tcp-echo']);
    expect(edgeList(graph, 'bind')).toEqual([
      `listener:${GW}/echo/tcp-echo-gateway:listeners[0] -> tcpRoute:TCPRoute/echo/tcp-echo`,
    ]);
    expect(edgeList(graph, 'route')).toEqual([
      'route:TCPRoute/echo/tcp-echo:rules[0] -> service:tcp-echo-v1.echo.svc.cluster.local @1',
    ]);
    // tcp-echo-v2 is in the workspace but nothing routes to it: drawn, unconnected.
    expect(nodeIds(graph, 'service')).toContain('service:tcp-echo-v2.echo.svc.cluster.local');
  });

  test('GRPCRoute and TLSRoute get their own node kinds, rules as rows', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: { name: greeter, namespace: web }
        spec:
          parentRefs: [{ name: gw, namespace: infra, sectionName: http }]
          rules:
            - name: hello
              matches: [{ method: { service: helloworld.Greeter, method: SayHello } }]
              backendRefs: [{ name: greeter, port: 50051 }]
      `,
    );
    expect(nodeIds(graph, 'grpcRoute')).toEqual(['grpcRoute:GRPCRoute/web/greeter']);
    expect(node(graph, 'route:GRPCRoute/web/greeter:rules[0]')?.label).toBe('hello');
    expect(edgeList(graph, 'bind')).toEqual([`${HTTP} -> grpcRoute:GRPCRoute/web/greeter`]);
  });

  test('weights: each backendRef its weight, 1 when unwritten', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY,
      yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: canary, namespace: shop }
        spec:
          parentRefs: [{ name: bookinfo-gateway }]
          rules:
            - backendRefs:
                - { name: reviews-v1, port: 9080, weight: 90 }
                - { name: reviews-v2, port: 9080, weight: 10 }
                - { name: reviews-v3, port: 9080 }
      `,
    );
    const rule = 'route:HTTPRoute/shop/canary:rules[0]';
    expect(edgesFrom(graph, rule, 'route').map((e) => [e.id, e.weight, e.origin?.paths])).toEqual([
      [`route:${rule}:backendRefs[0]`, 90, [['spec', 'rules', 0, 'backendRefs', 0]]],
      [`route:${rule}:backendRefs[1]`, 10, [['spec', 'rules', 0, 'backendRefs', 1]]],
      [`route:${rule}:backendRefs[2]`, 1, [['spec', 'rules', 0, 'backendRefs', 2]]],
    ]);
  });

  test('a backendRef to a Service missing from the workspace is drawn broken (BackendNotFound)', () => {
    const graph = graphOf(
      BOOKINFO_GATEWAY.replace('name: productpage, port: 9080', 'name: product-page, port: 9080'),
    );
    const [edge] = edgesFrom(graph, 'route:HTTPRoute/shop/bookinfo:rules[0]', 'route');
    expect(edge).toMatchObject({
      target: 'service:product-page.shop.svc.cluster.local',
      broken: 'BackendNotFound',
    });
  });

  test('no Services in the workspace at all: backends are not in it, not broken', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      route(`
    parentRefs: [{ name: gw, namespace: infra }]
    rules: [{ backendRefs: [{ name: shop, port: 80 }] }]`),
    );
    const [edge] = edgesFrom(graph, RULE0, 'route');
    expect(edge?.target).toBe('service:shop.web.svc.cluster.local');
    expect(edge?.broken).toBeUndefined();
  });

  const crossNamespace = route(`
    parentRefs: [{ name: gw, namespace: infra }]
    rules: [{ backendRefs: [{ name: catalog, namespace: backend, port: 80 }] }]`);
  const catalogService = yaml`
    apiVersion: v1
    kind: Service
    metadata: { name: catalog, namespace: backend }
    spec:
      selector: { app: catalog }
      ports: [{ port: 80 }]
  `;

  test('a backendRef into another namespace without a ReferenceGrant is broken (RefNotPermitted)', () => {
    const graph = graphOf(TWO_LISTENERS, crossNamespace, catalogService);
    const [edge] = edgesFrom(graph, RULE0, 'route');
    expect(edge).toMatchObject({
      target: 'service:catalog.backend.svc.cluster.local',
      broken: 'RefNotPermitted',
    });
    expect(edge?.grant).toBeUndefined();
  });

  test('a ReferenceGrant in the target namespace permits it, and the edge names it', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      crossNamespace,
      catalogService,
      yaml`
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: { name: web-to-catalog, namespace: backend }
        spec:
          from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web }]
          to: [{ group: "", kind: Service }]
      `,
    );
    const [edge] = edgesFrom(graph, RULE0, 'route');
    expect(edge?.broken).toBeUndefined();
    expect(edge?.grant).toBe('ReferenceGrant/backend/web-to-catalog');
  });

  test('a backendRef of a kind Istio does not route to is broken (InvalidKind)', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      route(`
    parentRefs: [{ name: gw, namespace: infra }]
    rules: [{ backendRefs: [{ kind: ConfigMap, name: settings }] }]`),
    );
    expect(invariantProblems(graph)).toEqual([]);
    const [edge] = edgesFrom(graph, RULE0, 'route');
    expect(edge?.broken).toBe('InvalidKind');
    expect(node(graph, edge?.target ?? '')).toMatchObject({
      implied: true,
      label: 'settings (ConfigMap is not a backend Istio routes to)',
    });
  });

  test('RequestMirror filters are mirror edges, on the rule and on a backendRef', () => {
    const graph = graphOf(
      TWO_LISTENERS,
      route(`
    parentRefs: [{ name: gw, namespace: infra }]
    rules:
      - filters:
          - type: RequestHeaderModifier
            requestHeaderModifier: { add: [{ name: x-a, value: b }] }
          - type: RequestMirror
            requestMirror: { backendRef: { name: shadow, port: 80 }, percent: 10 }
        backendRefs:
          - name: shop
            port: 80
            filters:
              - type: RequestMirror
                requestMirror: { backendRef: { name: audit, port: 80 } }`),
    );
    expect(edgesFrom(graph, RULE0, 'mirror').map((e) => [e.id, e.target, e.origin?.paths])).toEqual(
      [
        [
          `mirror:${RULE0}:backendRefs[0].filters[0]`,
          'service:audit.web.svc.cluster.local',
          [['spec', 'rules', 0, 'backendRefs', 0, 'filters', 0]],
        ],
        [
          `mirror:${RULE0}:filters[1]`,
          'service:shadow.web.svc.cluster.local',
          [['spec', 'rules', 0, 'filters', 1]],
        ],
      ],
    );
  });

  test('named rules are labelled by name; ids stay the same when the text is parsed again', () => {
    const text = route(`
    parentRefs: [{ name: gw, namespace: infra }]
    rules:
      - name: api
        matches: [{ path: { value: /api } }]
        backendRefs: [{ name: api, port: 80 }]
      - backendRefs: [{ name: web, port: 80 }]`);
    const first = graphOf(TWO_LISTENERS, text);
    expect(node(first, RULE0)?.label).toBe('api');
    expect(node(first, 'route:HTTPRoute/web/shop:rules[1]')?.label).toBe('rules[1]');
    expect(graphOf(TWO_LISTENERS, text)).toEqual(first);
    // An unrelated document added before changes no id.
    const more = graphOf(BOOKINFO_GATEWAY, TWO_LISTENERS, text);
    for (const n of first.nodes) expect(more.nodes.some((m) => m.id === n.id)).toBe(true);
  });
});
