import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { base64, CERTIFICATES, withCode, workspaceOf } from '../../testing/workloadChecks.ts';
import { lint } from '../lint.ts';

const gateway = (credential: string, selector = 'istio: ingressgateway') => dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: gw
    namespace: apps
  spec:
    selector: {${selector}}
    servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [shop.example.com]
      tls: {mode: SIMPLE, credentialName: ${credential}}
`;

const secret = (name: string, namespace: string, data: Record<string, string>) => dedent`
  apiVersion: v1
  kind: Secret
  metadata:
    name: ${name}
    namespace: ${namespace}
  type: kubernetes.io/tls
  data:
${Object.entries(data)
  .map(([k, v]) => `    ${k}: ${base64(v)}`)
  .join('\n')}
`;

const tls = (certificate: string) => ({ 'tls.crt': certificate, 'tls.key': 'key' });
const docs = (...texts: string[]) => texts.join('---\n');

describe('Gateway credentialName Secrets (SecretAnalyzer IST0101 credentialName)', () => {
  it('looks the Secret up in the namespace of the gateway pods, not the Gateway’s', () => {
    const inGatewayNamespace = docs(
      gateway('shop-cert'),
      secret('shop-cert', 'apps', tls(CERTIFICATES.valid)),
    );
    const [finding, ...rest] = withCode(inGatewayNamespace, 'gateway-credential-not-found');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      istio: 'IST0101',
      missing: 'Secret',
      path: ['spec', 'servers', 0, 'tls', 'credentialName'],
    });
    expect(finding?.message).toContain('istio-system');

    const inPodNamespace = docs(
      gateway('shop-cert'),
      secret('shop-cert', 'istio-system', tls(CERTIFICATES.valid)),
    );
    expect(withCode(inPodNamespace, 'gateway-credential-not-found')).toEqual([]);
    expect(withCode(inPodNamespace, 'gateway-credential-invalid')).toEqual([]);
  });

  it('is information when the workspace holds no Secrets (unless --complete)', () => {
    const workspace = workspaceOf(gateway('shop-cert'));
    const [partial] = lint(workspace).filter((d) => d.code === 'gateway-credential-not-found');
    expect(partial).toMatchObject({ severity: 'info', line: 11 });
    const [complete] = lint(workspace, { complete: true }).filter(
      (d) => d.code === 'gateway-credential-not-found',
    );
    expect(complete?.severity).toBe('error');
  });

  it('says nothing about Secrets when the selector matches no pod (that is reported once)', () => {
    const text = gateway('shop-cert', 'app: nothing');
    expect(withCode(text, 'gateway-credential-not-found')).toEqual([]);
    expect(withCode(text, 'gateway-selector-no-workload')).toHaveLength(1);
  });

  it('takes a namespace/name credential as written', () => {
    const text = docs(
      gateway('certs/shop-cert'),
      secret('shop-cert', 'certs', tls(CERTIFICATES.valid)),
    );
    expect(withCode(text, 'gateway-credential-not-found')).toEqual([]);
  });
});

describe('Gateway credential contents (SecretAnalyzer IST0161)', () => {
  const invalid = (data: Record<string, string>) =>
    withCode(
      docs(gateway('shop-cert'), secret('shop-cert', 'istio-system', data)),
      'gateway-credential-invalid',
    );

  it('accepts tls.crt/tls.key and cert/key holding a valid certificate', () => {
    expect(invalid(tls(CERTIFICATES.valid))).toEqual([]);
    expect(invalid({ cert: CERTIFICATES.valid, key: 'key' })).toEqual([]);
  });

  it('reports a Secret without a non-empty cert and key pair', () => {
    const [finding] = invalid({ 'tls.cert': CERTIFICATES.valid, 'tls.key': 'key' });
    expect(finding).toMatchObject({
      severity: 'error',
      istio: 'IST0161',
      path: ['spec', 'servers', 0, 'tls', 'credentialName'],
    });
    expect(finding?.message).toContain('neither');
    expect(invalid({ 'tls.crt': CERTIFICATES.valid })).toHaveLength(1);
  });

  it('reports a certificate that is not PEM, or expired, or not yet valid', () => {
    expect(invalid(tls('hush hush hush'))[0]?.message).toContain('not PEM-encoded');
    expect(invalid(tls(CERTIFICATES.expired))[0]?.message).toContain('expired on 2001-01-01');
    expect(invalid(tls(CERTIFICATES.future))[0]?.message).toContain('not valid before 2100-01-01');
  });

  it('reads stringData as the API server merges it into data', () => {
    const text = docs(
      gateway('shop-cert'),
      dedent`
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-cert, namespace: istio-system}
        stringData:
          tls.key: key
          tls.crt: |
        ${CERTIFICATES.valid
          .trim()
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}
      `,
    );
    expect(withCode(text, 'gateway-credential-invalid')).toEqual([]);
  });

  it('stays quiet about a Secret whose data is not base64 (it cannot be read at all)', () => {
    const text = docs(
      gateway('shop-cert'),
      dedent`
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-cert, namespace: istio-system}
        data: {tls.crt: "not base64!", tls.key: "a2V5"}
      `,
    );
    expect(withCode(text, 'gateway-credential-invalid')).toEqual([]);
  });
});
