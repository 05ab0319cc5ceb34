import { grantFor } from '../../model/backendRefs.ts';
import { GATEWAY_API_GROUP } from '../../model/gatewayApi.ts';
import type { RouteKind } from '../../model/gatewayRoutes.ts';
import type { ResourceId } from '../../model/resource.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Command } from '../command.ts';
import { namesOf, uniqueName } from './names.ts';

/**
 * ReferenceGrant as `v1beta1`: its storage version, served by every release that has it (`v1`
 * came later, and older clusters do not serve it).
 */
export const REFERENCE_GRANT_API = `${GATEWAY_API_GROUP}/v1beta1`;

/** Routes of one kind in one namespace: who a grant lets refer across namespaces. */
export interface GrantFrom {
  readonly kind: RouteKind;
  readonly namespace: string;
}

/** A Kubernetes Service a rule sends to. */
export interface ServiceTarget {
  readonly name: string;
  readonly namespace: string;
}

/**
 * The ReferenceGrant that lets routes `from` send to `service` in another namespace, when none
 * permits it yet (GEP-709): in the Service's namespace, naming that one Service, so it grants
 * no more than the reference needs. Placed after `after` (the route), else at the end of `file`.
 */
export function missingGrant(
  workspace: Workspace,
  from: GrantFrom,
  service: ServiceTarget,
  place: { readonly after?: ResourceId; readonly file?: string } = {},
): { command: Command; note: string } | undefined {
  if (service.namespace === from.namespace) return undefined;
  const to = { group: '', kind: 'Service', name: service.name, namespace: service.namespace };
  if (grantFor(gatewayApiIndex(workspace).grants, from, to)) return undefined;
  const name = uniqueName(
    `${from.namespace}-to-${service.name}`.slice(0, 63).replace(/-+$/, ''),
    namesOf(workspace, 'ReferenceGrant', service.namespace),
  );
  const value = grantValue(name, service.namespace, [from], service.name);
  return {
    command: { type: 'addResource', value, ...place },
    note: `Added ReferenceGrant ${service.namespace}/${name}: without it ${article(from.kind)} ${from.kind} of namespace ${from.namespace} may not send to Service ${service.name} in ${service.namespace} (RefNotPermitted)`,
  };
}

/** A ReferenceGrant manifest: routes `from` may refer to Service `service` (all Services when undefined). */
export function grantValue(
  name: string,
  namespace: string,
  from: readonly GrantFrom[],
  service: string | undefined,
): Record<string, unknown> {
  return {
    apiVersion: REFERENCE_GRANT_API,
    kind: 'ReferenceGrant',
    metadata: { name, namespace },
    spec: {
      from: from.map((f) => ({ group: GATEWAY_API_GROUP, kind: f.kind, namespace: f.namespace })),
      to: [{ group: '', kind: 'Service', ...(service === undefined ? {} : { name: service }) }],
    },
  };
}

/** `an HTTPRoute`, `a TCPRoute`: route kinds read with the article their letters sound with. */
export function article(kind: string): string {
  return /^[AEFHILMNORSX]/.test(kind) ? 'an' : 'a';
}
