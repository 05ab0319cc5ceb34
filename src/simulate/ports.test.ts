import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { docs, httpGateway, sim, stepsOf, webVs, winner, yaml } from '../testing/simulations.ts';

const BOOKINFO = readFileSync(new URL('./fixtures/bookinfo-8080.yaml', import.meta.url), 'utf8');

const ROUTE = '[{ route: [{ destination: { host: shop } }] }]';
const SHOP_VS = webVs('shop', ['shop.example.com'], ROUTE);

describe('the load balancer port and the port servers listen on', () => {
  test('Bookinfo (server on 8080, Service 80 → 8080): GET http://host/productpage routes', () => {
    const simulation = sim(BOOKINFO, 'http://203.0.113.7/productpage');
    expect(simulation).toMatchObject({ outcome: 'route', status: null });
    expect(winner(simulation)).toBe('VirtualService/default/bookinfo http[0]');
    expect(simulation.server).toMatchObject({ port: 8080, protocol: 'HTTP' });
    expect(simulation.server?.listenPort).toBeUndefined();
    expect(simulation.loadBalancer).toEqual({
      port: 80,
      targetPort: 8080,
      service: 'Service/istio-system/istio-ingressgateway',
    });
    expect(simulation.destinations).toMatchObject([
      { host: 'productpage.default.svc.cluster.local', port: 9080 },
    ]);
    expect(stepsOf(simulation, 'loadBalancer')).toEqual([
      {
        kind: 'loadBalancer',
        detail:
          'load balancer port 80 → gateway pods port 8080 (Service istio-system/istio-ingressgateway)',
        resource: 'Service/istio-system/istio-ingressgateway',
      },
    ]);
    expect(stepsOf(simulation, 'server')[0]?.detail).toContain(
      'servers[0]: HTTP server on port 8080',
    );
  });

  test('Bookinfo without its Service: the implied default ingress maps 80 → 8080 too', () => {
    const withoutService = BOOKINFO.split('\n---\n')
      .filter((doc) => !doc.includes('name: istio-ingressgateway'))
      .join('\n---\n');
    const simulation = sim(withoutService, 'http://203.0.113.7/productpage');
    expect(simulation.outcome).toBe('route');
    expect(stepsOf(simulation, 'loadBalancer')[0]?.detail).toBe(
      'load balancer port 80 → gateway pods port 8080 (Service istio-system/istio-ingressgateway, implied default ingress)',
    );
  });

  test('a server on port 80 of the implied ingress listens on 8080, and :80 reaches it', () => {
    const simulation = sim(docs(httpGateway(), SHOP_VS), 'http://shop.example.com/');
    expect(simulation.outcome).toBe('route');
    expect(simulation.server).toMatchObject({ port: 80, listenPort: 8080 });
    expect(simulation.loadBalancer).toEqual({
      port: 80,
      targetPort: 8080,
      service: 'Service/istio-system/istio-ingressgateway',
      implied: true,
    });
    expect(stepsOf(simulation, 'server')[0]?.detail).toContain(
      "port 80, listening on 8080 (the Service's port 80 → targetPort 8080)",
    );
  });

  test('a URL port the Service does not expose: the connection fails, said plainly', () => {
    const simulation = sim(BOOKINFO, 'http://203.0.113.7:8080/productpage');
    expect(simulation.outcome).toBe('noServer');
    expect(simulation.loadBalancer).toBeUndefined();
    expect(stepsOf(simulation, 'server').at(-1)?.detail).toBe(
      'the load balancer has no port 8080: Service istio-system/istio-ingressgateway exposes 15021, 80 → 8080, 443 → 8443, nothing else; the connection fails',
    );
  });

  test('the port reaches the pods but no server listens there: the listening ports are named', () => {
    const simulation = sim(BOOKINFO, 'https://203.0.113.7/productpage');
    expect(simulation.outcome).toBe('noServer');
    expect(stepsOf(simulation, 'server').at(-1)?.detail).toContain(
      'listens on port 443 → 8443 (listening: 8080): the connection fails',
    );
  });

  test('a Service of the workspace: targetPort by name, and a server port that is no Service port', () => {
    const workspace = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: edge, namespace: ingress }
      spec:
        template:
          metadata: { labels: { app: edge } }
          spec:
            containers:
              - name: proxy
                ports: [{ name: web, containerPort: 9000 }]
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: edge, namespace: ingress }
      spec:
        type: LoadBalancer
        selector: { app: edge }
        ports:
          - { name: http, port: 80, targetPort: web }
          - { name: alt, port: 81, targetPort: 9100 }
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: { name: gw, namespace: istio-system }
      spec:
        selector: { app: edge }
        servers:
          - port: { number: 80, name: http, protocol: HTTP }
            hosts: [shop.example.com]
          - port: { number: 9100, name: alt, protocol: HTTP }
            hosts: [alt.example.com]
    `;
    const alt = webVs('alt', ['alt.example.com'], ROUTE);
    const first = sim(docs(workspace, SHOP_VS), 'http://shop.example.com/');
    expect(first.outcome).toBe('route');
    expect(stepsOf(first, 'loadBalancer')[0]?.detail).toBe(
      'load balancer port 80 → gateway pods port 9000 (Service ingress/edge)',
    );
    const second = sim(docs(workspace, alt), 'http://alt.example.com:81/');
    expect(second.outcome).toBe('route');
    expect(second.server?.port).toBe(9100);
    expect(sim(docs(workspace, SHOP_VS), 'http://shop.example.com:9000/').outcome).toBe('noServer');
  });
});
