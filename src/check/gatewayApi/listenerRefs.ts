/**
 * What a listener refers to, as its `ResolvedRefs` condition would say: the TLS
 * `certificateRefs` (a Secret; into another namespace only with a ReferenceGrant from the
 * Gateway; Istio's `buildTLS` checks the grant first, then the kind, then that the Secret exists)
 * and `allowedRoutes.kinds` the listener's protocol cannot carry (InvalidRouteKinds, Istio's
 * `GenerateGatewaySupportedKinds`). Also an HTTPS or TLS listener without `tls`, for which Istio
 * creates no server at all.
 */
import { grantFor } from '../../model/backendRefs.ts';
import { GATEWAY_API_GROUP, type Listener, type ObjectRef } from '../../model/gatewayApi.ts';
import { listenerRouteKinds } from '../../model/routeAttachment.ts';
import {
  type GatewayApiIndex,
  gatewayApiIndex,
  type IndexedGateway,
} from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { addGrantFix, type GrantNeed, grantAdvice } from './referenceGrantFix.ts';

export function* checkListenerRefs(context: CheckContext): Iterable<Finding> {
  const index = gatewayApiIndex(context.workspace);
  const secrets = new Set(
    context
      .entriesOf('Secret')
      .map((e) => `${e.object.metadata.namespace}/${e.object.metadata.name}`),
  );
  for (const indexed of index.gateways)
    for (const [i, listener] of indexed.gateway.listeners.entries()) {
      const path: Path = ['spec', 'listeners', i];
      yield* routeKinds(indexed, listener, path);
      if (!listener.tls && (listener.protocol === 'HTTPS' || listener.protocol === 'TLS'))
        yield {
          code: 'gwapi-listener-tls-missing',
          // Istio accepts it (a placeholder for ListenerSets) but creates no server for it.
          severity: 'warning',
          message: `Listener "${listener.name}" is ${listener.protocol} but has no tls: Istio creates no server for it, so nothing is served on it. Add tls with mode and certificateRefs`,
          resource: indexed.entry.id,
          at: entryAddress(indexed.entry),
          path: [...path, 'protocol'],
        };
      for (const [k, ref] of (listener.tls?.certificateRefs ?? []).entries()) {
        const finding = certificateFinding(
          index,
          indexed,
          ref,
          [...path, 'tls', 'certificateRefs', k],
          secrets,
        );
        if (finding) yield finding;
      }
    }
}

function* routeKinds({ entry }: IndexedGateway, listener: Listener, path: Path): Iterable<Finding> {
  const supported = listenerRouteKinds({
    ...listener,
    allowedRoutes: { ...listener.allowedRoutes, kinds: [] },
  });
  for (const [k, written] of listener.allowedRoutes.kinds.entries()) {
    if (written.group === GATEWAY_API_GROUP && (supported as string[]).includes(written.kind))
      continue;
    yield {
      code: 'gwapi-listener-invalid-route-kind',
      severity: 'warning',
      message: `Listener "${listener.name}" allows ${written.group}/${written.kind}, which a ${listener.protocol} listener cannot carry (InvalidRouteKinds): it takes ${supported.join(', ') || 'no route kind'}; remove it`,
      resource: entry.id,
      at: entryAddress(entry),
      path: [...path, 'allowedRoutes', 'kinds', k],
    };
  }
}

function certificateFinding(
  index: GatewayApiIndex,
  { entry, gateway }: IndexedGateway,
  ref: ObjectRef,
  path: Path,
  secrets: ReadonlySet<string>,
): Finding | undefined {
  const from = gateway.metadata.namespace;
  const namespace = ref.namespace ?? from;
  const base = { resource: entry.id, at: entryAddress(entry), severity: 'error' as const };
  const what = `certificateRef ${ref.kind} ${namespace}/${ref.name}`;
  const group = ref.group === 'core' ? '' : ref.group;
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
        code: 'gwapi-certificate-ref-not-permitted',
        message: `${what} is not accessible to a Gateway in namespace "${from}" (RefNotPermitted); ${grantAdvice(need)}`,
        path: [...path, 'namespace'],
        fixes: [addGrantFix(need, index, entry.id)],
      };
    }
  }
  if (group !== '' || ref.kind !== 'Secret')
    return {
      ...base,
      code: 'gwapi-certificate-invalid-kind',
      message: `${what} is not resolved (InvalidCertificateRef): only a Secret (core group) is allowed, not group "${ref.group}" kind "${ref.kind}"`,
      path: [...path, 'kind'],
    };
  if (!secrets.has(`${namespace}/${ref.name}`))
    return {
      ...base,
      code: 'gwapi-certificate-not-found',
      message: `${what} is not resolved (InvalidCertificateRef): Secret ${namespace}/${ref.name} not found; the listener serves no TLS until it exists`,
      path: [...path, 'name'],
      missing: 'Secret',
    };
  return undefined;
}
