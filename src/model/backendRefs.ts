/**
 * Whether a route's backendRef (or a mirror's) resolves, as the `ResolvedRefs` condition says:
 * the kind must be one Istio routes to, a reference into another namespace needs a
 * ReferenceGrant there, and the Service must exist. Follows the Gateway API spec (GEP-709,
 * ReferenceGrant) and Istio's `buildDestination` (pilot/pkg/config/kube/gateway/conversion.go).
 */
import { GATEWAY_API_GROUP, type ObjectRef, type ReferenceGrant } from './gatewayApi.ts';
import type { RouteKind } from './gatewayRoutes.ts';
import { serviceFqdn } from './hosts.ts';

export type BackendDenialReason = 'InvalidKind' | 'RefNotPermitted' | 'BackendNotFound';

export type BackendResolution =
  | {
      readonly resolved: true;
      readonly kind: string;
      readonly name: string;
      readonly namespace: string;
      /** The host Envoy's cluster is named for: a Service's FQDN, or the hostname as written. */
      readonly host: string;
      /** The ReferenceGrant that permits a reference into another namespace. */
      readonly grant: ReferenceGrant | undefined;
    }
  | {
      readonly resolved: false;
      readonly reason: BackendDenialReason;
      readonly message: string;
      readonly namespace: string;
      /** Set for BackendNotFound when the workspace holds no Services at all (not an error). */
      readonly notInWorkspace?: boolean;
    };

/** Backend kinds Istio's gateway controller routes to, as `group/kind`. */
const BACKEND_KINDS = new Set([
  '/Service',
  'networking.istio.io/Hostname',
  'networking.istio.io/ServiceEntry',
  'multicluster.x-k8s.io/ServiceImport',
  'inference.networking.k8s.io/InferencePool',
  // Experimental (Istio's PILOT_ENABLE_ALPHA_GATEWAY_API): an external backend by hostname.
  'gateway.networking.x-k8s.io/XBackend',
]);

export interface BackendLookup {
  /** Whether the workspace holds this Service; undefined when it holds no Services at all. */
  readonly serviceExists: (namespace: string, name: string) => boolean | undefined;
  readonly grants: readonly ReferenceGrant[];
}

export function resolveBackendRef(
  ref: ObjectRef,
  from: { readonly kind: RouteKind | 'Gateway'; readonly namespace: string },
  lookup: BackendLookup,
): BackendResolution {
  const namespace = ref.namespace ?? from.namespace;
  const groupKind = `${ref.group === 'core' ? '' : ref.group}/${ref.kind}`;
  if (!BACKEND_KINDS.has(groupKind))
    return {
      resolved: false,
      reason: 'InvalidKind',
      message: `referencing unsupported backendRef: group "${ref.group}" kind "${ref.kind}"`,
      namespace,
    };
  let grant: ReferenceGrant | undefined;
  if (namespace !== from.namespace) {
    grant = grantFor(lookup.grants, from, {
      group: ref.group,
      kind: ref.kind,
      name: ref.name,
      namespace,
    });
    if (!grant)
      return {
        resolved: false,
        reason: 'RefNotPermitted',
        message: `backendRef ${ref.name}/${namespace} not accessible to a ${from.kind} in namespace "${from.namespace}" (missing a ReferenceGrant?)`,
        namespace,
      };
  }
  if (ref.kind === 'Hostname')
    return { resolved: true, kind: ref.kind, name: ref.name, namespace, host: ref.name, grant };
  if (groupKind === '/Service') {
    // undefined: the workspace holds no Services, so this one is not in it rather than missing.
    const exists = lookup.serviceExists(namespace, ref.name);
    if (exists === false)
      return {
        resolved: false,
        reason: 'BackendNotFound',
        message: `backend(${ref.name}.${namespace}) not found`,
        namespace,
      };
  }
  return {
    resolved: true,
    kind: ref.kind,
    name: ref.name,
    namespace,
    host: serviceFqdn(ref.name, namespace),
    grant,
  };
}

/**
 * The ReferenceGrant in the target's namespace that lets `from` refer to `to`: a `from` entry
 * with the referrer's group, kind and namespace, and a `to` entry with the target's group and
 * kind and either no name or the target's name.
 */
export function grantFor(
  grants: readonly ReferenceGrant[],
  from: { readonly kind: string; readonly namespace: string },
  to: {
    readonly group: string;
    readonly kind: string;
    readonly name: string;
    readonly namespace: string;
  },
): ReferenceGrant | undefined {
  const toGroup = to.group === 'core' ? '' : to.group;
  return grants.find(
    (grant) =>
      grant.metadata.namespace === to.namespace &&
      grant.from.some(
        (f) =>
          f.group === GATEWAY_API_GROUP && f.kind === from.kind && f.namespace === from.namespace,
      ) &&
      grant.to.some(
        (t) =>
          (t.group === 'core' ? '' : t.group) === toGroup &&
          t.kind === to.kind &&
          (t.name === undefined || t.name === to.name),
      ),
  );
}
