import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkDestinationHosts } from './destinationHosts.ts';
import { checkIngressSubsets } from './ingressSubsets.ts';

const services = dedent`
  apiVersion: v1
  kind: Service
  metadata: {name: reviews, namespace: shop}
  spec:
    ports: [{name: http, port: 9080}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: two-ports, namespace: shop}
  spec:
    ports: [{name: http, port: 80}, {name: https, port: 443}]
  ---
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: wiki, namespace: shop}
  spec:
    hosts: ["*.wikipedia.org"]
    ports: [{number: 443, name: https, protocol: TLS}]
`;

function routeTo(destination: string, extra = '', namespace = 'shop') {
  return dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: web, namespace: ${namespace}}
    spec:
      hosts: [web.example.com]
      ${extra}
      http:
      - route:
        - destination: ${destination}
  `;
}

describe('DestinationHostAnalyzer: destination hosts and ports (IST0101, IST0112)', () => {
  test('a short name resolves in the VirtualService namespace; the FQDN works from anywhere', () => {
    expect(run(checkDestinationHosts, workspaceOf(services, routeTo('{host: reviews}')))).toEqual(
      [],
    );
    const fqdn = routeTo('{host: reviews.shop.svc.cluster.local}', '', 'web');
    expect(run(checkDestinationHosts, workspaceOf(services, fqdn))).toEqual([]);
  });

  test('a host with no Service or ServiceEntry gives IST0101 (KIA1101) at the host, missing a Service', () => {
    const found = run(
      checkDestinationHosts,
      workspaceOf(services, routeTo('{host: reviews}', '', 'web')),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-destination-host-not-found',
        severity: 'error',
        resource: 'VirtualService/web/web',
        path: 'spec.http[0].route[0].destination.host',
        istio: 'IST0101',
        kiali: 'KIA1101',
      },
    ]);
    expect(found[0]?.missing).toBe('Service');
  });

  test('ServiceEntry wildcard hosts count, by suffix only', () => {
    expect(
      run(
        checkDestinationHosts,
        workspaceOf(services, routeTo('{host: en.wikipedia.org, port: {number: 443}}')),
      ),
    ).toEqual([]);
    const found = run(
      checkDestinationHosts,
      workspaceOf(services, routeTo('{host: wikipedia.org}')),
    );
    expect(found.map((f) => f.code)).toEqual(['vs-destination-host-not-found']);
  });

  test('a ServiceEntry exported only to its namespace is not found from another one', () => {
    const local = services.replace(
      'hosts: ["*.wikipedia.org"]',
      'hosts: ["*.wikipedia.org"]\n  exportTo: ["."]',
    );
    const found = run(
      checkDestinationHosts,
      workspaceOf(local, routeTo('{host: en.wikipedia.org}', '', 'web')),
    );
    expect(found.map((f) => f.istio)).toEqual(['IST0101']);
  });

  test('a Service exported (networking.istio.io/exportTo) to other namespaces is not found from this one', () => {
    const hidden = services.replace(
      'metadata: {name: reviews, namespace: shop}',
      'metadata: {name: reviews, namespace: shop, annotations: {networking.istio.io/exportTo: "team,."}}',
    );
    const from = (ns: string) => routeTo('{host: reviews.shop.svc.cluster.local}', '', ns);
    expect(run(checkDestinationHosts, workspaceOf(hidden, from('team')))).toEqual([]);
    expect(run(checkDestinationHosts, workspaceOf(hidden, from('shop')))).toEqual([]);
    expect(
      run(checkDestinationHosts, workspaceOf(hidden, from('web'))).map((f) => f.istio),
    ).toEqual(['IST0101']);
  });

  test('the mirror host is checked too, as "mirror host", without the Kiali code', () => {
    const mirrored = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: shop}
      spec:
        hosts: [web.example.com]
        http:
        - route:
          - destination: {host: reviews}
          mirror: {host: reviews-shadow}
          mirrors:
          - destination: {host: reviews-copy}
    `;
    const found = run(checkDestinationHosts, workspaceOf(services, mirrored));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-mirror-host-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].mirror.host',
        istio: 'IST0101',
      },
      {
        code: 'vs-mirror-host-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].mirrors[0].destination.host',
        istio: 'IST0101',
      },
    ]);
  });

  test('no port on a Service with two ports gives IST0112 at the destination', () => {
    const found = run(checkDestinationHosts, workspaceOf(services, routeTo('{host: two-ports}')));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-destination-port-required',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].route[0].destination',
        istio: 'IST0112',
      },
    ]);
    expect(found[0]?.message).toContain('80, 443');
    expect(found[0]?.fixes?.map((f) => f.title)).toEqual([
      'Use port 80 of shop/two-ports',
      'Use port 443 of shop/two-ports',
    ]);
    const fixed = applyFix(
      workspaceOf(services, routeTo('{host: two-ports}')),
      found[0]?.fixes?.[1],
    );
    expect(textOf(fixed, 1)).toContain('{host: two-ports, port: {number: 443}}');
    expect(run(checkDestinationHosts, fixed)).toEqual([]);
  });

  test('a port the Service does not expose gives IST0101 host:port at the port number', () => {
    const found = run(
      checkDestinationHosts,
      workspaceOf(services, routeTo('{host: reviews, port: {number: 8080}}')),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-destination-port-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].route[0].destination.port.number',
        istio: 'IST0101',
      },
    ]);
    expect(
      run(
        checkDestinationHosts,
        workspaceOf(services, routeTo('{host: two-ports, port: {number: 443}}')),
      ),
    ).toEqual([]);
  });

  test("a route entry with no destination host is not found too, as Istio's analyzer says", () => {
    const vs = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: shop}
      spec:
        hosts: [web.example.com]
        http:
        - route:
          - {}
          - destination: {host: ""}
          - destination: {host: reviews}
    `;
    const found = run(checkDestinationHosts, workspaceOf(services, vs)).map(seen);
    expect(found.map((f) => [f.code, f.istio, f.path])).toEqual([
      ['vs-destination-host-not-found', 'IST0101', 'spec.http[0].route[0]'],
      ['vs-destination-host-not-found', 'IST0101', 'spec.http[0].route[1].destination.host'],
    ]);
  });

  test('tcp and tls route destinations are checked like http ones', () => {
    const tcp = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: db, namespace: shop}
      spec:
        hosts: [db]
        tcp:
        - route:
          - destination: {host: db}
    `;
    expect(
      run(checkDestinationHosts, workspaceOf(services, tcp)).map((f) => f.path.join('.')),
    ).toEqual(['spec.tcp.0.route.0.destination.host']);
  });

  test("istioctl's implied ingress Service is a known host", () => {
    const vs = routeTo(
      '{host: istio-ingressgateway.istio-system.svc.cluster.local, port: {number: 80}}',
    );
    expect(run(checkDestinationHosts, workspaceOf(services, vs))).toEqual([]);
  });

  test('with no Service in the workspace, lint lowers a missing host to information', () => {
    const lonely = routeTo('{host: reviews}');
    const [finding] = findings(workspaceOf(lonely)).filter(
      (f) => f.code === 'vs-destination-host-not-found',
    );
    expect(finding?.severity).toBe('info');
    const [complete] = findings(workspaceOf(lonely), { complete: true }).filter(
      (f) => f.code === 'vs-destination-host-not-found',
    );
    expect(complete?.severity).toBe('error');
  });
});

describe('DestinationHostAnalyzer: subsets ignored at the ingress (IST0140)', () => {
  const meshVs = dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: reviews, namespace: shop}
    spec:
      hosts: [reviews]
      http:
      - route:
        - destination: {host: reviews, subset: v1}
  `;
  const ingressVs = (destination: string, gateways = '[shop-gw]') => dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: front, namespace: shop}
    spec:
      hosts: [shop.example.com]
      gateways: ${gateways}
      http:
      - route:
        - destination: ${destination}
  `;

  test('a gateway route without subset to a host whose own VirtualService uses subsets warns', () => {
    const found = run(checkIngressSubsets, workspaceOf(meshVs, ingressVs('{host: reviews}')));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-ingress-subset-ignored',
        severity: 'warning',
        resource: 'VirtualService/shop/front',
        path: 'spec.http[0].route[0].destination',
        istio: 'IST0140',
      },
    ]);
    expect(found[0]?.message).toContain('Subset v1 in VirtualService shop/reviews');
  });

  test('no warning when the gateway route names a subset, or the VirtualService has no gateways', () => {
    expect(
      run(checkIngressSubsets, workspaceOf(meshVs, ingressVs('{host: reviews, subset: v2}'))),
    ).toEqual([]);
    const noGateways = ingressVs('{host: reviews}').replace('  gateways: [shop-gw]\n', '');
    expect(run(checkIngressSubsets, workspaceOf(meshVs, noGateways))).toEqual([]);
  });

  test('hosts compare as written, as in Istio: the FQDN of the same host does not warn', () => {
    const fqdn = ingressVs('{host: reviews.shop.svc.cluster.local}');
    expect(run(checkIngressSubsets, workspaceOf(meshVs, fqdn))).toEqual([]);
  });

  test('a subset route to a host the VirtualService does not define does not count', () => {
    const other = meshVs.replace('hosts: [reviews]', 'hosts: [reviews-internal]');
    expect(run(checkIngressSubsets, workspaceOf(other, ingressVs('{host: reviews}')))).toEqual([]);
  });
});
