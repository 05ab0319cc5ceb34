/**
 * The same host, path and pathType written twice among the Ingresses of one class. A controller
 * merges the Ingresses of its class into one configuration, and only one of the two backends
 * gets the requests (ingress-nginx keeps the oldest Ingress's; which one depends on creation
 * order, not on the files), so the other is dead configuration.
 */
import { nginxAnnotations } from '../../model/ingressNginx.ts';
import { ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

export function* checkIngressDuplicates(context: CheckContext): Iterable<Finding> {
  for (const [className, group] of ingressIndex(context.workspace).byClass) {
    const first = new Map<string, string>();
    for (const { entry, ingress, paths, reading } of group) {
      // An ingress-nginx canary shares its main Ingress's host and path on purpose: its backend
      // becomes the alternative one of the same location.
      if (reading === 'nginx' && nginxAnnotations(ingress.metadata.annotations).canary) continue;
      const name = `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}`;
      for (const at of paths) {
        const pathType = at.value.pathType ?? 'ImplementationSpecific';
        const path = at.value.path || '/';
        const host = at.host || '*';
        const key = `${host} ${path} ${pathType}`;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, name);
          continue;
        }
        const place = earlier === name ? 'earlier in the same Ingress' : `in ${earlier}`;
        yield {
          code: 'ingress-path-duplicate',
          severity: 'warning',
          message: `${name}: host ${host} path ${path} (${pathType}) is also written ${place}${className ? ` (class ${className})` : ''}; only one of them gets the requests: remove one, or change its path`,
          resource: entry.id,
          at: entryAddress(entry),
          path: ['spec', 'rules', at.rule, 'http', 'paths', at.path, 'path'],
        };
      }
    }
  }
}
