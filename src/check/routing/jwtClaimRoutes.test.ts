import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { checkJwtClaimRoutes } from './jwtClaimRoutes.ts';

const gateway = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: gw, namespace: shop}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
`;

const claimRoute = dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: web, namespace: shop}
  spec:
    hosts: [shop.example.com]
    gateways: [gw]
    http:
    - match:
      - headers:
          "@request.auth.claims.group": {exact: admin}
      route:
      - destination: {host: admin}
    - route:
      - destination: {host: web}
`;

function authentication(
  namespace: string,
  selector = 'selector: {matchLabels: {istio: ingressgateway}}',
) {
  return dedent`
    apiVersion: security.istio.io/v1
    kind: RequestAuthentication
    metadata: {name: jwt, namespace: ${namespace}}
    spec:
      ${selector}
      jwtRules:
      - issuer: https://issuer.example.com
  `;
}

describe('JWTClaimRouteAnalyzer: JWT claim routing needs a RequestAuthentication (IST0149)', () => {
  test('without RequestAuthentication, each gateway pod is reported at the claim header', () => {
    const found = run(checkJwtClaimRoutes, workspaceOf(gateway, claimRoute));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-jwt-claim-without-authentication',
        severity: 'error',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].match[0].headers.@request.auth.claims.group',
        istio: 'IST0149',
      },
    ]);
    // istioctl's implied ingress pod is the one the Gateway selects here.
    expect(found[0]?.message).toContain('istio-system/istio-ingressgateway-dummypod');
  });

  test('a RequestAuthentication in istio-system selecting the gateway pods satisfies it', () => {
    expect(
      run(checkJwtClaimRoutes, workspaceOf(gateway, claimRoute, authentication('istio-system'))),
    ).toEqual([]);
  });

  test("one without selector in the pods' namespace applies to every pod there", () => {
    expect(
      run(
        checkJwtClaimRoutes,
        workspaceOf(gateway, claimRoute, authentication('istio-system', '')),
      ),
    ).toEqual([]);
  });

  test('one in an unrelated namespace, or selecting other pods, does not', () => {
    expect(
      run(checkJwtClaimRoutes, workspaceOf(gateway, claimRoute, authentication('shop'))),
    ).toHaveLength(1);
    const other = authentication('istio-system', 'selector: {matchLabels: {app: other}}');
    expect(run(checkJwtClaimRoutes, workspaceOf(gateway, claimRoute, other))).toHaveLength(1);
  });

  test('withoutHeaders claims count; VirtualServices without claims or without Gateways do not', () => {
    const without = claimRoute.replace('headers:', 'withoutHeaders:');
    expect(run(checkJwtClaimRoutes, workspaceOf(gateway, without))).toHaveLength(1);
    const plain = claimRoute.replace('"@request.auth.claims.group"', 'x-group');
    expect(run(checkJwtClaimRoutes, workspaceOf(gateway, plain))).toEqual([]);
    // A missing Gateway is the gateway check's finding, not this one's.
    expect(run(checkJwtClaimRoutes, workspaceOf(claimRoute))).toEqual([]);
  });
});
