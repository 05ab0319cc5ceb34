import { MESH, resolveGatewayName } from '../../model/gatewayNames.ts';
import { valueAt } from '../../model/read.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { bindFix } from './gatewayFixes.ts';
import { gatewayLookup } from './gatewayLookup.ts';
import { isInternalGatewayRef } from './gatewayRefs.ts';
import { indexedStrings } from './rawValues.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/**
 * Per-match `gateways` (Kiali's `NoGatewayChecker`, business/checkers/virtualservices/
 * no_gateway_checker.go, KIA1102): a match that names a Gateway that does not exist never
 * applies. Istio's analyzers do not look at these. Entries are read as pilot reads them
 * (`resolveGatewayName`), the legacy `name.namespace` form included.
 */
export function* checkMatchGatewayRefs(context: CheckContext): Iterable<Finding> {
  const lookup = gatewayLookup(context);
  const onlyGateway =
    context.catalog.gateways.length === 1 ? context.catalog.gateways[0] : undefined;
  for (const { entry, vs } of virtualServiceEntries(context)) {
    const spec = valueAt(context.raw(entry), ['spec']);
    for (const section of ['http', 'tls', 'tcp'] as const) {
      const rules = valueAt(spec, [section]);
      if (!Array.isArray(rules)) continue;
      for (let r = 0; r < rules.length; r++) {
        const matches = valueAt(rules[r], ['match']);
        if (!Array.isArray(matches)) continue;
        for (let m = 0; m < matches.length; m++) {
          for (const { value: ref, index } of indexedStrings(valueAt(matches[m], ['gateways']))) {
            if (ref === MESH || isInternalGatewayRef(ref)) continue;
            const key = resolveGatewayName(ref, vs.metadata.namespace);
            if (lookup.has(key)) continue;
            const path: Path = ['spec', section, r, 'match', m, 'gateways', index];
            const fix = onlyGateway && bindFix(entry.id, path, onlyGateway.object);
            const finding: Finding = {
              code: 'vs-match-gateway-not-found',
              severity: 'error',
              message: `This match names gateway "${ref}", but there is no Gateway ${key} in the workspace, so the match never applies; correct the name or create the Gateway`,
              resource: entry.id,
              at: addressOf(entry),
              path,
              ...(section === 'http' ? { kiali: 'KIA1102' } : {}),
              ...(fix ? { fixes: [fix] } : {}),
            };
            yield { ...finding, missing: 'Gateway' };
          }
        }
      }
    }
  }
}
