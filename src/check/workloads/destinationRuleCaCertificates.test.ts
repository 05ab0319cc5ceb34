import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { workloadFindings } from '../../testing/workloadChecks.ts';

const rule = (trafficPolicy: string, extra = '') => dedent`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: db
    namespace: prod
  spec:
    host: db.prod.svc.cluster.local
    ${extra}
    trafficPolicy:
${trafficPolicy}
`;

const caFindings = (text: string) =>
  workloadFindings(text).filter((f) => f.istio === 'IST0128' || f.istio === 'IST0129');

describe('Server certificate verification (CaCertificateAnalyzer IST0128, IST0129)', () => {
  it('warns about SIMPLE or MUTUAL TLS without caCertificates, at the mode', () => {
    const found = caFindings(
      rule('      tls: {mode: MUTUAL, clientCertificate: /c.pem, privateKey: /k.pem}'),
    );
    expect(found).toMatchObject([
      {
        code: 'destinationrule-tls-no-ca',
        istio: 'IST0128',
        severity: 'warning',
        path: ['spec', 'trafficPolicy', 'tls', 'mode'],
      },
    ]);
  });

  it('warns per port-level setting (IST0129)', () => {
    const text = rule(
      [
        '      tls: {mode: SIMPLE, caCertificates: /ca.pem}',
        '      portLevelSettings:',
        '      - port: {number: 443}',
        '        tls: {mode: SIMPLE}',
        '      - port: {number: 8443}',
        '        tls: {mode: ISTIO_MUTUAL}',
      ].join('\n'),
    );
    expect(caFindings(text)).toMatchObject([
      { istio: 'IST0129', path: ['spec', 'trafficPolicy', 'portLevelSettings', 0, 'tls', 'mode'] },
    ]);
  });

  it('accepts caCertificates, other modes, and a credentialName on a rule with workloadSelector', () => {
    expect(caFindings(rule('      tls: {mode: SIMPLE, caCertificates: /ca.pem}'))).toEqual([]);
    expect(caFindings(rule('      tls: {mode: ISTIO_MUTUAL}'))).toEqual([]);
    expect(
      caFindings(
        rule(
          '      tls: {mode: SIMPLE, credentialName: db-cred}',
          'workloadSelector: {matchLabels: {app: db}}',
        ),
      ),
    ).toEqual([]);
    // Without a workloadSelector, a credentialName is not enough.
    expect(caFindings(rule('      tls: {mode: SIMPLE, credentialName: db-cred}'))).toHaveLength(1);
  });
});
