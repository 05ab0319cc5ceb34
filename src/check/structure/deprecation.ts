/**
 * IST0002 Deprecated, with the meaning of `deprecation.FieldAnalyzer`
 * (pkg/config/analysis/analyzers/deprecation/deprecation.go). The analyzer is hand-made and
 * flags exactly: a VirtualService HTTP rule with `fault.delay.percent` > 0, a Sidecar with
 * `outboundTrafficPolicy.egressProxy`, and a CustomResourceDefinition of the removed
 * rbac.istio.io kinds. Other deprecated fields are validation warnings (IST0133), reported
 * with the rules of each kind.
 */
import { type Entry, entryAddress } from '../../workspace/workspace.ts';
import type { Check, Finding } from '../finding.ts';
import { uniqueEntries } from './istioEntries.ts';
import { arr, number, obj } from './values.ts';

const REMOVED_RBAC_KINDS = new Set([
  'ClusterRbacConfig',
  'RbacConfig',
  'ServiceRole',
  'ServiceRoleBinding',
]);

const isIstioNetworking = (apiVersion: string) => apiVersion.startsWith('networking.istio.io/');

function deprecated(entry: Entry, path: (string | number)[], message: string): Finding {
  return {
    code: 'deprecated-field',
    severity: 'warning',
    message,
    resource: entry.id,
    at: entryAddress(entry),
    path,
    istio: 'IST0002',
  };
}

export const deprecatedFields: Check = function* (context) {
  for (const entry of uniqueEntries(context, 'VirtualService', isIstioNetworking)) {
    const spec = obj(context.raw(entry).spec);
    for (const [i, route] of arr(spec?.http).entries()) {
      const percent = number(obj(obj(obj(route)?.fault)?.delay)?.percent);
      if (percent !== undefined && percent > 0) {
        yield deprecated(
          entry,
          ['spec', 'http', i, 'fault', 'delay', 'percent'],
          `fault.delay.percent is deprecated: use percentage: {value: ${percent}}`,
        );
      }
    }
  }
  for (const entry of uniqueEntries(context, 'Sidecar', isIstioNetworking)) {
    const policy = obj(obj(context.raw(entry).spec)?.outboundTrafficPolicy);
    if (policy?.egressProxy !== undefined && policy.egressProxy !== null) {
      yield deprecated(
        entry,
        ['spec', 'outboundTrafficPolicy', 'egressProxy'],
        'outboundTrafficPolicy.egressProxy is deprecated and ignored: remove it',
      );
    }
  }
  for (const entry of uniqueEntries(context, 'CustomResourceDefinition', (v) =>
    v.startsWith('apiextensions.k8s.io/'),
  )) {
    const spec = obj(context.raw(entry).spec);
    const kind = obj(spec?.names)?.kind;
    if (
      spec?.group === 'rbac.istio.io' &&
      typeof kind === 'string' &&
      REMOVED_RBAC_KINDS.has(kind)
    ) {
      yield deprecated(
        entry,
        ['spec', 'names', 'kind'],
        `custom resource type rbac.istio.io ${kind} was removed from Istio: use AuthorizationPolicy`,
      );
    }
  }
};
