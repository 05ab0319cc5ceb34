/**
 * An Ingress whose class no IngressClass of the workspace defines and no controller the designer
 * knows answers (`nginx`, `istio`): nothing serves it as written. Most often a typo in
 * `ingressClassName` or the class annotation.
 */
import { INGRESS_CLASS_ANNOTATION } from '../../model/ingress.ts';
import { ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

export function* checkIngressClasses(context: CheckContext): Iterable<Finding> {
  const index = ingressIndex(context.workspace);
  const known = index.classes.map((c) => c.metadata.name);
  for (const { entry, ingress, className, controller } of index.ingresses) {
    if (className === undefined || controller !== undefined) continue;
    if (known.includes(className)) continue;
    const annotated = ingress.metadata.annotations[INGRESS_CLASS_ANNOTATION] !== undefined;
    const choices = [...new Set(['nginx', 'istio', ...known])].join(', ');
    yield {
      code: 'ingress-class-not-found',
      severity: 'warning',
      message: `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}: no IngressClass "${className}" in this workspace, and no controller the designer knows serves it: name one of ${choices}, or add the IngressClass`,
      resource: entry.id,
      at: entryAddress(entry),
      path: annotated
        ? ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION]
        : ['spec', 'ingressClassName'],
    };
  }
}
