/**
 * A reference a Gateway writes to a core object (a listener's certificateRef, a frontend
 * caCertificateRef), resolved in Istio's order (`buildTLS`): into another namespace only with a
 * ReferenceGrant from the Gateway (checked first, so status never tells whether the object
 * exists), then the kind, then that the object exists.
 */
import { grantFor } from '../../model/backendRefs.ts';
import type { ObjectRef } from '../../model/gatewayApi.ts';
import type { GatewayApiIndex, IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { addGrantFix, type GrantNeed, grantAdvice } from './referenceGrantFix.ts';

export type HeldKind = 'Secret' | 'ConfigMap';

/** What differs between the references: their name, kinds, codes and condition reasons. */
export interface GatewayRefRules {
  /** `certificateRef`, `caCertificateRef`. */
  readonly field: string;
  readonly kinds: readonly HeldKind[];
  readonly codes: {
    readonly notPermitted: string;
    readonly invalidKind: string;
    readonly notFound: string;
  };
  /** The condition reason for a wrong kind, and for a missing object. */
  readonly reasons: { readonly invalidKind: string; readonly notFound: string };
  /** What happens meanwhile, for the message (`the listener serves no TLS`). */
  readonly meanwhile: string;
}

/** `namespace/name` of every object of a kind, for existence checks. */
export function heldObjects(context: CheckContext, kind: HeldKind): ReadonlySet<string> {
  return new Set(
    context.entriesOf(kind).map((e) => `${e.object.metadata.namespace}/${e.object.metadata.name}`),
  );
}

export function gatewayRefFinding(
  index: GatewayApiIndex,
  { entry, gateway }: IndexedGateway,
  ref: ObjectRef,
  path: Path,
  rules: GatewayRefRules,
  held: (kind: HeldKind) => ReadonlySet<string>,
): Finding | undefined {
  const from = gateway.metadata.namespace;
  const namespace = ref.namespace ?? from;
  const group = ref.group === 'core' ? '' : ref.group;
  const base = { resource: entry.id, at: entryAddress(entry), severity: 'error' as const };
  const what = `${rules.field} ${ref.kind} ${namespace}/${ref.name}`;
  if (namespace !== from) {
    const to = { group, kind: ref.kind, name: ref.name, namespace };
    if (!grantFor(index.grants, { kind: 'Gateway', namespace: from }, to)) {
      const need: GrantNeed = {
        fromKind: 'Gateway',
        fromNamespace: from,
        toGroup: group,
        toKind: ref.kind,
        toName: ref.name,
        toNamespace: namespace,
      };
      return {
        ...base,
        code: rules.codes.notPermitted,
        message: `${what} is not accessible to a Gateway in namespace "${from}" (RefNotPermitted): ${rules.meanwhile}; ${grantAdvice(need)}`,
        path: [...path, 'namespace'],
        fixes: [addGrantFix(need, index, entry.id)],
      };
    }
  }
  const kind = rules.kinds.find((k) => k === ref.kind);
  if (group !== '' || !kind)
    return {
      ...base,
      code: rules.codes.invalidKind,
      message: `${what} is not resolved (${rules.reasons.invalidKind}): only a ${rules.kinds.join(' or a ')} (core group) is allowed, not group "${ref.group}" kind "${ref.kind}"`,
      path: [...path, 'kind'],
    };
  if (!held(kind).has(`${namespace}/${ref.name}`))
    return {
      ...base,
      code: rules.codes.notFound,
      message: `${what} is not resolved (${rules.reasons.notFound}): ${kind} ${namespace}/${ref.name} not found; ${rules.meanwhile} until it exists`,
      path: [...path, 'name'],
      missing: kind,
    };
  return undefined;
}
