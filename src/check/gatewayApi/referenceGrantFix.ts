import { GATEWAY_API_GROUP } from '../../model/gatewayApi.ts';
import type { GatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { QuickFix } from '../finding.ts';

/** What a cross-namespace reference needs a ReferenceGrant for. */
export interface GrantNeed {
  /** The referring kind (`HTTPRoute`, `Gateway`…) and its namespace. */
  readonly fromKind: string;
  readonly fromNamespace: string;
  /** The referred object: core group `''` for Services and Secrets. */
  readonly toGroup: string;
  readonly toKind: string;
  readonly toName: string;
  readonly toNamespace: string;
}

/** The ReferenceGrant that permits exactly this reference, as a manifest. */
export function referenceGrantFor(
  need: GrantNeed,
  index: GatewayApiIndex,
): Record<string, unknown> {
  const base = `allow-${need.fromNamespace}-${need.fromKind.toLowerCase()}s`;
  const taken = new Set(
    index.grants
      .filter((g) => g.metadata.namespace === need.toNamespace)
      .map((g) => g.metadata.name),
  );
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return {
    apiVersion: `${GATEWAY_API_GROUP}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name, namespace: need.toNamespace },
    spec: {
      from: [{ group: GATEWAY_API_GROUP, kind: need.fromKind, namespace: need.fromNamespace }],
      to: [{ group: need.toGroup, kind: need.toKind, name: need.toName }],
    },
  };
}

/** Words for the message: what grant to add, where. */
export function grantAdvice(need: GrantNeed): string {
  return `add a ReferenceGrant in namespace "${need.toNamespace}" from ${need.fromKind} in "${need.fromNamespace}" to ${need.toKind} ${need.toName}`;
}

/** "Add ReferenceGrant …": appends the grant as a new document, after the referring resource. */
export function addGrantFix(need: GrantNeed, index: GatewayApiIndex, after: string): QuickFix {
  const grant = referenceGrantFor(need, index);
  const name = (grant.metadata as { name: string }).name;
  return {
    title: `Add ReferenceGrant ${need.toNamespace}/${name} letting ${need.fromKind}s of ${need.fromNamespace} refer to ${need.toKind} ${need.toName}`,
    command: { type: 'addResource', value: grant, after },
  };
}
