import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkRouteBackends } from './routeBackends.ts';
import { GATEWAY, route, SHOP_SERVICE } from './testYaml.fixtures.ts';

const backends = (...texts: string[]) => run(checkRouteBackends, workspaceOf(...texts)).map(seen);

const STOCK_SERVICE = dedent`
  apiVersion: v1
  kind: Service
  metadata: {name: stock, namespace: stock}
  spec: {ports: [{port: 9090}]}
`;

describe('route ResolvedRefs: backendRefs', () => {
  test('a Service of the workspace resolves', () => {
    expect(backends(GATEWAY, SHOP_SERVICE, route())).toEqual([]);
  });

  test('a Service that is not there: BackendNotFound on its name', () => {
    const found = backends(
      SHOP_SERVICE,
      route('{name: edge, namespace: infra}', '', '- backendRefs: [{name: webb, port: 8080}]'),
    );
    expect(found).toEqual([
      {
        code: 'gwapi-backend-not-found',
        severity: 'error',
        resource: 'HTTPRoute/shop/shop',
        path: 'spec.rules[0].backendRefs[0].name',
      },
    ]);
  });

  test('with no Services in the workspace it is information, and an error with --complete', () => {
    const ws = workspaceOf(GATEWAY, route());
    const lowered = findings(ws).find((f) => f.code === 'gwapi-backend-not-found');
    expect(lowered?.severity).toBe('info');
    expect(
      findings(ws, { complete: true }).find((f) => f.code === 'gwapi-backend-not-found')?.severity,
    ).toBe('error');
  });

  test('another namespace without a ReferenceGrant: RefNotPermitted, fixed by adding the grant', () => {
    const cross = route(
      '{name: edge, namespace: infra}',
      '',
      '- backendRefs: [{name: stock, namespace: stock, port: 9090}]',
    );
    const ws = workspaceOf(STOCK_SERVICE, cross);
    const [finding] = run(checkRouteBackends, ws);
    expect(finding && seen(finding)).toMatchObject({
      code: 'gwapi-ref-not-permitted',
      path: 'spec.rules[0].backendRefs[0].namespace',
    });
    expect(finding?.message).toContain(
      'add a ReferenceGrant in namespace "stock" from HTTPRoute in "shop" to Service stock',
    );
    const fixed = applyFix(ws, finding?.fixes?.[0]);
    expect(run(checkRouteBackends, fixed)).toEqual([]);
    expect(textOf(fixed, 1)).toContain('kind: ReferenceGrant');
  });

  test('a ReferenceGrant for another kind or namespace does not permit it', () => {
    const grant = dedent`
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: {name: wrong, namespace: stock}
      spec:
        from: [{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop}]
        to: [{group: "", kind: Service}]
    `;
    const cross = route(
      '{name: edge, namespace: infra}',
      '',
      '- backendRefs: [{name: stock, namespace: stock, port: 9090}]',
    );
    expect(backends(STOCK_SERVICE, grant, cross)).toMatchObject([
      { code: 'gwapi-ref-not-permitted' },
    ]);
    expect(backends(STOCK_SERVICE, grant.replace('GRPCRoute', 'HTTPRoute'), cross)).toEqual([]);
  });

  test('a kind Istio does not route to: InvalidKind, on kind', () => {
    const bucket = route(
      '{name: edge, namespace: infra}',
      '',
      '- backendRefs: [{name: files, kind: Bucket, group: storage.example.com}]',
    );
    expect(backends(SHOP_SERVICE, bucket)).toEqual([
      {
        code: 'gwapi-backend-invalid-kind',
        severity: 'error',
        resource: 'HTTPRoute/shop/shop',
        path: 'spec.rules[0].backendRefs[0].kind',
      },
    ]);
  });

  test("a RequestMirror filter's backendRef is checked the same way, on a rule and on a backendRef", () => {
    const rules = dedent`
      - filters:
        - type: RequestMirror
          requestMirror: {backendRef: {name: shadow, port: 8080}}
        backendRefs:
        - name: web
          port: 8080
          filters:
          - type: RequestMirror
            requestMirror: {backendRef: {name: shadow2, port: 8080}}
    `;
    expect(
      backends(SHOP_SERVICE, route('{name: edge, namespace: infra}', '', rules)).map((f) => f.path),
    ).toEqual([
      'spec.rules[0].filters[0].requestMirror.backendRef.name',
      'spec.rules[0].backendRefs[0].filters[0].requestMirror.backendRef.name',
    ]);
  });
});
