import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { MANIFEST } from '../../testing/istioArbitraries.ts';
import { run, workspaceOf } from '../../testing/routingChecks.ts';
import { ROUTING_CHECKS } from './checks.ts';

/** Any JSON value at the places the checks read: rules, matches, destinations, gateways. */
const ODD = fc.jsonValue({ maxDepth: 3 });
const ODD_VS = fc
  .record({
    hosts: fc.oneof(ODD, fc.constant(['a.example.com'])),
    gateways: fc.oneof(ODD, fc.constant(['gw', 'mesh'])),
    exportTo: ODD,
    http: fc.oneof(
      ODD,
      fc.array(
        fc.record({
          match: fc.oneof(ODD, fc.array(fc.oneof(ODD, fc.record({ uri: ODD, headers: ODD })))),
          route: fc.oneof(ODD, fc.array(fc.record({ destination: ODD, weight: ODD }))),
          mirror: ODD,
          mirrors: ODD,
          delegate: ODD,
        }),
      ),
    ),
    tcp: ODD,
    tls: ODD,
  })
  .map((spec) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'odd', namespace: 'shop' },
    spec,
  }));

describe('routing checks never throw', () => {
  test('property: valid random manifests and malformed VirtualServices give findings, not errors', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(MANIFEST, ODD_VS), { maxLength: 6 }), (manifests) => {
        const workspace = workspaceOf(manifests.map((m) => stringify(m)).join('---\n'));
        for (const check of ROUTING_CHECKS) {
          for (const finding of run(check, workspace)) {
            expect(typeof finding.message).toBe('string');
            expect(finding.resource.startsWith('VirtualService/')).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
