import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { codes, seen } from '../../testing/structureFindings.ts';

const dr = (spec: string) => dedent`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: reviews
    namespace: shop
  spec:
    host: reviews
  ${spec}
`;

/** A top-level traffic policy whose body is given indented by 4. */
const policy = (body: string) => dr(`  trafficPolicy:\n${body}`);

describe('DestinationRule validation (ValidateDestinationRule)', () => {
  it('accepts subsets with labels and policies', () => {
    const yaml = dr(`  trafficPolicy:
      loadBalancer: {simple: LEAST_REQUEST}
    subsets:
    - name: v1
      labels: {version: v1}
    - name: v2
      labels: {version: v2}
      trafficPolicy:
        connectionPool: {tcp: {maxConnections: 100}}`);
    expect(seen(yaml)).toEqual([]);
  });

  it('requires a valid host', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec: {host: "bad_host"}
    `;
    expect(seen(yaml)).toEqual([
      { code: 'dr-host-invalid', istio: 'IST0106', severity: 'error', path: 'spec.host' },
    ]);
  });

  it('rejects repeated subset names, non-DNS-label names and bad labels', () => {
    const yaml = dr(`  subsets:
    - name: v1
      labels: {version: v1}
    - name: v1
      labels: {"bad key": v1}
    - name: v1.0`);
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['dr-subset-duplicate', 'spec.subsets[1].name'],
      ['dr-subset-labels-invalid', 'spec.subsets[1].labels.bad key'],
      ['dr-subset-name-invalid', 'spec.subsets[2].name'],
    ]);
  });

  it('rejects an empty traffic policy', () => {
    expect(seen(dr('  trafficPolicy: {}'))).toEqual([
      {
        code: 'dr-traffic-policy-empty',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.trafficPolicy',
      },
    ]);
  });

  it('a port-level policy needs a port and a setting', () => {
    const yaml = policy(
      '      portLevelSettings:\n      - loadBalancer: {simple: RANDOM}\n      - port: {number: 80}',
    );
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      ['dr-port-policy-port-missing', 'spec.trafficPolicy.portLevelSettings[0].port'],
      ['dr-port-policy-empty', 'spec.trafficPolicy.portLevelSettings[1]'],
    ]);
  });

  it('exportTo with a workload selector is limited to the own namespace', () => {
    const yaml = dr(`  workloadSelector: {matchLabels: {app: reviews}}
    exportTo: ["*"]
    trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}`);
    expect(codes(yaml)).toEqual(['dr-export-to-invalid']);
  });
});

describe('DestinationRule traffic policies', () => {
  it('outlier detection: consecutiveErrors is deprecated (IST0133), percents stay in 0..100', () => {
    const yaml = policy(
      '      outlierDetection: {consecutiveErrors: 5, maxEjectionPercent: 150, interval: 10}',
    );
    expect(seen(yaml)).toEqual([
      {
        code: 'dr-outlier-consecutive-errors-deprecated',
        istio: 'IST0133',
        severity: 'warning',
        path: 'spec.trafficPolicy.outlierDetection.consecutiveErrors',
      },
      {
        code: 'dr-percent-invalid',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.trafficPolicy.outlierDetection.maxEjectionPercent',
      },
      // A number where a duration string is expected is the schema's to report.
      {
        code: 'schema-invalid',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.trafficPolicy.outlierDetection.interval',
      },
    ]);
  });

  it('local-origin failures need splitExternalLocalOriginErrors', () => {
    expect(codes(policy('      outlierDetection: {consecutiveLocalOriginFailures: 3}'))).toEqual([
      'dr-outlier-local-origin',
    ]);
    expect(
      codes(
        policy(
          '      outlierDetection: {consecutiveLocalOriginFailures: 3, splitExternalLocalOriginErrors: true}',
        ),
      ),
    ).toEqual([]);
  });

  it('connection pool: negative limits, durations, UPGRADE with useClientProtocol', () => {
    const yaml = policy(
      '      connectionPool:\n        tcp: {maxConnections: -1, connectTimeout: 0s, idleTimeout: 0s}\n        http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}',
    );
    expect(seen(yaml).map((f) => [f.code, f.path])).toEqual([
      [
        'dr-h2-upgrade-with-client-protocol',
        'spec.trafficPolicy.connectionPool.http.useClientProtocol',
      ],
      ['dr-connection-pool-negative', 'spec.trafficPolicy.connectionPool.tcp.maxConnections'],
      ['dr-duration-invalid', 'spec.trafficPolicy.connectionPool.tcp.connectTimeout'],
    ]);
  });

  it('load balancer: deprecated minimumRingSize, maglev table size, cookie name', () => {
    const ring = policy(
      '      loadBalancer: {consistentHash: {httpHeaderName: x-user, minimumRingSize: 1024}}',
    );
    expect(seen(ring).map((f) => [f.code, f.severity])).toEqual([
      ['dr-lb-minimum-ring-size-deprecated', 'warning'],
    ]);
    const maglev = policy(
      '      loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 1000}}}',
    );
    expect(codes(maglev)).toEqual(['dr-lb-maglev-table-size']);
    const cookie = policy('      loadBalancer: {consistentHash: {httpCookie: {ttl: 0s}}}');
    expect(codes(cookie)).toEqual(['dr-lb-cookie-invalid']);
  });

  it('warmup: a duration is required, minimumPercent at most 100, aggression positive', () => {
    expect(seen(policy('      loadBalancer: {warmup: {minimumPercent: 5}}'))).toEqual([
      {
        code: 'dr-warmup-invalid',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.trafficPolicy.loadBalancer.warmup.duration',
      },
    ]);
    expect(
      codes(policy('      loadBalancer: {warmup: {duration: 300s, minimumPercent: 150}}')),
    ).toContain('dr-warmup-invalid');
    expect(
      codes(policy('      loadBalancer: {warmup: {duration: 300s, aggression: -0.1}}')),
    ).toEqual(['dr-warmup-invalid']);
    expect(
      codes(
        policy('      loadBalancer: {warmup: {duration: 300s, minimumPercent: 5, aggression: 5}}'),
      ),
    ).toEqual([]);
  });

  it('locality load balancing: weights total 100, failover needs outlier detection', () => {
    const weights = policy(
      '      loadBalancer:\n        localityLbSetting:\n          distribute:\n          - from: us-east/*\n            to: {"us-east/*": 60, "us-west/*": 30}',
    );
    expect(codes(weights)).toEqual(['dr-locality-lb-invalid']);
    const failover = policy(
      '      loadBalancer:\n        localityLbSetting:\n          failover:\n          - {from: us-east, to: us-west}',
    );
    expect(seen(failover).map((f) => [f.code, f.severity])).toEqual([
      ['dr-locality-needs-outlier', 'warning'],
    ]);
  });

  it('client TLS: MUTUAL needs a certificate unless credentialName is set', () => {
    expect(codes(policy('      tls: {mode: MUTUAL}'))).toEqual([
      'dr-tls-cert-missing',
      'dr-tls-cert-missing',
    ]);
    expect(codes(policy('      tls: {mode: MUTUAL, credentialName: client-cert}'))).toEqual([]);
    expect(
      codes(policy('      tls: {mode: SIMPLE, credentialName: c, caCertificates: /ca.pem}')),
    ).toEqual(['dr-tls-credential-conflict']);
    expect(
      codes(policy('      tls: {mode: SIMPLE, insecureSkipVerify: true, caCertificates: /ca.pem}')),
    ).toEqual(['dr-tls-skip-verify-conflict']);
  });

  it('tunnel and proxyProtocol are exclusive', () => {
    const yaml = policy(
      '      tunnel: {targetHost: proxy.example.com, targetPort: 8080}\n      proxyProtocol: {version: V1}',
    );
    expect(codes(yaml)).toEqual(['dr-tunnel-with-proxy-protocol']);
  });
});
