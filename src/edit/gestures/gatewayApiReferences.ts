import type { ObjectRef } from '../../model/gatewayApi.ts';
import type { GRPCRouteRule, HTTPRouteRule, RouteFilter } from '../../model/gatewayRoutes.ts';
import { isGatewayParent } from '../../model/routeAttachment.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { Reference } from './references.ts';

/**
 * What in the Gateway API refers to a resource by name, for delete warnings and renames: routes'
 * parentRefs to a Gateway; backendRefs (rules', and mirrors' in RequestMirror filters) and
 * ReferenceGrants to a Service.
 */

/** parentRefs naming the Gateway API Gateway `namespace/name` (and its listener `section`). */
export function parentReferences(
  workspace: Workspace,
  namespace: string,
  name: string,
  section?: string,
): Reference[] {
  return gatewayApiIndex(workspace).routes.flatMap(({ entry, route }) =>
    route.parentRefs.flatMap((ref, i) =>
      isGatewayParent(ref) &&
      ref.name === name &&
      (ref.namespace ?? route.metadata.namespace) === namespace &&
      (section === undefined || ref.sectionName === section)
        ? [{ resource: entry.id, path: ['spec', 'parentRefs', i], role: 'attaches to it' }]
        : [],
    ),
  );
}

/**
 * backendRefs and mirror backendRefs naming the Service `namespace/name`; each path is the
 * object that holds its `name`.
 */
export function backendReferences(
  workspace: Workspace,
  namespace: string,
  name: string,
): Reference[] {
  const out: Reference[] = [];
  for (const { entry, route } of gatewayApiIndex(workspace).routes) {
    const own = route.metadata.namespace;
    const add = (ref: ObjectRef, path: Path, role: string) => {
      if ((ref.group === '' || ref.group === 'core') && ref.kind === 'Service' && ref.name === name)
        if ((ref.namespace ?? own) === namespace) out.push({ resource: entry.id, path, role });
    };
    route.rules.forEach((rule, r) => {
      const rulePath = ['spec', 'rules', r];
      const mirrors = (filters: readonly RouteFilter[], at: Path) => {
        filters.forEach((f, k) => {
          if (f.type === 'RequestMirror')
            add(
              f.backendRef,
              [...at, 'filters', k, 'requestMirror', 'backendRef'],
              'mirrors to it',
            );
        });
      };
      rule.backendRefs.forEach((b, i) => {
        add(b, [...rulePath, 'backendRefs', i], 'routes to it');
        mirrors(b.filters, [...rulePath, 'backendRefs', i]);
      });
      if (route.kind === 'HTTPRoute' || route.kind === 'GRPCRoute')
        mirrors((rule as HTTPRouteRule | GRPCRouteRule).filters, rulePath);
    });
  }
  return out;
}

/** `to` entries of ReferenceGrants in the Service's namespace that name it. */
export function grantReferences(
  workspace: Workspace,
  namespace: string,
  name: string,
): Reference[] {
  const index = gatewayApiIndex(workspace);
  return index.grants.flatMap((grant) =>
    grant.metadata.namespace !== namespace
      ? []
      : grant.to.flatMap((to, k) =>
          (to.group === '' || to.group === 'core') && to.kind === 'Service' && to.name === name
            ? [
                {
                  resource: `ReferenceGrant/${namespace}/${grant.metadata.name}`,
                  path: ['spec', 'to', k],
                  role: 'shares it',
                },
              ]
            : [],
        ),
  );
}
