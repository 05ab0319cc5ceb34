import { describe, expect, it } from 'vitest';
import {
  answeredBy,
  backend,
  HTTP_LISTENER,
  httpRoute,
  k8sGateway,
} from '../../testing/gatewayApiSimulations.ts';
import { httpGateway, sim, webVs } from '../../testing/simulations.ts';

const GW = 'Gateway.gateway.networking.k8s.io/web/gw';
const to = (name: string) => `backendRefs: [{ name: ${name}, port: 8080 }]`;

// Listener selection follows the spec's listener precedence and Istio's one server per listener
// (conformance httproute-listener-hostname-matching, httproute-listener-port-matching).
describe('the listener that takes a request', () => {
  const listeners = k8sGateway([
    '{ name: any, port: 80, protocol: HTTP }',
    '{ name: wild, port: 80, protocol: HTTP, hostname: "*.example.com" }',
    '{ name: exact, port: 80, protocol: HTTP, hostname: bar.example.com }',
    '{ name: other-port, port: 8080, protocol: HTTP }',
  ]);
  const routes = [
    httpRoute('on-any', `parentRefs: [{ name: gw, sectionName: any }]\nrules: [{ ${to('v1')} }]`),
    httpRoute('on-wild', `parentRefs: [{ name: gw, sectionName: wild }]\nrules: [{ ${to('v2')} }]`),
    httpRoute(
      'on-exact',
      `parentRefs: [{ name: gw, sectionName: exact }]\nrules: [{ matches: [{ path: { type: PathPrefix, value: /only } }], ${to('v3')} }]`,
    ),
    httpRoute('on-8080', `parentRefs: [{ name: gw, port: 8080 }]\nrules: [{ ${to('v4')} }]`),
  ];
  const ws = [listeners, ...routes, backend('v1'), backend('v2'), backend('v3'), backend('v4')];

  it('an exact hostname beats a wildcard, which beats none', () => {
    expect(answeredBy(sim(ws, 'http://foo.example.com/'))).toBe('HTTPRoute/web/on-wild rules[0]');
    expect(answeredBy(sim(ws, 'http://bar.example.com/only'))).toBe(
      'HTTPRoute/web/on-exact rules[0]',
    );
    expect(answeredBy(sim(ws, 'http://example.com/'))).toBe('HTTPRoute/web/on-any rules[0]');
    const s = sim(ws, 'http://foo.example.com/');
    expect(s.gateway).toBe(GW);
    expect(s.server).toBeNull();
    expect(s.listener).toEqual({
      name: 'wild',
      port: 80,
      protocol: 'HTTP',
      hostname: '*.example.com',
      index: 1,
    });
  });

  it('never falls to a less specific listener when its own routes do not match', () => {
    const s = sim(ws, 'http://bar.example.com/elsewhere');
    expect(s.outcome).toBe('noRoute');
    expect(s.status).toBe(404);
    expect(s.listener?.name).toBe('exact');
  });

  it('a parentRef port attaches to the listener on that port only', () => {
    expect(answeredBy(sim(ws, 'http://foo.example.com:8080/'))).toBe(
      'HTTPRoute/web/on-8080 rules[0]',
    );
  });

  it('a port no listener has fails the connection, naming the listener ports', () => {
    const s = sim(ws, 'http://example.com:9090/');
    expect(s.outcome).toBe('noServer');
    expect(
      s.steps.some(
        (step) =>
          step.resource === GW && /9090.*listener ports: 80, 80, 80, 8080/.test(step.detail),
      ),
    ).toBe(true);
  });

  it('the generated <name>-istio Service carries the port to the same port of the pods', () => {
    const s = sim(ws, 'http://example.com/');
    expect(s.loadBalancer).toEqual({ port: 80, targetPort: 80, service: 'Service/web/gw-istio' });
  });
});

describe('HTTPS and TLS listeners', () => {
  const ws = [
    k8sGateway([
      HTTP_LISTENER,
      '{ name: https, port: 443, protocol: HTTPS, hostname: secure.example.com, tls: { certificateRefs: [{ name: cert }] } }',
      '{ name: https-wild, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: { certificateRefs: [{ name: wild-cert }] } }',
    ]),
    httpRoute('secure', `parentRefs: [{ name: gw, sectionName: https }]\nrules: [{ ${to('v1')} }]`),
    httpRoute(
      'wild',
      `parentRefs: [{ name: gw, sectionName: https-wild }]\nrules: [{ ${to('v2')} }]`,
    ),
    backend('v1'),
    backend('v2'),
  ];

  it('the SNI picks the HTTPS listener, and its routes answer', () => {
    const s = sim(ws, 'https://secure.example.com/');
    expect(answeredBy(s)).toBe('HTTPRoute/web/secure rules[0]');
    expect(s.listener?.name).toBe('https');
    expect(answeredBy(sim(ws, 'https://api.example.com/'))).toBe('HTTPRoute/web/wild rules[0]');
  });

  it('an SNI no listener takes fails the connection', () => {
    const s = sim(ws, 'https://other.org/');
    expect(s.outcome).toBe('noServer');
    expect(s.steps.at(-1)?.detail).toMatch(/no listener on port 443 takes SNI other\.org/);
  });

  it('plain text to a TLS-only port fails the handshake', () => {
    expect(sim(ws, 'http://secure.example.com:443/').outcome).toBe('noServer');
  });
});

describe('a manual deployment', () => {
  it('reaches the Gateway through the Service its address names, port to targetPort', () => {
    const ws = [
      `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: web }
spec:
  gatewayClassName: istio
  addresses: [{ type: Hostname, value: edge.web.svc.cluster.local }]
  listeners: [{ name: http, port: 8080, protocol: HTTP }]
`,
      `apiVersion: v1
kind: Service
metadata: { name: edge, namespace: web }
spec:
  type: LoadBalancer
  selector: { app: edge }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
`,
      httpRoute('r', `rules: [{ ${to('v1')} }]`),
      backend('v1'),
    ];
    const s = sim(ws, 'http://example.com/');
    expect(s.loadBalancer).toEqual({ port: 80, targetPort: 8080, service: 'Service/web/edge' });
    expect(answeredBy(s)).toBe('HTTPRoute/web/r rules[0]');
  });
});

describe('a Gateway API Gateway next to an Istio Gateway', () => {
  /** Istio's Gateway for any host, and a VirtualService sending everything to v1. */
  const ISTIO_CATCH_ALL = [
    httpGateway(['*']),
    webVs('catch-all', ['*'], '[{ route: [{ destination: { host: v1.web.svc.cluster.local } }] }]'),
  ];

  it('the most specific host match answers, whichever API it comes from', () => {
    const ws = [
      ...ISTIO_CATCH_ALL,
      k8sGateway(['{ name: http, port: 80, protocol: HTTP, hostname: shop.example.com }']),
      httpRoute('shop', `rules: [{ ${to('v2')} }]`),
      backend('v1'),
      backend('v2'),
    ];
    const shop = sim(ws, 'http://shop.example.com/');
    expect(shop.httpRoute).toBe('HTTPRoute/web/shop');
    expect(shop.virtualService).toBeNull();
    const other = sim(ws, 'http://other.example.com/');
    expect(other.virtualService).toBe('VirtualService/web/catch-all');
    expect(other.httpRoute).toBeUndefined();
  });

  it('a request sent to one Gateway API Gateway by id stays there', () => {
    const ws = [
      ...ISTIO_CATCH_ALL,
      k8sGateway([HTTP_LISTENER]),
      httpRoute('r', `rules: [{ ${to('v2')} }]`),
      backend('v1'),
      backend('v2'),
    ];
    expect(sim(ws, { url: 'http://a.example.com/', gateway: GW }).httpRoute).toBe(
      'HTTPRoute/web/r',
    );
  });
});

describe('Gateways Istio does not run', () => {
  it('a class of another controller is not simulated, and the trace says so', () => {
    const ws = [
      k8sGateway([HTTP_LISTENER]).replace('gatewayClassName: istio', 'gatewayClassName: nginx'),
      httpRoute('r', `rules: [{ ${to('v1')} }]`),
      backend('v1'),
    ];
    const s = sim(ws, 'http://example.com/');
    expect(s.outcome).toBe('noServer');
    expect(s.steps.some((step) => /class nginx is not run by Istio/.test(step.detail))).toBe(true);
  });
});
