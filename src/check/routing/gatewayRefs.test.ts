import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkGatewayRefs } from './gatewayRefs.ts';
import { checkMatchGatewayRefs } from './matchGatewayRefs.ts';

const gateway = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: shop-gw, namespace: shop}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["shop.example.com", "*.api.example.com"]
`;

function vs(gateways: string, hosts = '["shop.example.com"]', namespace = 'shop') {
  return dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: web, namespace: ${namespace}}
    spec:
      hosts: ${hosts}
      gateways: ${gateways}
      http:
      - route:
        - destination: {host: web}
  `;
}

describe('GatewayAnalyzer: VirtualService.gateways references (IST0101, IST0132, IST0165)', () => {
  test('a bare gateway name is looked up in the VirtualService namespace and found', () => {
    expect(run(checkGatewayRefs, workspaceOf(gateway, vs('[shop-gw]')))).toEqual([]);
  });

  test('ns/name finds a Gateway of another namespace; mesh is accepted as is', () => {
    const found = run(
      checkGatewayRefs,
      workspaceOf(gateway, vs('[shop/shop-gw, mesh]', undefined, 'web')),
    );
    expect(found).toEqual([]);
  });

  test('a missing Gateway gives IST0101 (KIA1102) and IST0132, as istioctl reports both', () => {
    const found = run(checkGatewayRefs, workspaceOf(gateway, vs('[mesh, shop-gateway]')));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-gateway-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.gateways[1]',
        istio: 'IST0101',
        kiali: 'KIA1102',
      },
      {
        code: 'vs-host-not-in-gateway',
        severity: 'warning',
        resource: 'VirtualService/shop/web',
        path: 'spec.gateways[1]',
        istio: 'IST0132',
      },
    ]);
    expect(found[0]?.message).toContain('"shop-gateway"');
  });

  test('a bare name does not find a Gateway of the same name in another namespace', () => {
    const found = run(checkGatewayRefs, workspaceOf(gateway, vs('[shop-gw]', undefined, 'web')));
    expect(found.map((f) => f.istio)).toEqual(['IST0101', 'IST0132']);
  });

  test('the only Gateway of the workspace is offered as the fix, and applying it clears both', () => {
    const workspace = workspaceOf(gateway, vs('[shop-gateway]'));
    const fix = run(checkGatewayRefs, workspace)[0]?.fixes?.[0];
    expect(fix?.title).toBe('Bind to the existing Gateway shop/shop-gw');
    const fixed = applyFix(workspace, fix);
    expect(textOf(fixed, 1)).toContain('gateways: [shop/shop-gw]');
    expect(run(checkGatewayRefs, fixed)).toEqual([]);
  });

  test('a host matching a wildcard server host is served; one that only shares the suffix is not', () => {
    expect(
      run(checkGatewayRefs, workspaceOf(gateway, vs('[shop-gw]', '[v1.api.example.com]'))),
    ).toEqual([]);
    const found = run(checkGatewayRefs, workspaceOf(gateway, vs('[shop-gw]', '[api.example.com]')));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-host-not-in-gateway',
        severity: 'warning',
        resource: 'VirtualService/shop/web',
        path: 'spec.gateways[0]',
        istio: 'IST0132',
      },
    ]);
  });

  test('VirtualService hosts are compared as written: a short name does not match its FQDN', () => {
    const gw = gateway.replace('"shop.example.com"', 'web.shop.svc.cluster.local');
    const found = run(checkGatewayRefs, workspaceOf(gw, vs('[shop-gw]', '[web]')));
    expect(found.map((f) => f.istio)).toEqual(['IST0132']);
  });

  test('a server host "ns/host" only serves VirtualServices of that namespace; "./" is the Gateway\'s', () => {
    const scoped = (prefix: string) =>
      gateway.replace('"shop.example.com"', `"${prefix}/shop.example.com"`);
    expect(run(checkGatewayRefs, workspaceOf(scoped('shop'), vs('[shop-gw]')))).toEqual([]);
    expect(run(checkGatewayRefs, workspaceOf(scoped('.'), vs('[shop-gw]')))).toEqual([]);
    expect(run(checkGatewayRefs, workspaceOf(scoped('*'), vs('[shop-gw]')))).toEqual([]);
    const other = run(checkGatewayRefs, workspaceOf(scoped('other'), vs('[shop-gw]')));
    expect(other.map((f) => f.istio)).toEqual(['IST0132']);
    const elsewhere = run(
      checkGatewayRefs,
      workspaceOf(scoped('.'), vs('[shop/shop-gw]', undefined, 'web')),
    );
    expect(elsewhere.map((f) => f.istio)).toEqual(['IST0132']);
  });

  test('the fix for IST0132 adds the host to the one HTTP server of the bound Gateway', () => {
    const workspace = workspaceOf(gateway, vs('[shop-gw]', '[new.example.com]'));
    const fix = run(checkGatewayRefs, workspace)[0]?.fixes?.[0];
    expect(fix?.title).toBe('Add new.example.com to server http of Gateway shop-gw');
    const fixed = applyFix(workspace, fix);
    const hostsLine = textOf(fixed, 0)
      .split('\n')
      .find((line) => line.includes('hosts:'));
    expect(hostsLine).toMatch(/shop\.example\.com.*\*\.api\.example\.com.*new\.example\.com/);
    expect(run(checkGatewayRefs, fixed)).toEqual([]);
  });

  test('no host fix when the Gateway has two servers of the matching protocol', () => {
    const twoServers = `${gateway}  - port: {number: 8080, name: http-alt, protocol: HTTP}\n    hosts: ["other.example.com"]\n`;
    const found = run(
      checkGatewayRefs,
      workspaceOf(twoServers, vs('[shop-gw]', '[new.example.com]')),
    );
    expect(found[0]?.istio).toBe('IST0132');
    expect(found[0]?.fixes).toBeUndefined();
  });

  test('a Kubernetes Gateway counts: its listener hostnames are matched, no hostname serves all', () => {
    const k8s = (hostname: string) => dedent`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: shop-gw, namespace: shop}
      spec:
        gatewayClassName: istio
        listeners:
        - name: http
          port: 80
          protocol: HTTP
          ${hostname}
    `;
    expect(
      run(checkGatewayRefs, workspaceOf(k8s('hostname: shop.example.com'), vs('[shop-gw]'))),
    ).toEqual([]);
    expect(run(checkGatewayRefs, workspaceOf(k8s(''), vs('[shop-gw]')))).toEqual([]);
    const found = run(
      checkGatewayRefs,
      workspaceOf(k8s('hostname: other.example.com'), vs('[shop-gw]')),
    );
    expect(found.map((f) => f.istio)).toEqual(['IST0132']);
  });

  test('a reference to an Istio-generated Gateway of a Kubernetes Gateway gives IST0165 only', () => {
    const found = run(
      checkGatewayRefs,
      workspaceOf(vs('["istio-ingress/gateway~istio-autogenerated-k8s-gateway~http"]')),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-internal-gateway',
        severity: 'warning',
        resource: 'VirtualService/shop/web',
        path: 'spec.gateways[0]',
        istio: 'IST0165',
      },
    ]);
  });

  test('with no Gateway in the workspace at all, a missing one is information, not an error; --complete makes it one', () => {
    const workspace = workspaceOf(vs('[shop-gw]'));
    const ofGateways = (complete: boolean) =>
      findings(workspace, { complete }).filter((f) => f.code.startsWith('vs-gateway-not-found'));
    expect(ofGateways(false).map((f) => [f.istio, f.severity])).toEqual([['IST0101', 'info']]);
    expect(ofGateways(false)[0]?.message).toContain('not in this workspace');
    expect(ofGateways(true).map((f) => [f.istio, f.severity])).toEqual([['IST0101', 'error']]);
  });

  test('a VirtualService written twice is reported once', () => {
    const twice = vs('[shop-gateway]');
    const found = run(checkGatewayRefs, workspaceOf(gateway, twice, twice));
    expect(found.filter((f) => f.istio === 'IST0101')).toHaveLength(1);
  });
});

describe("Kiali's per-match gateway references (KIA1102)", () => {
  const withMatch = (gateways: string) => dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: web, namespace: shop}
    spec:
      hosts: [shop.example.com]
      gateways: [shop-gw, mesh]
      http:
      - match:
        - gateways: ${gateways}
        route:
        - destination: {host: web}
  `;

  test('a match naming a Gateway that does not exist is reported at that entry', () => {
    const found = run(
      checkMatchGatewayRefs,
      workspaceOf(gateway, withMatch('[mesh, shop-gateway]')),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-match-gateway-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].match[0].gateways[1]',
        kiali: 'KIA1102',
      },
    ]);
  });

  test('existing, mesh and legacy dotted references are not reported', () => {
    expect(
      run(checkMatchGatewayRefs, workspaceOf(gateway, withMatch('[shop-gw, mesh, shop-gw.shop]'))),
    ).toEqual([]);
  });
});
