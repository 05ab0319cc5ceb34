import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  backend,
  HTTP_LISTENER,
  httpRoute,
  k8sGateway,
} from '../../testing/gatewayApiSimulations.ts';
import { workspaceOf } from '../../testing/simulations.ts';
import { simulate } from '../simulate.ts';
import { outcomeSummary } from '../summary.ts';

const doc = (kind: string, spec: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: { name: x, namespace: web }\n${spec}\n`;

// Fields of every Gateway API kind the simulator reads, with values of the wrong type or shape.
const GARBAGE = [
  doc('Gateway', 'spec: 42'),
  doc(
    'Gateway',
    'spec: { gatewayClassName: istio, listeners: [null, 3, { port: "80" }, { name: a, port: 80, protocol: 7, hostname: 1 }, { name: b, port: 443, protocol: HTTPS, tls: 3 }] }',
  ),
  doc(
    'Gateway',
    'spec: { gatewayClassName: istio, addresses: [{ type: Hostname, value: "" }], listeners: [{ name: h, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: Selector } } }] }',
  ),
  doc(
    'HTTPRoute',
    'spec: { parentRefs: [null, { name: x }, { name: gw, port: "x" }], hostnames: [1, null, "*"], rules: [null, 3, { matches: [null, { path: 7 }, { path: { type: RegularExpression, value: "(" } }, { headers: [null, { name: 1 }], queryParams: 3 }] }] }',
  ),
  doc(
    'HTTPRoute',
    'spec: { parentRefs: [{ name: gw }], rules: [{ filters: [null, { type: RequestRedirect, requestRedirect: { statusCode: 999, port: -1, path: { type: ReplacePrefixMatch } } }] }] }',
  ),
  doc(
    'HTTPRoute',
    'spec: { parentRefs: [{ name: gw }], rules: [{ filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplaceFullPath } } }, { type: RequestMirror, requestMirror: { backendRef: 3, percent: 400 } }, { type: RequestHeaderModifier, requestHeaderModifier: { set: [null, { name: 1 }], remove: [1] } }], backendRefs: [null, { name: a, port: 8080, weight: -3 }, { name: b, weight: "x" }] }] }',
  ),
  doc(
    'GRPCRoute',
    'spec: { parentRefs: [{ name: gw }], rules: [{ matches: [{ method: { type: RegularExpression, service: "(" } }, { method: 3 }] }] }',
  ),
  doc(
    'TLSRoute',
    'spec: { parentRefs: [{ name: gw }], hostnames: 4, rules: [null, { backendRefs: 3 }] }',
  ),
  doc('TCPRoute', 'spec: { parentRefs: [{ name: gw }], rules: 3 }'),
  doc('ReferenceGrant', 'spec: { from: [null, 3], to: { a: 1 } }'),
];

const URL = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.constantFrom('shop.example.com', 'a.example.com', 'localhost'),
    fc.constantFrom('', ':80', ':443', ':8080', ':31400'),
    fc.constantFrom('/', '/v2/x', '/a?b=1&c', '/%2e%2e/x'),
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port}${path}`);

describe('the Gateway API simulation never throws', () => {
  test('on wrong fields of every kind it reads, with any request', () => {
    const base = [
      k8sGateway([HTTP_LISTENER, '{ name: tcp, port: 31400, protocol: TCP }']),
      httpRoute('r', 'rules: [{ backendRefs: [{ name: a, port: 8080 }] }]'),
      backend('a'),
    ];
    fc.assert(
      fc.property(fc.subarray(GARBAGE), URL, (garbage, url) => {
        const result = simulate(workspaceOf(...base, ...garbage), { url, headers: { x: '1' } });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const s = result.value;
        expect(typeof outcomeSummary(s)).toBe('string');
        if (s.outcome === 'noRoute') expect(s.status).toBe(404);
        const total = s.destinations.reduce((sum, d) => sum + d.probability, 0);
        expect(total).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
