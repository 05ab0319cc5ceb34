import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkFrontendTls } from './frontendTls.ts';

/** A Gateway terminating TLS on 443 that validates client certificates with `validation`. */
function gateway(
  validation: string,
  listener = 'protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}',
) {
  return dedent`
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: edge, namespace: infra}
    spec:
      gatewayClassName: istio
      tls:
        frontend:
          default:
            validation: ${validation}
      listeners:
      - {name: https, port: 443, ${listener}}
  `;
}

const CA = dedent`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: client-ca, namespace: infra}
  data: {ca.crt: "-----BEGIN CERTIFICATE-----"}
`;

const frontend = (...texts: string[]) => run(checkFrontendTls, workspaceOf(...texts)).map(seen);

describe('frontend TLS: client certificate validation', () => {
  test('a ConfigMap of the workspace resolves', () => {
    expect(
      frontend(gateway('{caCertificateRefs: [{kind: ConfigMap, group: "", name: client-ca}]}'), CA),
    ).toEqual([]);
  });

  test('a ConfigMap that is not there: InvalidCACertificateRef, info when the workspace holds none', () => {
    const ref = gateway('{caCertificateRefs: [{kind: ConfigMap, group: "", name: other-ca}]}');
    expect(frontend(ref, CA)).toEqual([
      {
        code: 'gwapi-ca-certificate-not-found',
        severity: 'error',
        resource: 'Gateway.gateway.networking.k8s.io/infra/edge',
        path: 'spec.tls.frontend.default.validation.caCertificateRefs[0].name',
      },
    ]);
    expect(
      findings(workspaceOf(ref)).find((f) => f.code === 'gwapi-ca-certificate-not-found')?.severity,
    ).toBe('info');
  });

  test('a kind other than ConfigMap or Secret; more than one reference', () => {
    expect(
      frontend(
        gateway('{caCertificateRefs: [{kind: Certificate, group: cert-manager.io, name: ca}]}'),
      ),
    ).toMatchObject([{ code: 'gwapi-ca-certificate-invalid-kind' }]);
    expect(
      frontend(
        gateway(
          '{caCertificateRefs: [{kind: ConfigMap, group: "", name: a}, {kind: ConfigMap, group: "", name: b}]}',
        ),
      ),
    ).toMatchObject([
      {
        code: 'gwapi-ca-certificate-too-many',
        path: 'spec.tls.frontend.default.validation.caCertificateRefs[1]',
      },
    ]);
  });

  test('another namespace needs a ReferenceGrant from the Gateway; the fix adds it', () => {
    const ws = workspaceOf(
      gateway(
        '{caCertificateRefs: [{kind: ConfigMap, group: "", name: client-ca, namespace: pki}]}',
      ),
      CA.replace('namespace: infra', 'namespace: pki'),
    );
    const [finding] = run(checkFrontendTls, ws);
    expect(finding?.code).toBe('gwapi-ca-certificate-ref-not-permitted');
    expect(run(checkFrontendTls, applyFix(ws, finding?.fixes?.[0]))).toEqual([]);
  });

  test('a validation no terminating listener uses is not checked', () => {
    expect(
      frontend(
        gateway(
          '{caCertificateRefs: [{kind: ConfigMap, group: "", name: none}]}',
          'protocol: TLS, tls: {mode: Passthrough}',
        ),
      ),
    ).toEqual([]);
  });
});
