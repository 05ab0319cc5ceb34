import type { ClientTls } from '../../model/destinationRule.ts';
import type { Check } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace } from './resources.ts';

/**
 * `CaCertificateAnalyzer` (pkg/config/analysis/analyzers/destinationrule/ca-certificates.go):
 * client TLS in SIMPLE or MUTUAL mode without `caCertificates` does not verify the server's
 * certificate, at the destination level (IST0128) or per port (IST0129). A `credentialName`
 * on a DestinationRule with a `workloadSelector` carries its own CA, so it is not reported.
 */
export const destinationRuleCaCertificateChecks: Check = function* (context) {
  for (const item of context.catalog.destinationRules) {
    const entry = entryOf(context, item.id);
    const rule = item.object;
    if (!entry || isSystemNamespace(rule.metadata.namespace)) continue;
    const selected = rule.workloadSelector !== undefined;
    const policy = rule.trafficPolicy;
    if (unverified(policy?.tls, selected)) {
      yield findingOn(entry, {
        code: 'destinationrule-tls-no-ca',
        severity: 'warning',
        message: `TLS mode ${policy?.tls?.mode} without caCertificates: the identity of ${rule.host} is not verified. Set caCertificates (or a credentialName holding the CA).`,
        path: ['spec', 'trafficPolicy', 'tls', 'mode'],
        istio: 'IST0128',
      });
    }
    const ports = new Set<string>();
    for (const [index, setting] of (policy?.portLevelSettings ?? []).entries()) {
      if (!unverified(setting.tls, selected)) continue;
      // Istio's message names the port: the same port twice is one message.
      const port = String(setting.port ?? '');
      if (ports.has(port)) continue;
      ports.add(port);
      yield findingOn(entry, {
        code: 'destinationrule-port-tls-no-ca',
        severity: 'warning',
        message: `TLS mode ${setting.tls?.mode} without caCertificates on port ${setting.port ?? '?'}: the identity of ${rule.host} is not verified on that port. Set caCertificates (or a credentialName holding the CA).`,
        path: ['spec', 'trafficPolicy', 'portLevelSettings', index, 'tls', 'mode'],
        istio: 'IST0129',
      });
    }
  }
};

function unverified(tls: ClientTls | undefined, selected: boolean): boolean {
  if (tls?.mode !== 'SIMPLE' && tls?.mode !== 'MUTUAL') return false;
  if (tls.caCertificates) return false;
  return !(tls.credentialName && selected);
}
