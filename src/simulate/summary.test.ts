import { describe, expect, test } from 'vitest';
import { docs, httpGateway, sim, stepsOf, workspaceOf, yaml } from '../testing/simulations.ts';
import { recordTest } from './recordTest.ts';
import { runSavedTests } from './runSavedTests.ts';
import { outcomeSummary, outcomeTone } from './summary.ts';

/** myapp split 80/20 over subsets v1 and v2, with its Service; `pods` are the workloads. */
function myapp(pods: string): string {
  return docs(
    httpGateway(['myapp.example.com']),
    yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: { name: myapp, namespace: default }
      spec:
        hosts: [myapp.example.com]
        gateways: [istio-system/gw]
        http:
          - name: split
            route:
              - { destination: { host: myapp, subset: v1 }, weight: 80 }
              - { destination: { host: myapp, subset: v2 }, weight: 20 }
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: { name: myapp, namespace: default }
      spec:
        host: myapp
        subsets:
          - { name: v1, labels: { version: v1 } }
          - { name: v2, labels: { version: v2 } }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: myapp, namespace: default }
      spec:
        selector: { app: myapp }
        ports: [{ name: http, port: 8080 }]
    `,
    pods,
  );
}

function deployment(name: string, labels: string): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: ${name}, namespace: default }
    spec: { template: { metadata: { labels: ${labels} } } }
  `;
}

const url = 'http://myapp.example.com/';
const V1 = deployment('myapp-v1', '{ app: myapp, version: v1 }');
const V2 = deployment('myapp-v2', '{ app: myapp, version: v2 }');
// Another app's pods that happen to carry the same version labels.
const SHOP = docs(
  deployment('shop-v1', '{ app: shop, version: v1 }'),
  deployment('shop-v2', '{ app: shop, version: v2 }'),
);

describe('the one-line answer agrees with the steps', () => {
  test('both subsets have pods: routed, with each share', () => {
    const s = sim(myapp(docs(V1, V2)), url);
    expect(s.status).toBeNull();
    expect(outcomeSummary(s)).toBe(
      'Routed by rule split of VirtualService/default/myapp to myapp.default.svc.cluster.local:8080 v1 (80%), myapp.default.svc.cluster.local:8080 v2 (20%)',
    );
    expect(outcomeTone(s)).toBe('ok');
  });

  test('no pod of myapp at all (only another app carries the labels): 503 from the gateway', () => {
    const s = sim(myapp(SHOP), url);
    expect(s.outcome).toBe('route');
    expect(s.status).toBe(503);
    expect(outcomeSummary(s)).toBe('503 from the gateway: no endpoints for myapp v1, v2 (UH)');
    expect(outcomeTone(s)).toBe('failed');
    // The steps say the same of each destination.
    for (const step of stepsOf(s, 'destination')) {
      expect(step.detail).toContain('(503 UH)');
      expect(step.matched).toBe(false);
    }
    expect(s.destinations.flatMap((d) => d.pods)).toEqual([]);
  });

  test('only v2 has none: routed to v1, and the failing share is named', () => {
    const s = sim(myapp(docs(V1, SHOP)), url);
    expect(s.status).toBeNull();
    expect(outcomeSummary(s)).toBe(
      'Routed by rule split of VirtualService/default/myapp to myapp.default.svc.cluster.local:8080 v1 (80%); 20% fail with 503: myapp v2 has no endpoints',
    );
    expect(outcomeTone(s)).toBe('partial');
  });

  test('a missing subset is a 503 NC, said as no cluster', () => {
    const text = myapp(docs(V1, V2)).replace('- { name: v2, labels: { version: v2 } }', '');
    const s = sim(text, url);
    expect(outcomeSummary(s)).toContain('20% fail with 503: myapp v2 has no subset v2');
    const none = sim(text.replace('subset: v1 }', 'subset: v3 }'), url);
    expect(none.status).toBe(503);
    expect(outcomeSummary(none)).toBe('503 from the gateway: no cluster for myapp v3, v2 (NC)');
  });

  test('without any workload in the workspace it cannot tell: routed, and says the pods are not here', () => {
    const s = sim(myapp(''), url);
    expect(s.status).toBeNull();
    expect(outcomeSummary(s)).toBe(
      'Routed by rule split of VirtualService/default/myapp to myapp.default.svc.cluster.local:8080 v1 (80%, its pods are not in this workspace), myapp.default.svc.cluster.local:8080 v2 (20%, its pods are not in this workspace)',
    );
  });
});

describe('Save as test pins a 503', () => {
  test('a route answered 503 is recorded with its status, so a fix that brings pods fails it', () => {
    const failing = sim(myapp(SHOP), url);
    const saved = recordTest('myapp', { url }, failing);
    expect(saved.expect).toMatchObject({ outcome: 'route', status: 503 });
    const { results } = runSavedTests(workspaceOf(myapp(docs(V1, V2))), [saved]);
    expect(results[0]?.mismatches).toContain('expected status 503, got null');
  });
});
