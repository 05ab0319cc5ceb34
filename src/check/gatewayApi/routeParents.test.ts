import { describe, expect, test } from 'vitest';
import { applyFix, run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkRouteParents } from './routeParents.ts';
import { GATEWAY, GATEWAY_CLASS, route } from './testYaml.fixtures.ts';

const parents = (...texts: string[]) => run(checkRouteParents, workspaceOf(...texts)).map(seen);

describe('route Accepted: where a route is (not) attached', () => {
  test('a route a listener accepts has no finding', () => {
    expect(parents(GATEWAY_CLASS, GATEWAY, route())).toEqual([]);
  });

  test('a parentRef to a Gateway that is not there is NoMatchingParent, on its name', () => {
    const found = parents(GATEWAY, route('{name: edge-typo, namespace: infra}'));
    expect(found).toEqual([
      {
        code: 'gwapi-route-no-parent',
        severity: 'error',
        resource: 'HTTPRoute/shop/shop',
        path: 'spec.parentRefs[0].name',
      },
    ]);
  });

  test('a workspace without any Gateway API Gateway lowers it to info (not in this workspace)', () => {
    const [finding] = findings(workspaceOf(route())).filter(
      (f) => f.code === 'gwapi-route-no-parent',
    );
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain('not in this workspace');
    const complete = findings(workspaceOf(route()), { complete: true });
    expect(complete.find((f) => f.code === 'gwapi-route-no-parent')?.severity).toBe('error');
  });

  test('a sectionName that names no listener is reported on sectionName, with a fix per listener', () => {
    const ws = workspaceOf(GATEWAY, route('{name: edge, namespace: infra, sectionName: https}'));
    const [finding] = run(checkRouteParents, ws);
    expect(finding && seen(finding)).toMatchObject({
      code: 'gwapi-section-not-found',
      path: 'spec.parentRefs[0].sectionName',
    });
    expect(finding?.message).toContain('web, api, secure');
    expect(finding?.fixes?.map((f) => f.title)).toEqual([
      'Attach to listener web',
      'Attach to listener api',
      'Attach to listener secure',
    ]);
    expect(run(checkRouteParents, applyFix(ws, finding?.fixes?.[0]))).toEqual([]);
  });

  test('a port no listener has is reported on port', () => {
    expect(parents(GATEWAY, route('{name: edge, namespace: infra, port: 8443}'))).toMatchObject([
      { code: 'gwapi-section-not-found', path: 'spec.parentRefs[0].port' },
    ]);
  });

  test('a listener that only takes its own namespace: NotAllowedByListeners', () => {
    const found = run(
      checkRouteParents,
      workspaceOf(
        GATEWAY,
        route('{name: edge, namespace: infra, sectionName: api}').replace(
          'shop.example.com',
          'api.example.com',
        ),
      ),
    );
    expect(found.map(seen)).toMatchObject([
      { code: 'gwapi-route-not-allowed', path: 'spec.parentRefs[0]' },
    ]);
    expect(found[0]?.message).toContain('namespace "shop" is not allowed');
  });

  test('a route kind the listener does not take: NotAllowedByListeners', () => {
    const tcp = route('{name: edge, namespace: infra, sectionName: web}').replace(
      'kind: HTTPRoute',
      'kind: GRPCRoute',
    );
    const onlyHttp = GATEWAY.replace(
      'allowedRoutes: {namespaces: {from: All}}',
      'allowedRoutes: {namespaces: {from: All}, kinds: [{kind: HTTPRoute}]}',
    );
    expect(parents(onlyHttp, tcp)).toMatchObject([{ code: 'gwapi-route-not-allowed' }]);
  });

  test('hostnames no listener serves: NoMatchingListenerHostname, on spec.hostnames', () => {
    const other = route().replace('shop.example.com', 'shop.example.org');
    expect(parents(GATEWAY, other)).toMatchObject([
      { code: 'gwapi-route-hostname-mismatch', severity: 'error', path: 'spec.hostnames' },
    ]);
  });
});
