/**
 * An Ingress's `tls` entries: the Secret each names must be in the workspace, where its
 * controller reads it (ingress-nginx: the Ingress's namespace; Istio: its ingress gateway's
 * namespace, `istio-system`, since Istio turns the entry into a Gateway server there,
 * pilot/pkg/config/kube/ingress/gateways.go), and each TLS host should be one a rule serves.
 */
import { DEFAULT_INGRESS } from '../../model/defaultIngress.ts';
import { ingressHostMatches } from '../../model/ingressPaths.ts';
import { resourceId } from '../../model/resource.ts';
import {
  type IndexedIngress,
  ISTIO_INGRESS_CONTROLLER,
  ingressIndex,
} from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

export function* checkIngressTls(context: CheckContext): Iterable<Finding> {
  const secrets = new Set(context.entriesOf('Secret').map((e) => e.id));
  for (const indexed of ingressIndex(context.workspace).ingresses)
    yield* tlsFindings(indexed, secrets);
}

function* tlsFindings(indexed: IndexedIngress, secrets: ReadonlySet<string>): Iterable<Finding> {
  const { entry, ingress } = indexed;
  const base = { resource: entry.id, at: entryAddress(entry) };
  const name = `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}`;
  const istio = indexed.controller === ISTIO_INGRESS_CONTROLLER;
  const namespace = istio ? DEFAULT_INGRESS.namespace : ingress.metadata.namespace;
  const ruleHosts = ingress.rules.filter((r) => r.paths !== undefined).map((r) => r.host ?? '');
  const reading = indexed.reading ?? 'spec';
  for (const [i, tls] of ingress.tls.entries()) {
    const secret = tls.secretName;
    if (secret && !secrets.has(resourceId('Secret', namespace, secret)))
      yield {
        ...base,
        severity: 'error',
        code: 'ingress-tls-secret-not-found',
        message: `${name}: TLS Secret ${namespace}/${secret} is not in this workspace${istio ? ' (Istio reads it in its ingress gateway’s namespace)' : ''}: create it (kubernetes.io/tls, with tls.crt and tls.key) or name one that is`,
        path: ['spec', 'tls', i, 'secretName'],
        missing: 'Secret',
      };
    if (ingress.defaultBackend) continue;
    for (const [j, host] of tls.hosts.entries()) {
      if (ruleHosts.some((rule) => rule === host || ingressHostMatches(rule, host, reading)))
        continue;
      yield {
        ...base,
        severity: 'warning',
        code: 'ingress-tls-host-unserved',
        message: `${name}: TLS host ${host} has no rule, so its HTTPS requests find no path here: add a rule with host ${host}, or remove it from tls`,
        path: ['spec', 'tls', i, 'hosts', j],
      };
    }
  }
}
