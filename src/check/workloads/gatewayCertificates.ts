import type { Gateway, ServerTls } from '../../model/gateway.ts';
import type { Dict } from '../../model/read.ts';
import type { ResourceId } from '../../model/resource.ts';
import type { Check } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace } from './resources.ts';

/**
 * IST0138, `CertificateAnalyzer` (pkg/config/analysis/analyzers/gateway/certificate.go): a
 * Gateway shares a server certificate with another Gateway whose selector includes all of its
 * own labels (an empty selector includes every Gateway). Envoy then serves both hosts with one
 * certificate and clients re-using an HTTP/2 connection get 404s. Certificates are the same
 * when both name the same `credentialName`, or neither names one and both `serverCertificate`
 * and `privateKey` are the same files. Istio's message names the pair of Gateways, so each
 * pair is reported once, on the Gateway whose selector is the subset.
 */
export const gatewayCertificateChecks: Check = function* (context) {
  const byCertificate = new Map<string, { id: ResourceId; gateway: Gateway }[]>();
  for (const item of context.catalog.gateways) {
    const keys = new Set(item.object.servers.map((s) => certificateKey(s.tls)));
    for (const key of keys) {
      if (key === undefined) continue;
      const list = byCertificate.get(key);
      if (list) list.push({ id: item.id, gateway: item.object });
      else byCertificate.set(key, [{ id: item.id, gateway: item.object }]);
    }
  }
  for (const item of context.catalog.gateways) {
    const entry = entryOf(context, item.id);
    if (!entry || isSystemNamespace(item.object.metadata.namespace)) continue;
    const reported = new Set<ResourceId>();
    for (const [index, server] of item.object.servers.entries()) {
      const key = certificateKey(server.tls);
      if (key === undefined) continue;
      for (const other of byCertificate.get(key) ?? []) {
        if (other.id === item.id || reported.has(other.id)) continue;
        if (!selectorSubset(item.object.selector, other.gateway.selector)) continue;
        reported.add(other.id);
        const { namespace, name } = other.gateway.metadata;
        const field = server.tls?.credentialName ? 'credentialName' : 'serverCertificate';
        yield findingOn(entry, {
          code: 'gateway-duplicate-certificate',
          severity: 'warning',
          message: `Gateway uses the same certificate as Gateway ${namespace}/${name} on the same pods: clients that re-use an HTTP/2 connection may get 404s. Use a distinct certificate for each Gateway, or merge the servers.`,
          path: ['spec', 'servers', index, 'tls', field],
          istio: 'IST0138',
        });
      }
    }
  }
};

/** What identifies a server's certificate (`haveSameCertificate`), or undefined for none. */
function certificateKey(tls: ServerTls | undefined): string | undefined {
  if (!tls) return undefined;
  if (tls.credentialName) return `credential\n${tls.credentialName}`;
  if (tls.serverCertificate && tls.privateKey) {
    return `files\n${tls.serverCertificate}\n${tls.privateKey}`;
  }
  return undefined;
}

/** Whether every label of `x` is in `y` with the same value; an empty `x` is in everything. */
function selectorSubset(x: Dict<string> | undefined, y: Dict<string> | undefined): boolean {
  for (const key in x ?? {}) if (y?.[key] !== x?.[key]) return false;
  return true;
}
