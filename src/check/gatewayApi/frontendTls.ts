/**
 * The client certificate validation of a Gateway (`spec.tls.frontend`: `default`, or the
 * `perPort` entry of a listener's port), as the `ResolvedRefs` condition of the terminating
 * listeners that use it would say (Istio's `buildTLS` and `buildCaCertificateReference`): Istio
 * takes one `caCertificateRefs` entry, a ConfigMap or a Secret, into another namespace only with
 * a ReferenceGrant from the Gateway. Reported once, on the reference, for the listeners it serves.
 */
import { readObjectRef } from '../../model/gatewayApi.ts';
import { gatewayApiIndex, type IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { arr, number, obj, type Plain } from '../structure/values.ts';
import {
  type GatewayRefRules,
  gatewayRefFinding,
  type HeldKind,
  heldObjects,
} from './gatewayObjectRefs.ts';

const CA_CERTIFICATE: GatewayRefRules = {
  field: 'caCertificateRef',
  kinds: ['ConfigMap', 'Secret'],
  codes: {
    notPermitted: 'gwapi-ca-certificate-ref-not-permitted',
    invalidKind: 'gwapi-ca-certificate-invalid-kind',
    notFound: 'gwapi-ca-certificate-not-found',
  },
  reasons: { invalidKind: 'InvalidCACertificateKind', notFound: 'InvalidCACertificateRef' },
  meanwhile: 'the listeners it serves are not accepted',
};

export function* checkFrontendTls(context: CheckContext): Iterable<Finding> {
  const index = gatewayApiIndex(context.workspace);
  const objects: Record<HeldKind, ReadonlySet<string>> = {
    ConfigMap: heldObjects(context, 'ConfigMap'),
    Secret: heldObjects(context, 'Secret'),
  };
  for (const indexed of index.gateways) {
    const frontend = obj(obj(obj(context.raw(indexed.entry).spec)?.tls)?.frontend);
    if (!frontend) continue;
    for (const { validation, path } of usedValidations(indexed, frontend)) {
      const refs = arr(validation.caCertificateRefs);
      const at: Path = [...path, 'caCertificateRefs'];
      if (refs.length > 1) {
        yield {
          code: 'gwapi-ca-certificate-too-many',
          severity: 'error',
          message: `Istio supports only one caCertificateRef (this names ${refs.length}): the listeners it serves are not accepted. Put the CA certificates in one bundle`,
          resource: indexed.entry.id,
          at: entryAddress(indexed.entry),
          path: [...at, 1],
        };
        continue;
      }
      // ObjectReference: group and kind are required, so no defaults.
      if (!obj(refs[0])) continue;
      const ref = readObjectRef(refs[0], '', '');
      const finding = gatewayRefFinding(
        index,
        indexed,
        ref,
        [...at, 0],
        CA_CERTIFICATE,
        (kind) => objects[kind],
      );
      if (finding) yield finding;
    }
  }
}

/** The validations that some terminating listener uses: its port's `perPort`, else `default`. */
function usedValidations(
  { gateway }: IndexedGateway,
  frontend: Plain,
): { validation: Plain; path: Path }[] {
  const perPort = arr(frontend.perPort).map((p) => obj(p) ?? {});
  const out = new Map<string, { validation: Plain; path: Path }>();
  for (const listener of gateway.listeners) {
    const terminates =
      listener.tls?.mode === 'Terminate' &&
      (listener.protocol === 'HTTPS' || listener.protocol === 'TLS');
    if (!terminates) continue;
    const p = perPort.findIndex((entry) => number(entry.port) === listener.port);
    const config = p === -1 ? obj(frontend.default) : obj(obj(perPort[p])?.tls);
    const path: Path =
      p === -1
        ? ['spec', 'tls', 'frontend', 'default', 'validation']
        : ['spec', 'tls', 'frontend', 'perPort', p, 'tls', 'validation'];
    const validation = obj(config?.validation);
    if (validation) out.set(path.join('.'), { validation, path });
  }
  return [...out.values()];
}
