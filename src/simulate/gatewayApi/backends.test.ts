import { describe, expect, it } from 'vitest';
import {
  backend,
  backends,
  HTTP_LISTENER,
  httpRoute,
  k8sGateway,
} from '../../testing/gatewayApiSimulations.ts';
import { sim } from '../../testing/simulations.ts';
import { outcomeSummary } from '../summary.ts';

const GATEWAY = k8sGateway([HTTP_LISTENER]);
const route = (rules: string) => httpRoute('r', `rules:\n${rules}`);

// Weights: conformance httproute-weight; 500s: httproute-invalid-*, httproute-omitted-backendrefs,
// httproute-partially-invalid-via-invalid-reference-grant (HTTPRouteRule.backendRefs docs).
describe('weights', () => {
  it('backends share by weight; weight 0 gets nothing', () => {
    const s = sim(
      [
        GATEWAY,
        route(
          '  - backendRefs: [{ name: a, port: 8080, weight: 70 }, { name: b, port: 8080, weight: 30 }, { name: c, port: 8080, weight: 0 }]',
        ),
        backend('a'),
        backend('b'),
        backend('c'),
      ],
      'http://h/',
    );
    expect(backends(s)).toEqual(['a 70%', 'b 30%']);
    expect(s.destinations.find((d) => d.host.startsWith('c.'))?.probability).toBe(0);
  });
  it('a backendRef without weight counts 1; a lone one takes everything', () => {
    expect(
      backends(
        sim(
          [
            GATEWAY,
            route('  - backendRefs: [{ name: a, port: 8080 }, { name: b, port: 8080, weight: 3 }]'),
            backend('a'),
            backend('b'),
          ],
          'http://h/',
        ),
      ),
    ).toEqual(['a 25%', 'b 75%']);
    expect(
      backends(
        sim(
          [
            GATEWAY,
            route(
              '  - backendRefs: [{ name: a, port: 8080, weight: 5 }, { name: b, port: 8080, weight: 0 }]',
            ),
            backend('a'),
            backend('b'),
          ],
          'http://h/',
        ),
      ),
    ).toEqual(['a 100%']);
  });
  it('all weights 0, or no backendRefs at all, is a 500 from the gateway', () => {
    for (const rules of [
      '  - backendRefs: [{ name: a, port: 8080, weight: 0 }]',
      '  - matches: [{ path: { type: PathPrefix, value: / } }]',
    ]) {
      const s = sim([GATEWAY, route(rules), backend('a')], 'http://h/');
      expect(s.outcome).toBe('directResponse');
      expect(s.status).toBe(500);
      expect(s.httpRoute).toBe('HTTPRoute/web/r');
    }
  });
});

describe('backendRefs that do not resolve', () => {
  it('a Service the workspace does not hold (while it holds others) answers 500', () => {
    const s = sim(
      [GATEWAY, route('  - backendRefs: [{ name: missing, port: 8080 }]'), backend('a')],
      'http://h/',
    );
    expect(s.outcome).toBe('directResponse');
    expect(s.status).toBe(500);
    expect(s.steps.some((step) => /BackendNotFound/.test(step.detail))).toBe(true);
  });
  it('with no Services in the workspace at all, the backend is "not in this workspace", not missing', () => {
    const s = sim([GATEWAY, route('  - backendRefs: [{ name: a, port: 8080 }]')], 'http://h/');
    expect(s.outcome).toBe('route');
    expect(s.destinations[0]?.endpoints).toBe('unknown');
  });
  it('an unknown kind answers 500', () => {
    const s = sim(
      [
        GATEWAY,
        route('  - backendRefs: [{ group: example.com, kind: Bucket, name: a, port: 8080 }]'),
        backend('a'),
      ],
      'http://h/',
    );
    expect(s.status).toBe(500);
    expect(s.steps.some((step) => /InvalidKind/.test(step.detail))).toBe(true);
  });
  it('a split says which share fails with 500', () => {
    const s = sim(
      [
        GATEWAY,
        route('  - backendRefs: [{ name: a, port: 8080 }, { name: missing, port: 8080 }]'),
        backend('a'),
      ],
      'http://h/',
    );
    expect(s.outcome).toBe('route');
    expect(s.status).toBeNull();
    expect(s.destinations.find((d) => d.host.startsWith('missing.'))?.unresolved).toBe(
      'BackendNotFound',
    );
    expect(outcomeSummary(s)).toMatch(
      /; 50% fail with 500: missing cannot be resolved \(BackendNotFound\)/,
    );
  });
  it('another namespace’s Service needs a ReferenceGrant there', () => {
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: let-web-in, namespace: shop }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web }]
  to: [{ group: "", kind: Service }]
`;
    const rules = route('  - backendRefs: [{ name: a, namespace: shop, port: 8080 }]');
    const denied = sim([GATEWAY, rules, backend('a', 'shop')], 'http://h/');
    expect(denied.status).toBe(500);
    expect(denied.steps.some((step) => /RefNotPermitted/.test(step.detail))).toBe(true);
    const granted = sim([GATEWAY, rules, backend('a', 'shop'), grant], 'http://h/');
    expect(backends(granted)).toEqual(['a 100%']);
    expect(granted.destinations[0]?.host).toBe('a.shop.svc.cluster.local');
    expect(
      granted.steps.some((step) =>
        /permitted by ReferenceGrant shop\/let-web-in/.test(step.detail),
      ),
    ).toBe(true);
  });
});

describe('endpoints', () => {
  it('a Service whose pods are not there answers 503, as for a VirtualService', () => {
    const lonely = `apiVersion: v1
kind: Service
metadata: { name: lonely, namespace: web }
spec: { selector: { app: nobody }, ports: [{ port: 8080 }] }
`;
    const s = sim(
      [GATEWAY, route('  - backendRefs: [{ name: lonely, port: 8080 }]'), lonely, backend('a')],
      'http://h/',
    );
    expect(s.outcome).toBe('route');
    expect(s.status).toBe(503);
  });
});

describe('routes Istio cannot convert', () => {
  it('a Service backendRef without a port drops the whole route, and the trace says why', () => {
    const ws = [
      GATEWAY,
      route(
        '  - matches: [{ path: { type: PathPrefix, value: /a } }]\n    backendRefs: [{ name: a, port: 8080 }]\n  - backendRefs: [{ name: a }]',
      ),
      backend('a'),
    ];
    const s = sim(ws, 'http://h/a');
    expect(s.outcome).toBe('noRoute');
    expect(s.steps.some((step) => /port is required in backendRef/.test(step.detail))).toBe(true);
  });
});
