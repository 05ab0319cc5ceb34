import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode } from '../../testing/workloadChecks.ts';
import { hasKnownProtocol } from './servicePortNames.ts';

const service = (ports: string, extra = '', metadata = '') => dedent`
  apiVersion: v1
  kind: Service
  metadata:
    name: shop
    namespace: apps
    ${metadata}
  spec:
    ${extra}
    selector: {app: shop}
    ports: ${ports}
`;

const naming = (text: string) => withCode(text, 'service-port-name-convention');
const externalName = (text: string) => withCode(text, 'service-external-name-port-name');

describe('Service port names (PortNameAnalyzer IST0118)', () => {
  it('reports each unnamed or unconventional port as information, at its name', () => {
    const found = naming(
      service('[{port: 8080}, {name: foo, port: 8081}, {name: http-web, port: 80}]'),
    );
    expect(found.map((f) => f.path)).toEqual([
      ['spec', 'ports', 0],
      ['spec', 'ports', 1, 'name'],
    ]);
    expect(found[0]).toMatchObject({ severity: 'info', istio: 'IST0118' });
  });

  it('reads the protocol from the name prefix, appProtocol, UDP and well-known ports', () => {
    expect(hasKnownProtocol(80, 'http', 'TCP', undefined)).toBe(true);
    expect(hasKnownProtocol(80, 'grpc-web-x', 'TCP', undefined)).toBe(true);
    expect(hasKnownProtocol(80, 'HTTPS-api', 'TCP', undefined)).toBe(true);
    expect(hasKnownProtocol(80, 'web', 'TCP', 'http')).toBe(true);
    expect(hasKnownProtocol(80, 'http', 'TCP', 'hbone')).toBe(false);
    expect(hasKnownProtocol(80, 'web', 'TCP', 'kubernetes.io/h2c')).toBe(true);
    expect(hasKnownProtocol(53, 'dns', 'UDP', undefined)).toBe(true);
    expect(hasKnownProtocol(3306, 'db', 'TCP', undefined)).toBe(true);
    expect(hasKnownProtocol(8080, 'web', 'TCP', undefined)).toBe(false);
    expect(naming(service('[{name: web, port: 80, appProtocol: http}]'))).toEqual([]);
  });

  it('skips Istio’s own Services and gateway-controller Services', () => {
    expect(naming(service('[{port: 8080}]', '', 'labels: {istio: ingressgateway}'))).toEqual([]);
    expect(naming(service('[{port: 8080}]', '', 'labels: {release: istio}'))).toEqual([]);
    expect(
      naming(
        service(
          '[{port: 8080}]',
          '',
          'labels: {gateway.istio.io/managed: istio.io-mesh-controller}',
        ),
      ),
    ).toEqual([]);
  });

  it('skips Services in Kubernetes system namespaces', () => {
    expect(
      naming(service('[{port: 8080}]').replace('namespace: apps', 'namespace: kube-system')),
    ).toEqual([]);
  });
});

describe('ExternalName Service port names (PortNameAnalyzer IST0150)', () => {
  it('reports an unconventional or tcp port name of an ExternalName Service once, as a warning', () => {
    const text = service(
      '[{name: nginx, port: 443}, {name: tcp, port: 8443}]',
      'type: ExternalName\n    externalName: nginx.example.com',
    );
    const found = externalName(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      istio: 'IST0150',
      path: ['spec', 'ports', 0, 'name'],
    });
    expect(naming(text)).toEqual([]);
  });

  it('accepts a protocol-named ExternalName port', () => {
    const text = service(
      '[{name: https, port: 443}]',
      'type: ExternalName\n    externalName: nginx.example.com',
    );
    expect(externalName(text)).toEqual([]);
  });
});
