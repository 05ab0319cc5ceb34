import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { dedent as yaml } from '../../testing/dedent.ts';
import { BOOKINFO_GATEWAY, TCP_ECHO } from '../../testing/gatewayApiSamples.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { KIND_LOOK } from './kindLook.ts';
import { estimateSize, NODE_METRICS, rulePortOffsets } from './nodeSize.ts';
import { toFlowElements } from './toFlow.ts';

function elementsOf(...texts: string[]) {
  const workspace = loadWorkspace(texts.map((text, i) => ({ name: `${i}.yaml`, text })));
  return toFlowElements(deriveGraph(workspace), workspace);
}

const GW = 'gateway:Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway';
const LISTENER = 'listener:Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway:listeners[0]';

/** A route in `web` to a Service in `backend`, and an HTTPS listener for it. */
const CROSS = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: infra }
  spec:
    gatewayClassName: istio
    listeners:
      - name: https
        port: 443
        protocol: HTTPS
        hostname: "*.example.com"
        tls: { certificateRefs: [{ name: wildcard-cert }] }
        allowedRoutes: { namespaces: { from: All } }
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: { name: shop, namespace: web }
  spec:
    parentRefs: [{ name: gw, namespace: infra }]
    hostnames: [shop.example.com]
    rules:
      - filters:
          - type: RequestMirror
            requestMirror: { backendRef: { name: shadow, port: 80 }, percent: 5 }
        backendRefs:
          - { name: catalog, namespace: backend, port: 80, weight: 3 }
          - { name: web, port: 80 }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: catalog, namespace: backend }
  spec: { selector: { app: catalog }, ports: [{ port: 80 }] }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: web, namespace: web }
  spec: { selector: { app: web }, ports: [{ port: 80 }] }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: shadow, namespace: web }
  spec: { selector: { app: shadow }, ports: [{ port: 80 }] }
`;

describe('Gateway API on the canvas', () => {
  it('draws listeners as rows of their Gateway and rules as rows of their route', () => {
    const { nodes } = elementsOf(BOOKINFO_GATEWAY);
    expect(nodes.some((n) => ['listener', 'route'].includes(n.data.node.kind))).toBe(false);
    const gateway = nodes.find((n) => n.id === GW);
    expect(gateway?.data.lines).toEqual(['class istio']);
    expect(gateway?.data.listeners).toEqual([
      {
        id: LISTENER,
        label: 'http',
        resource: 'Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway',
        port: '80 HTTP',
        hostname: 'any hostname',
        tls: undefined,
        allowed: 'from Same · HTTPRoute, GRPCRoute',
      },
    ]);
    const route = nodes.find((n) => n.id === 'httpRoute:HTTPRoute/shop/bookinfo');
    expect(route?.type).toBe('httpRoute');
    expect(route?.data.lines).toEqual(['any hostname']);
    expect(route?.data.rules).toEqual([
      {
        id: 'route:HTTPRoute/shop/bookinfo:rules[0]',
        label: 'rules[0]',
        resource: 'HTTPRoute/shop/bookinfo',
        section: 'rules',
        index: 0,
        match: 'Exact /productpage, PathPrefix /static +3',
        tags: [],
      },
    ]);
  });

  it('bind edges leave from the listener row; backend edges from the rule row', () => {
    const { edges } = elementsOf(BOOKINFO_GATEWAY);
    expect(edges.map((e) => [e.data?.kind, e.source, e.sourceHandle, e.target])).toEqual([
      ['flow', 'client', undefined, 'loadBalancer:implied:Service/shop/bookinfo-gateway-istio'],
      [
        'flow',
        'loadBalancer:implied:Service/shop/bookinfo-gateway-istio',
        undefined,
        'gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio',
      ],
      ['flow', 'gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio', undefined, GW],
      ['bind', GW, LISTENER, 'httpRoute:HTTPRoute/shop/bookinfo'],
      [
        'route',
        'httpRoute:HTTPRoute/shop/bookinfo',
        'route:HTTPRoute/shop/bookinfo:rules[0]',
        'service:productpage.shop.svc.cluster.local',
      ],
      [
        'select',
        'service:productpage.shop.svc.cluster.local',
        undefined,
        'pods:Deployment/shop/productpage-v1',
      ],
    ]);
  });

  it('shows listener TLS and hostname, weights as shares, and a mirror`s percentage', () => {
    const { nodes, edges } = elementsOf(
      CROSS,
      yaml`
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: { name: web-routes, namespace: backend }
        spec:
          from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web }]
          to: [{ group: "", kind: Service }]
      `,
    );
    const [listener] = nodes.find((n) => n.type === 'gateway')?.data.listeners ?? [];
    expect(listener).toMatchObject({
      port: '443 HTTPS',
      hostname: '*.example.com',
      tls: 'TLS Terminate · wildcard-cert',
      allowed: 'from All · HTTPRoute, GRPCRoute',
    });
    const route = nodes.find((n) => n.type === 'httpRoute');
    expect(route?.data.lines).toEqual(['shop.example.com']);
    expect(route?.data.rules[0]?.tags).toEqual(['mirror']);
    const labels = edges
      .filter((e) => e.data?.kind === 'route' || e.data?.kind === 'mirror')
      .map((e) => [e.target, e.label, e.domAttributes]);
    expect(labels).toEqual([
      [
        'service:catalog.backend.svc.cluster.local',
        '75% · grant web-routes',
        { 'data-edge-kind': 'route', 'data-grant': 'ReferenceGrant/backend/web-routes' },
      ],
      ['service:web.web.svc.cluster.local', '25%', { 'data-edge-kind': 'route' }],
      ['service:shadow.web.svc.cluster.local', 'mirror 5%', { 'data-edge-kind': 'mirror' }],
    ]);
  });

  it('draws a backendRef that does not resolve red and dashed, with the reason as its label', () => {
    const { edges } = elementsOf(CROSS);
    const broken = edges.find((e) => e.target === 'service:catalog.backend.svc.cluster.local');
    expect(broken).toMatchObject({
      label: '75% · RefNotPermitted: no ReferenceGrant',
      className: 'edge-route edge--broken',
      domAttributes: { 'data-edge-kind': 'route', 'data-broken': 'RefNotPermitted' },
      style: { stroke: '#dc2626', strokeDasharray: '5 4' },
    });
    expect(broken?.ariaLabel).toBe(
      'route 75% · RefNotPermitted: no ReferenceGrant from shop rules[0] to catalog',
    );
  });

  it('says why a Gateway of another class has no gateway pods', () => {
    const { nodes } = elementsOf(
      BOOKINFO_GATEWAY.replace('gatewayClassName: istio', 'gatewayClassName: acme'),
    );
    expect(nodes.find((n) => n.id === GW)?.data.lines).toEqual([
      'class acme',
      'class acme is unknown: no gateway pods',
    ]);
  });

  it('gives each listener and rule row a port where the row is drawn', () => {
    const { nodes } = elementsOf(TCP_ECHO);
    const gateway = nodes.find((n) => n.type === 'gateway');
    if (!gateway) throw new Error('no gateway');
    const m = NODE_METRICS;
    const top = m.header + m.padding / 2 + m.line; // header, then the `class istio` line
    expect(rulePortOffsets(gateway)).toEqual([
      {
        id: 'listener:Gateway.gateway.networking.k8s.io/echo/tcp-echo-gateway:listeners[0]',
        y: top + m.listenerRow / 2,
      },
    ]);
    expect(estimateSize(gateway).height).toBe(m.header + m.padding + m.line + m.listenerRow);
    const route = nodes.find((n) => n.type === 'tcpRoute');
    expect(route?.data.rules[0]?.match).toBe('any connection');
  });

  it('gives the Gateway API chain room for its generated names; Istio`s keeps its widths', () => {
    const { nodes } = elementsOf(
      BOOKINFO_GATEWAY,
      yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: { name: legacy, namespace: shop }
        spec:
          selector: { istio: ingressgateway }
          servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
      `,
    );
    const width = (id: string) => nodes.find((n) => n.id === id)?.data.width;
    expect(width(GW)).toBe(250);
    expect(width('loadBalancer:implied:Service/shop/bookinfo-gateway-istio')).toBe(260);
    expect(width('gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio')).toBe(260);
    expect(width('gateway:Gateway/shop/legacy')).toBe(KIND_LOOK.gateway.width);
    expect(width('gatewayWorkload:implied:istio-system/istio-ingressgateway')).toBe(
      KIND_LOOK.gatewayWorkload.width,
    );
  });
});
