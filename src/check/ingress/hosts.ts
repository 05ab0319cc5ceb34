/**
 * A rule's `host` as the API server validates it (networking/validation `validateIngressRules`):
 * a lower-case DNS name, `*.` allowed as the first label only, never an IP address. The rules
 * are the Gateway API's hostname rules, so the one answer in src/rules serves both.
 */
import { gatewayHostnameProblem } from '../../rules/gatewayApi.ts';
import { ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

export function* checkIngressHosts(context: CheckContext): Iterable<Finding> {
  for (const { entry, ingress } of ingressIndex(context.workspace).ingresses)
    for (const [i, rule] of ingress.rules.entries()) {
      // No host (or an empty one) is a rule for every host.
      const problem = rule.host ? gatewayHostnameProblem(rule.host) : undefined;
      if (problem === undefined) continue;
      yield {
        code: 'ingress-host-invalid',
        severity: 'error',
        message: `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}: host ${problem} (the API server refuses it; leave host out to serve every host)`,
        resource: entry.id,
        at: entryAddress(entry),
        path: ['spec', 'rules', i, 'host'],
      };
    }
}
