import { describe, expect, it } from 'vitest';
import { answeredBy, backend, backends, k8sGateway } from '../../testing/gatewayApiSimulations.ts';
import { sim } from '../../testing/simulations.ts';

const route = (
  kind: 'TLSRoute' | 'TCPRoute',
  name: string,
  spec: string,
) => `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: ${kind}
metadata: { name: ${name}, namespace: web }
spec:
  parentRefs: [{ name: gw }]
${spec}
`;

describe('TLSRoute on a Passthrough listener', () => {
  const ws = [
    k8sGateway(['{ name: tls, port: 443, protocol: TLS, tls: { mode: Passthrough } }']),
    route(
      'TLSRoute',
      'exact',
      '  hostnames: [db.example.com]\n  rules: [{ backendRefs: [{ name: a, port: 8080 }] }]',
    ),
    route(
      'TLSRoute',
      'wild',
      '  hostnames: ["*.example.com"]\n  rules: [{ backendRefs: [{ name: b, port: 8080 }] }]',
    ),
    backend('a'),
    backend('b'),
  ];
  it('the SNI picks the route with the most specific hostname', () => {
    expect(answeredBy(sim(ws, 'https://db.example.com/'))).toBe('TLSRoute/web/exact rules[0]');
    expect(answeredBy(sim(ws, 'https://api.example.com/'))).toBe('TLSRoute/web/wild rules[0]');
    expect(backends(sim(ws, 'https://api.example.com/'))).toEqual(['b 100%']);
  });
  it('an SNI no route takes fails the connection', () => {
    expect(sim(ws, 'https://example.org/').outcome).toBe('noServer');
  });
});

describe('TCPRoute on a TCP listener', () => {
  it('the connection goes to the route’s backends by weight', () => {
    const ws = [
      k8sGateway(['{ name: tcp, port: 31400, protocol: TCP }']),
      route(
        'TCPRoute',
        'echo',
        '  rules: [{ backendRefs: [{ name: a, port: 8080, weight: 80 }, { name: b, port: 8080, weight: 20 }] }]',
      ),
      backend('a'),
      backend('b'),
    ];
    const s = sim(ws, 'http://h:31400/');
    expect(answeredBy(s)).toBe('TCPRoute/web/echo rules[0]');
    expect(backends(s)).toEqual(['a 80%', 'b 20%']);
    expect(s.listener?.protocol).toBe('TCP');
  });
});
