import { describe, expect, it } from 'vitest';
import { applyCommand } from '../edit/applyCommand.ts';
import { dedent } from '../testing/dedent.ts';
import { buildCatalog } from './catalog.ts';
import { loadWorkspace, type Workspace } from './workspace.ts';

const start = loadWorkspace([
  {
    name: 'shop.yaml',
    text: dedent`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw, namespace: shop}
      spec: {selector: {istio: ingressgateway}}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: shop}
      spec:
        hosts: [shop.example.com]
        gateways: [gw]
        http: [{route: [{destination: {host: web}, weight: 100}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 80}]}
    `,
  },
]);

function set(workspace: Workspace, target: string, path: (string | number)[], value: unknown) {
  const result = applyCommand(workspace, { type: 'setValue', target, path, value });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the catalog after one edit', () => {
  it('is built once per workspace', () => {
    expect(buildCatalog(start)).toBe(buildCatalog(start));
  });

  it('shares every index the edited resource is not in', () => {
    const before = buildCatalog(start);
    const after = buildCatalog(
      set(start, 'VirtualService/shop/web', ['spec', 'http', 0, 'route', 0, 'weight'], 90),
    );
    expect(after.virtualServices).not.toBe(before.virtualServices);
    expect(after.virtualServices[0]?.object.http[0]?.route[0]?.weight).toBe(90);
    // Same VirtualService names: what only asks "is there one called X" holds too.
    expect(after.virtualServiceIds).toBe(before.virtualServiceIds);
    expect(after.gateways).toBe(before.gateways);
    expect(after.gatewayIds).toBe(before.gatewayIds);
    expect(after.serviceByFqdn).toBe(before.serviceByFqdn);
    expect(after.servicesByNamespace).toBe(before.servicesByNamespace);
  });

  it('builds again what an edited Service is in, and sees the edit', () => {
    const before = buildCatalog(start);
    const after = buildCatalog(set(start, 'Service/shop/web', ['spec', 'selector', 'app'], 'web2'));
    expect(after.serviceByFqdn).not.toBe(before.serviceByFqdn);
    expect(after.serviceByFqdn.get('web.shop.svc.cluster.local')?.object.selector).toEqual({
      app: 'web2',
    });
    expect(after.virtualServices).toBe(before.virtualServices);
  });
});
