import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode } from '../../testing/workloadChecks.ts';

const gateway = (name: string, selector: string, tls: string, namespace = 'istio-system') => dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    selector: {${selector}}
    servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [${name}.example.com]
      tls: {mode: SIMPLE, ${tls}}
`;

const docs = (...texts: string[]) => texts.join('---\n');
const duplicates = (text: string) => withCode(text, 'gateway-duplicate-certificate');

describe('Duplicate Gateway certificates (CertificateAnalyzer IST0138)', () => {
  it('reports both Gateways sharing a credentialName on the same selector', () => {
    const text = docs(
      gateway('one', 'istio: ingressgateway', 'credentialName: wildcard'),
      gateway('two', 'istio: ingressgateway', 'credentialName: wildcard'),
    );
    const found = duplicates(text);
    expect(found.map((f) => f.resource)).toEqual([
      'Gateway/istio-system/one',
      'Gateway/istio-system/two',
    ]);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      istio: 'IST0138',
      path: ['spec', 'servers', 0, 'tls', 'credentialName'],
    });
    expect(found[0]?.message).toContain('istio-system/two');
  });

  it('reports only the Gateway whose selector is a subset of the other’s', () => {
    const text = docs(
      gateway('one', 'istio: ingressgateway', 'credentialName: wildcard'),
      gateway(
        'two',
        'istio: ingressgateway, type: internal',
        'credentialName: wildcard',
        'default',
      ),
    );
    expect(duplicates(text).map((f) => f.resource)).toEqual(['Gateway/istio-system/one']);
  });

  it('compares file certificates by certificate and key, and never a file with a credential', () => {
    const files = 'serverCertificate: /etc/certs/a.pem, privateKey: /etc/certs/a.key';
    expect(
      duplicates(
        docs(
          gateway('one', 'istio: ingressgateway', files),
          gateway('two', 'istio: ingressgateway', files),
        ),
      ),
    ).toHaveLength(2);
    const otherKey = 'serverCertificate: /etc/certs/a.pem, privateKey: /etc/certs/b.key';
    expect(
      duplicates(
        docs(
          gateway('one', 'istio: ingressgateway', files),
          gateway('two', 'istio: ingressgateway', otherKey),
        ),
      ),
    ).toEqual([]);
    expect(
      duplicates(
        docs(
          gateway('one', 'istio: ingressgateway', files),
          gateway('two', 'istio: ingressgateway', 'credentialName: a'),
        ),
      ),
    ).toEqual([]);
  });

  it('does not report different certificates', () => {
    const text = docs(
      gateway('one', 'istio: ingressgateway', 'credentialName: one-cert'),
      gateway('two', 'istio: ingressgateway', 'credentialName: two-cert'),
    );
    expect(duplicates(text)).toEqual([]);
  });
});
