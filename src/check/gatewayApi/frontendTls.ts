/**
 * The client certificate validation of a Gateway (`spec.tls.frontend`: `default`, or the
 * `perPort` entry of a listener's port), as the `ResolvedRefs` condition of the terminating
 * listeners that use it would say (Istio's `buildTLS` and `buildCaCertificateReference`): Istio
 * takes one `caCertificateRefs` entry, a ConfigMap or a Secret, into another namespace only with
 * a ReferenceGrant from the Gateway. Reported once, on the reference, for the listeners it serves.
 */
import { grantFor } from '../../model/backendRefs.ts';
import { gatewayApiIndex, type IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { arr, number, obj, type Plain, text } from '../structure/values.ts';
import { addGrantFix, type GrantNeed, grantAdvice } from './referenceGrantFix.ts';

export function* checkFrontendTls(context: CheckContext): Iterable<Finding> {
  const index = gatewayApiIndex(context.workspace);
  const held = (kind: string) =>
    new Set(
      context
        .entriesOf(kind)
        .map((e) => `${e.object.metadata.namespace}/${e.object.metadata.name}`),
    );
  const objects = { ConfigMap: held('ConfigMap'), Secret: held('Secret') };
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
      const ref = obj(refs[0]);
      if (ref) {
        const finding = caFinding(index, indexed, ref, [...at, 0], objects);
        if (finding) yield finding;
      }
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

function caFinding(
  index: ReturnType<typeof gatewayApiIndex>,
  { entry, gateway }: IndexedGateway,
  ref: Plain,
  path: Path,
  objects: { ConfigMap: ReadonlySet<string>; Secret: ReadonlySet<string> },
): Finding | undefined {
  const from = gateway.metadata.namespace;
  const name = text(ref.name) ?? '';
  const kind = text(ref.kind) ?? '';
  const group = text(ref.group) ?? '';
  const namespace = text(ref.namespace) ?? from;
  const base = { resource: entry.id, at: entryAddress(entry), severity: 'error' as const };
  const what = `caCertificateRef ${kind} ${namespace}/${name}`;
  if (namespace !== from) {
    const to = { group, kind, name, namespace };
    if (!grantFor(index.grants, { kind: 'Gateway', namespace: from }, to)) {
      const need: GrantNeed = {
        fromKind: 'Gateway',
        fromNamespace: from,
        toGroup: group,
        toKind: kind,
        toName: name,
        toNamespace: namespace,
      };
      return {
        ...base,
        code: 'gwapi-ca-certificate-ref-not-permitted',
        message: `${what} is not accessible to a Gateway in namespace "${from}" (RefNotPermitted): the listeners it serves are not accepted; ${grantAdvice(need)}`,
        path: [...path, 'namespace'],
        fixes: [addGrantFix(need, index, entry.id)],
      };
    }
  }
  const core = group === '' || group === 'core';
  if (!core || (kind !== 'ConfigMap' && kind !== 'Secret'))
    return {
      ...base,
      code: 'gwapi-ca-certificate-invalid-kind',
      message: `${what} is not resolved (InvalidCACertificateKind): only a ConfigMap or a Secret (core group) can hold the CA certificates`,
      path: [...path, 'kind'],
    };
  if (!objects[kind].has(`${namespace}/${name}`))
    return {
      ...base,
      code: 'gwapi-ca-certificate-not-found',
      message: `${what} is not resolved (InvalidCACertificateRef): ${kind} ${namespace}/${name} not found; the listeners it serves are not programmed until it exists`,
      path: [...path, 'name'],
      missing: kind,
    };
  return undefined;
}
