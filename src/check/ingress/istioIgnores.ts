/**
 * What Istio does not read when it serves an Ingress (pilot/pkg/config/kube/ingress: the
 * conversion builds routes from the rules' paths only): `spec.defaultBackend`, and every
 * ingress-nginx annotation. A team moving an Ingress from ingress-nginx to Istio's class loses
 * them without a word from the cluster, so each is a warning that says what to do instead.
 */
import { NGINX_PREFIX } from '../../model/ingressNginx.ts';
import { ISTIO_INGRESS_CONTROLLER, ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { defaultBackendPath } from './backendsOf.ts';

export function* checkIngressIstioIgnores(context: CheckContext): Iterable<Finding> {
  for (const { entry, ingress, controller } of ingressIndex(context.workspace).ingresses) {
    if (controller !== ISTIO_INGRESS_CONTROLLER) continue;
    const name = `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}`;
    const base = { resource: entry.id, at: entryAddress(entry), severity: 'warning' as const };
    if (ingress.defaultBackend)
      yield {
        ...base,
        code: 'ingress-istio-default-backend-ignored',
        message: `${name}: Istio ignores the default backend; requests no path matches get 404. Add a rule path "/" (Prefix) to that backend, or a VirtualService with a catch-all route`,
        path: defaultBackendPath(entry),
      };
    for (const key of Object.keys(ingress.metadata.annotations)) {
      if (!key.startsWith(NGINX_PREFIX)) continue;
      yield {
        ...base,
        code: 'ingress-istio-annotation-ignored',
        message: `${name}: Istio serves this Ingress and ignores ${key}; convert the Ingress to a VirtualService or an HTTPRoute to keep what it does, or remove it`,
        path: ['metadata', 'annotations', key],
      };
    }
  }
}
