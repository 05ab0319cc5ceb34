import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { checkKialiRoutes } from './kialiRouteChecks.ts';

function vs(name: string, body: string, head = 'hosts: [shop.example.com]\n  gateways: [gw]') {
  return `${dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: ${name}, namespace: shop}
    spec:
  `}  ${head}\n${body}`;
}

describe("Kiali's route checks (KIA1104, KIA1105)", () => {
  test('a lone destination with weight under 100 warns at the weight; the fix removes it', () => {
    const workspace = workspaceOf(
      vs('web', '  http:\n  - route:\n    - destination: {host: web}\n      weight: 80\n'),
    );
    const found = run(checkKialiRoutes, workspace);
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-single-destination-weight',
        severity: 'warning',
        resource: 'VirtualService/shop/web',
        path: 'spec.http[0].route[0].weight',
        kiali: 'KIA1104',
      },
    ]);
    const fixed = applyFix(workspace, found[0]?.fixes?.[0]);
    expect(textOf(fixed)).not.toContain('weight');
    expect(run(checkKialiRoutes, fixed)).toEqual([]);
  });

  test('weights 0 or 100 on a lone destination, and split weights, are fine', () => {
    for (const weight of [0, 100]) {
      const text = vs(
        'web',
        `  tcp:\n  - route:\n    - destination: {host: web}\n      weight: ${weight}\n`,
      );
      expect(run(checkKialiRoutes, workspaceOf(text))).toEqual([]);
    }
    const split = vs(
      'web',
      '  http:\n  - route:\n    - destination: {host: web, subset: v1}\n      weight: 80\n    - destination: {host: web, subset: v2}\n      weight: 20\n',
    );
    expect(run(checkKialiRoutes, workspaceOf(split))).toEqual([]);
  });

  test('the same host and subset twice in one route is reported at each host', () => {
    const text = vs(
      'web',
      '  http:\n  - route:\n    - destination: {host: web, subset: v1}\n      weight: 50\n    - destination: {host: web.shop.svc.cluster.local, subset: v1}\n      weight: 50\n',
    );
    const found = run(checkKialiRoutes, workspaceOf(text));
    expect(found.map((f) => [f.kiali, f.severity, f.path.join('.')])).toEqual([
      ['KIA1105', 'warning', 'spec.http.0.route.0.destination.host'],
      ['KIA1105', 'warning', 'spec.http.0.route.1.destination.host'],
    ]);
  });
});
