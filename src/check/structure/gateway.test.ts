import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { codes, seen } from '../../testing/structureFindings.ts';

const gateway = (servers: string, name = 'web') => dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: ${name}
    namespace: shop
  spec:
    selector:
      istio: ingressgateway
    servers:
  ${servers}
`;

describe('Gateway validation (ValidateGateway)', () => {
  it('accepts the usual HTTP and HTTPS servers', () => {
    const yaml = gateway(`
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["shop.example.com"]
      tls: {httpsRedirect: true}
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: ["shop/*.example.com"]
      tls: {mode: SIMPLE, credentialName: shop-cert}`);
    expect(seen(yaml)).toEqual([]);
  });

  it('rejects a Gateway name with dots, pointing at metadata.name', () => {
    const yaml = gateway(
      `
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*"]`,
      'web.v1',
    );
    expect(seen(yaml)).toEqual([
      { code: 'gateway-name-invalid', istio: 'IST0106', severity: 'error', path: 'metadata.name' },
    ]);
  });

  it('requires at least one server', () => {
    expect(codes(gateway('    []'))).toEqual(['gateway-no-servers']);
  });

  it('rejects short host names and partial wildcards on servers', () => {
    const yaml = gateway(`
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["shop", "foo*.example.com", "bad_ns/shop.example.com", "10.0.0.1"]`);
    expect(seen(yaml).map((f) => f.path)).toEqual([
      'spec.servers[0].hosts[0]',
      'spec.servers[0].hosts[1]',
      'spec.servers[0].hosts[2]',
    ]);
    expect(codes(yaml)).toEqual(Array(3).fill('gateway-host-invalid'));
  });

  it('rejects an unknown protocol, an out-of-range port, targetPort and a missing port name', () => {
    const yaml = gateway(`
    - port: {number: 70000, protocol: FTP, targetPort: 8080}
      hosts: ["*"]`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['gateway-port-protocol-invalid', 'spec.servers[0].port.protocol'],
      ['gateway-port-invalid', 'spec.servers[0].port.number'],
      ['gateway-target-port', 'spec.servers[0].port.targetPort'],
      ['gateway-port-name-missing', 'spec.servers[0].port.name'],
    ]);
  });

  it('reads protocols case-insensitively, as protocol.Parse does', () => {
    const yaml = gateway(`
    - port: {number: 15443, name: tls, protocol: tls}
      hosts: ["*"]
      tls: {mode: AUTO_PASSTHROUGH}`);
    expect(codes(yaml)).toEqual([]);
  });

  it('requires unique port names across servers', () => {
    const yaml = gateway(`
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["a.example.com"]
    - port: {number: 8080, name: http, protocol: HTTP}
      hosts: ["b.example.com"]`);
    expect(seen(yaml)).toEqual([
      {
        code: 'gateway-port-name-duplicate',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.servers[1].port.name',
      },
    ]);
  });

  it('requires tls on HTTPS and TLS servers', () => {
    const yaml = gateway(`
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: ["*"]`);
    expect(seen(yaml)).toEqual([
      {
        code: 'gateway-tls-missing',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.servers[0].tls',
      },
    ]);
  });

  it('rejects TLS termination on a plain HTTP port but allows httpsRedirect alone', () => {
    const terminating = gateway(`
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*"]
      tls: {mode: SIMPLE, credentialName: cert}`);
    expect(codes(terminating)).toEqual(['gateway-tls-on-plain-port']);
    const tcp = gateway(`
    - port: {number: 31400, name: tcp, protocol: TCP}
      hosts: ["*"]
      tls: {mode: PASSTHROUGH}`);
    expect(codes(tcp)).toEqual(['gateway-tls-on-plain-port']);
  });

  it('warns about httpsRedirect on a non-HTTP server (IST0133)', () => {
    const yaml = gateway(`
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: ["*"]
      tls: {mode: SIMPLE, credentialName: cert, httpsRedirect: true}`);
    expect(seen(yaml)).toEqual([
      {
        code: 'gateway-https-redirect-non-http',
        istio: 'IST0133',
        severity: 'warning',
        path: 'spec.servers[0].tls.httpsRedirect',
      },
    ]);
  });

  it('rejects a bind that is neither an IP nor an absolute unix socket', () => {
    const yaml = gateway(`
    - port: {number: 80, name: http, protocol: HTTP}
      bind: localhost
      hosts: ["*"]`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['gateway-bind-invalid', 'spec.servers[0].bind'],
    ]);
  });
});

describe('Gateway server TLS (validateTLSOptions)', () => {
  const https = (tls: string) =>
    gateway(`
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: ["*"]
      tls: ${tls}`);

  it('SIMPLE without credentialName needs a certificate and key', () => {
    expect(seen(https('{mode: SIMPLE}'))).toEqual([
      {
        code: 'gateway-tls-cert-missing',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.servers[0].tls.serverCertificate',
      },
    ]);
    expect(codes(https('{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}'))).toEqual(
      [],
    );
  });

  it('MUTUAL without credentialName also needs a client CA bundle', () => {
    expect(codes(https('{mode: MUTUAL, serverCertificate: /c.pem, privateKey: /k.pem}'))).toEqual([
      'gateway-tls-ca-missing',
    ]);
    expect(codes(https('{mode: MUTUAL, credentialName: cert}'))).toEqual([]);
  });

  it('ISTIO_MUTUAL cannot name certificates', () => {
    expect(seen(https('{mode: ISTIO_MUTUAL, credentialName: cert}'))).toEqual([
      {
        code: 'gateway-tls-istio-mutual-certs',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.servers[0].tls.credentialName',
      },
    ]);
  });

  it('only one certificate source may be given', () => {
    expect(
      codes(
        https('{mode: SIMPLE, credentialName: a, serverCertificate: /c.pem, privateKey: /k.pem}'),
      ),
    ).toEqual(['gateway-tls-cert-sources']);
  });

  it('warns that PASSTHROUGH (the default mode) ignores certificates', () => {
    expect(seen(https('{credentialName: cert}'))).toEqual([
      {
        code: 'gateway-tls-passthrough-certs',
        istio: 'IST0133',
        severity: 'warning',
        path: 'spec.servers[0].tls.credentialName',
      },
    ]);
  });

  it('warns about unknown and repeated cipher suites and old TLS without ciphers', () => {
    const yaml = https(
      '{mode: SIMPLE, credentialName: c, cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256, FOO, ECDHE-RSA-AES128-GCM-SHA256]}',
    );
    expect(seen(yaml).map((f) => [f.code, f.severity, f.path])).toEqual([
      ['gateway-tls-cipher-invalid', 'warning', 'spec.servers[0].tls.cipherSuites[1]'],
      ['gateway-tls-cipher-invalid', 'warning', 'spec.servers[0].tls.cipherSuites[2]'],
    ]);
    expect(codes(https('{mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_0}'))).toEqual([
      'gateway-tls-old-version',
    ]);
  });

  it('rejects a CRL with SIMPLE TLS', () => {
    expect(
      codes(https('{mode: SIMPLE, serverCertificate: /c, privateKey: /k, caCrl: /crl.pem}')),
    ).toEqual(['gateway-tls-crl']);
  });
});

describe('which Gateways are validated', () => {
  it('ignores Gateway API Gateways', () => {
    const yaml = dedent`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: web.v1}
      spec: {gatewayClassName: istio}
    `;
    expect(codes(yaml)).toEqual([]);
  });

  it('reports a document that repeats a Gateway once', () => {
    const one = gateway('    []');
    expect(codes(`${one}---\n${one}`)).toEqual(['gateway-no-servers']);
  });

  it('says nothing about unrendered template values', () => {
    const yaml = gateway(
      `
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["{{ .Values.host }}"]`,
      'gw-{{.Revision}}',
    );
    expect(codes(yaml)).toEqual([]);
  });
});
