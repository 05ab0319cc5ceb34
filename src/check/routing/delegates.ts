import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/**
 * A root rule's `delegate` must name a delegate VirtualService: one without hosts, exported to
 * the root's namespace. Otherwise Istio skips the rule (`mergeVirtualServicesIfNeeded`,
 * pilot/pkg/model/virtualservice.go, only logs it), and its requests find no route. Istio's
 * analyzers do not report this; it is the designer's own reference check ("delegate").
 */
export function* checkDelegates(context: CheckContext): Iterable<Finding> {
  const entries = virtualServiceEntries(context);
  // Without any delegate in the workspace, the missing one is probably elsewhere.
  const byName = new Map(
    entries.map((e) => [`${e.vs.metadata.namespace}/${e.vs.metadata.name}`, e]),
  );
  for (const { entry, vs } of entries) {
    for (const [r, rule] of vs.http.entries()) {
      const delegate = rule.delegate;
      if (!delegate || delegate.name === '') continue;
      const name = `${delegate.namespace ?? vs.metadata.namespace}/${delegate.name}`;
      const target = byName.get(name);
      let problem: string | undefined;
      if (!target) {
        problem = `Referenced delegate not found: no VirtualService ${name} in the workspace`;
      } else if (target.vs.hosts.length > 0) {
        problem = `VirtualService ${name} is not a delegate: it has hosts, and Istio only delegates to VirtualServices without hosts`;
      } else if (
        !exportedTo(target.vs.exportTo, target.vs.metadata.namespace, vs.metadata.namespace)
      ) {
        problem = `Delegate VirtualService ${name} is not exported to namespace ${vs.metadata.namespace} (exportTo: ${(target.vs.exportTo ?? []).join(', ')})`;
      }
      if (!problem) continue;
      const finding: Finding = {
        code: 'vs-delegate-not-found',
        severity: 'error',
        message: `${problem}; Istio skips http[${r}], so its requests find no route`,
        resource: entry.id,
        at: addressOf(entry),
        path: ['spec', 'http', r, 'delegate', 'name'],
      };
      yield target ? finding : { ...finding, missing: 'DelegateVirtualService' };
    }
  }
}

/** Whether a VirtualService of `own` namespace with this `exportTo` is visible in `namespace`. */
function exportedTo(
  exportTo: readonly string[] | undefined,
  own: string,
  namespace: string,
): boolean {
  if (!exportTo || exportTo.length === 0) return true;
  return exportTo.some((e) => e === '*' || e === namespace || (e === '.' && own === namespace));
}
