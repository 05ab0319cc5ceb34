/**
 * Whether each backend of an Ingress (its paths' and its defaultBackend) names a Service of the
 * workspace in the Ingress's namespace, and a port that Service has: by number its `port`, by
 * name a port's `name` (networking/v1 ServiceBackendPort). Either way a controller has no
 * endpoints for it and answers 503 (ingress-nginx's default backend), so these are errors.
 */
import type { IngressBackend } from '../../model/ingress.ts';
import { resourceId } from '../../model/resource.ts';
import type { Service } from '../../model/service.ts';
import { type IndexedIngress, ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { ingressBackends } from './backendsOf.ts';

export function* checkIngressBackends(context: CheckContext): Iterable<Finding> {
  for (const indexed of ingressIndex(context.workspace).ingresses)
    for (const { backend, path, what } of ingressBackends(indexed)) {
      const finding = backendFinding(context, indexed, backend, path, what);
      if (finding) yield finding;
    }
}

function backendFinding(
  context: CheckContext,
  { entry, ingress }: IndexedIngress,
  backend: IngressBackend,
  path: Path,
  what: string,
): Finding | undefined {
  const service = backend.service;
  if (!service?.name) return undefined;
  const namespace = ingress.metadata.namespace;
  const base = { resource: entry.id, at: entryAddress(entry), severity: 'error' as const };
  const id = resourceId('Service', namespace, service.name);
  const found = context.catalog.services.find((s) => s.id === id)?.object;
  if (!found)
    return {
      ...base,
      code: 'ingress-service-not-found',
      message: `${what} sends requests to Service ${namespace}/${service.name}, which is not in this workspace: add the Service, or name one that is (an Ingress reaches Services in its own namespace only)`,
      path: [...path, 'service', 'name'],
      missing: 'Service',
    };
  if (service.port !== undefined) {
    if (found.ports.some((p) => p.port === service.port)) return undefined;
    return {
      ...base,
      code: 'ingress-service-port-not-found',
      message: `${what}: Service ${namespace}/${service.name} has no port ${service.port} (it has ${portList(found)}); use one of those`,
      path: [...path, 'service', 'port', 'number'],
    };
  }
  if (service.portName !== undefined) {
    if (found.ports.some((p) => p.name === service.portName)) return undefined;
    return {
      ...base,
      code: 'ingress-service-port-not-found',
      message: `${what}: Service ${namespace}/${service.name} has no port named "${service.portName}" (it has ${portList(found)}); use one of those`,
      path: [...path, 'service', 'port', 'name'],
    };
  }
  return undefined;
}

/** `80 (http), 443`: the ports a Service offers, for the message. */
function portList(service: Service): string {
  const ports = service.ports
    .filter((p) => p.port !== undefined)
    .map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`));
  return ports.length > 0 ? ports.join(', ') : 'no ports';
}
