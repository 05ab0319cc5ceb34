/**
 * Whether each route is accepted by the Gateways its parentRefs name, as the route's
 * `Accepted` condition would say (RouteParentStatus, Istio's `createRouteStatus`). Where a route
 * attaches is answered once, by `gatewayApiIndex` (`attachRoute`); this check only reports it.
 */
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import type { ParentAttachment } from '../../model/routeAttachment.ts';
import { gatewayApiIndex, type IndexedRoute } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding, QuickFix } from '../finding.ts';

export function* checkRouteParents(context: CheckContext): Iterable<Finding> {
  for (const indexed of gatewayApiIndex(context.workspace).routes)
    for (const parent of indexed.parents) {
      const finding = parentFinding(indexed, parent);
      if (finding) yield finding;
    }
}

function parentFinding(indexed: IndexedRoute, parent: ParentAttachment): Finding | undefined {
  const { entry, route } = indexed;
  const refPath: Path = ['spec', 'parentRefs', parent.index];
  const base = { resource: entry.id, at: entryAddress(entry) };
  const gatewayName = `${parent.namespace}/${parent.ref.name}`;
  const { gateway, denial } = parent;
  if (!gateway)
    return {
      ...base,
      code: 'gwapi-route-no-parent',
      severity: 'error',
      message: `${route.kind} ${route.metadata.name} is not accepted: parentRef names Gateway ${gatewayName}, which does not exist (NoMatchingParent); create it or correct the name and namespace`,
      path: [...refPath, 'name'],
      missing: K8S_GATEWAY,
    };
  if (!denial) return undefined;
  const listeners = gateway.listeners.map((l) => l.name).filter((name) => name !== '');
  switch (denial.reason) {
    case 'NoMatchingParent': {
      const { sectionName, port } = parent.ref;
      const byName = sectionName !== undefined && !listeners.includes(sectionName);
      const field = byName ? 'sectionName' : port !== undefined ? 'port' : undefined;
      const what = byName
        ? `sectionName "${sectionName}" names no listener of Gateway ${gatewayName}`
        : port !== undefined
          ? `no listener of Gateway ${gatewayName} has port ${port}${sectionName ? ` and name "${sectionName}"` : ''}`
          : `Gateway ${gatewayName} has no listeners`;
      return {
        ...base,
        code: 'gwapi-section-not-found',
        severity: 'error',
        message: `${route.kind} ${route.metadata.name} is not accepted (NoMatchingParent): ${what}; its listeners: ${listeners.join(', ') || 'none'}`,
        path: field ? [...refPath, field] : refPath,
        ...(byName ? { fixes: sectionFixes(entry.id, refPath, listeners) } : {}),
      };
    }
    case 'NotAllowedByListeners':
      return {
        ...base,
        code: 'gwapi-route-not-allowed',
        severity: 'error',
        message: `${route.kind} ${route.metadata.name} is not accepted by Gateway ${gatewayName} (NotAllowedByListeners): ${denial.message}; allow it in the listener's allowedRoutes (namespaces.from, kinds) or attach to another listener`,
        path: refPath,
      };
    case 'NoMatchingListenerHostname':
      return {
        ...base,
        code: 'gwapi-route-hostname-mismatch',
        severity: 'error',
        message: `${route.kind} ${route.metadata.name} is not accepted by Gateway ${gatewayName} (NoMatchingListenerHostname): none of its hostnames [${route.hostnames.join(', ')}] matches a listener's hostname; change spec.hostnames or the listener's hostname`,
        path: route.hostnames.length > 0 ? ['spec', 'hostnames'] : refPath,
      };
  }
}

/** "Attach to listener X": one fix per named listener, at most three. */
function sectionFixes(target: string, refPath: Path, listeners: readonly string[]): QuickFix[] {
  return listeners.slice(0, 3).map((name) => ({
    title: `Attach to listener ${name}`,
    command: { type: 'setValue', target, path: [...refPath, 'sectionName'], value: name },
  }));
}
