import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { codes, seen, structureFindings } from '../../testing/structureFindings.ts';

const vs = (spec: string) => dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop
    namespace: shop
  spec:
  ${spec}
`;

const route = `
    http:
    - route:
      - destination: {host: web}`;

describe('VirtualService validation (ValidateVirtualService)', () => {
  it('accepts a gateway-bound VirtualService with host * and ns/name gateways', () => {
    expect(seen(vs(`  hosts: ["*"]\n    gateways: [istio-system/web, mesh-gw]${route}`))).toEqual(
      [],
    );
  });

  it('rejects host * for the mesh', () => {
    expect(seen(vs(`  hosts: ["*"]${route}`))).toEqual([
      { code: 'vs-host-wildcard-mesh', istio: 'IST0106', severity: 'error', path: 'spec.hosts[0]' },
    ]);
  });

  it('rejects invalid hosts but tolerates IP addresses', () => {
    expect(
      seen(vs(`  hosts: [bad_host.com, "10.1.2.3", "shop.*.com"]${route}`)).map((f) => f.path),
    ).toEqual(['spec.hosts[0]', 'spec.hosts[2]']);
  });

  it('rejects overlapping hosts in one VirtualService', () => {
    expect(seen(vs(`  hosts: ["*.example.com", shop.example.com]${route}`))).toEqual([
      { code: 'vs-host-duplicate', istio: 'IST0106', severity: 'error', path: 'spec.hosts[1]' },
    ]);
  });

  it('requires at least one of http, tcp or tls', () => {
    expect(codes(vs('  hosts: [web]'))).toEqual(['vs-no-routes']);
  });

  it('rejects gateways, tls and tcp on a delegate VirtualService (no hosts)', () => {
    const yaml = vs(`  gateways: [web]${route}
    tcp:
    - route:
      - destination: {host: db}`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['vs-delegate-invalid', 'spec.gateways'],
      ['vs-delegate-invalid', 'spec.tcp'],
    ]);
  });

  it('rejects invalid gateway references and warns on the legacy name.namespace form', () => {
    const bad = seen(vs(`  hosts: [web]\n    gateways: [istio-system/web_gw]${route}`));
    expect(bad).toEqual([
      {
        code: 'vs-gateway-name-invalid',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.gateways[0]',
      },
    ]);
    const legacy = structureFindings(
      vs(`  hosts: [web]\n    gateways: [web.istio-system]${route}`),
    );
    expect(legacy.map((f) => [f.code, f.severity, f.istio, f.kiali])).toEqual([
      ['vs-gateway-legacy-name', 'warning', 'IST0133', 'KIA1108'],
    ]);
    expect(legacy[0]?.message).toContain('istio-system/web');
  });

  it('allows JWT claim routing on gateways only', () => {
    const rule = `
    http:
    - match:
      - headers:
          "@request.auth.claims.group": {exact: admin}
      route:
      - destination: {host: web}`;
    expect(codes(vs(`  hosts: [web]${rule}`))).toEqual(['vs-jwt-claim-without-gateway']);
    expect(
      codes(vs(`  hosts: [web.example.com]\n    gateways: [istio-system/web]${rule}`)),
    ).toEqual([]);
  });

  it('checks exportTo entries', () => {
    const yaml = vs(`  hosts: [web]\n    exportTo: [".", shop, "~"]${route}`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['vs-export-to-invalid', 'spec.exportTo[1]'],
      ['vs-export-to-invalid', 'spec.exportTo[2]'],
    ]);
  });
});

describe('VirtualService TLS and TCP rules', () => {
  it('accepts SNI routing on a gateway', () => {
    const yaml = vs(`  hosts: ["*.example.com"]
    gateways: [istio-system/tls]
    tls:
    - match:
      - port: 443
        sniHosts: [shop.example.com]
      route:
      - destination: {host: shop, port: {number: 443}}`);
    expect(seen(yaml)).toEqual([]);
  });

  it('requires sniHosts covered by the VirtualService hosts, and a route', () => {
    const yaml = vs(`  hosts: [shop.example.com]
    gateways: [istio-system/tls]
    tls:
    - match:
      - sniHosts: [other.example.com]
    - match:
      - port: 443`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['vs-tls-sni-not-in-hosts', 'spec.tls[0].match[0].sniHosts[0]'],
      ['vs-tls-route-missing', 'spec.tls[0].route'],
      ['vs-tls-sni-missing', 'spec.tls[1].match[0].sniHosts'],
      ['vs-tls-route-missing', 'spec.tls[1].route'],
    ]);
  });

  it('requires a route on TCP rules and checks their match ports and subnets', () => {
    const yaml = vs(`  hosts: [db]
    tcp:
    - match:
      - port: 70000
        destinationSubnets: [10.0.0.0/33]`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['vs-match-subnet-invalid', 'spec.tcp[0].match[0].destinationSubnets[0]'],
      ['vs-match-port-invalid', 'spec.tcp[0].match[0].port'],
      ['vs-tcp-route-missing', 'spec.tcp[0].route'],
    ]);
  });
});
