import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ingress, nginx, rule } from '../../testing/ingressSimulations.ts';
import { workspaceOf } from '../../testing/simulations.ts';
import { simulate } from '../simulate.ts';
import { outcomeSummary } from '../summary.ts';

const CANARY = `${nginx('canary')}: "true", ${nginx('canary-weight')}: "x", ${nginx('canary-by-header')}: x, ${nginx('canary-by-header-pattern')}: "("`;
const doc = (kind: string, rest: string, apiVersion = 'networking.k8s.io/v1', more = '') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: x${rest.length}, namespace: web, annotations: { kubernetes.io/ingress.class: nginx${more} } }\n${rest}\n`;

// Ingress fields the simulator reads, with values of the wrong type or shape.
const GARBAGE = [
  doc('Ingress', 'spec: 42'),
  doc(
    'Ingress',
    'spec: { rules: [null, 3, { host: 7, http: 3 }, { http: { paths: [null, { path: 3, backend: 4 }] } }] }',
  ),
  doc(
    'Ingress',
    'spec: { defaultBackend: { resource: { kind: Bucket } }, tls: [null, { hosts: 3 }], rules: [{ host: "*.example.com", http: { paths: [{ path: "(", pathType: ImplementationSpecific, backend: { service: { name: a, port: { name: 3 } } } }] } }] }',
  ),
  doc('Ingress', 'spec: { backend: { serviceName: a, servicePort: http } }', 'extensions/v1beta1'),
  doc('IngressClass', 'spec: { controller: 3 }'),
  doc(
    'Ingress',
    'spec: { rules: [{ host: shop.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: 3 }, { path: /v2, backend: { service: { name: b } } }] } }] }',
    'networking.k8s.io/v1',
    `, ${CANARY}`,
  ),
  ingress([rule('shop.example.com', [['(', 'ImplementationSpecific', 'a', 80]])], {
    name: 'bad-regex',
    annotations: { [nginx('rewrite-target')]: '/$9', [nginx('permanent-redirect-code')]: 'x' },
  }),
  ingress([rule('', [['/', 'Prefix', 'a', 80]])], {
    name: 'mesh',
    className: 'istio',
    tls: '[{ secretName: s }]',
  }),
];

const URL = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.constantFrom('shop.example.com', 'a.example.com', 'localhost'),
    fc.constantFrom('', ':80', ':443', ':8080'),
    fc.constantFrom('/', '/v2/x', '/a?b=1&c', '/%2e%2e/x'),
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port}${path}`);

describe('the Ingress simulation never throws', () => {
  test('on wrong fields of every Ingress field it reads, with any request', () => {
    const base = ingress([rule('shop.example.com', [['/', 'Prefix', 'a', 80]])]);
    fc.assert(
      fc.property(fc.subarray(GARBAGE), URL, (garbage, url) => {
        const result = simulate(workspaceOf(base, ...garbage), {
          url,
          headers: { x: '1', cookie: 'a' },
        });
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
