/**
 * What a listener refers to, as its `ResolvedRefs` condition would say: the TLS
 * `certificateRefs` (a Secret; into another namespace only with a ReferenceGrant from the
 * Gateway; Istio's `buildTLS` checks the grant first, then the kind, then that the Secret exists)
 * and `allowedRoutes.kinds` the listener's protocol cannot carry (InvalidRouteKinds, Istio's
 * `GenerateGatewaySupportedKinds`). Also an HTTPS or TLS listener without `tls`, for which Istio
 * creates no server at all.
 */
import { GATEWAY_API_GROUP, type Listener } from '../../model/gatewayApi.ts';
import { listenerRouteKinds } from '../../model/routeAttachment.ts';
import { gatewayApiIndex, type IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { type GatewayRefRules, gatewayRefFinding, heldObjects } from './gatewayObjectRefs.ts';

const CERTIFICATE: GatewayRefRules = {
  field: 'certificateRef',
  kinds: ['Secret'],
  codes: {
    notPermitted: 'gwapi-certificate-ref-not-permitted',
    invalidKind: 'gwapi-certificate-invalid-kind',
    notFound: 'gwapi-certificate-not-found',
  },
  reasons: { invalidKind: 'InvalidCertificateRef', notFound: 'InvalidCertificateRef' },
  meanwhile: 'the listener serves no TLS',
};

export function* checkListenerRefs(context: CheckContext): Iterable<Finding> {
  const index = gatewayApiIndex(context.workspace);
  const secrets = heldObjects(context, 'Secret');

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
        const finding = gatewayRefFinding(
          index,
          indexed,
          ref,
          [...path, 'tls', 'certificateRefs', k],
          CERTIFICATE,
          () => secrets,
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
