/**
 * Host names as Istio's analyzers compare them (pkg/config/analysis/analyzers/util/hosts.go,
 * pkg/config/host/name.go). They differ from the model's `resolveHost` on purpose: the analyzers
 * compare case-sensitively and keep any name starting with `*` as written.
 */

/** The Kubernetes cluster domain the analyzers assume (`DefaultKubernetesDomain`). */
const CLUSTER_SUFFIX = 'svc.cluster.local';

/** `ConvertHostToFQDN`: a short name (no dot, not a wildcard) becomes `name.ns.svc.cluster.local`. */
export function analyzerFqdn(namespace: string, host: string): string {
  if (!host.startsWith('*') && !host.includes('.')) {
    return `${host}.${namespace}.${CLUSTER_SUFFIX}`;
  }
  return host;
}

const FQDN = /^(.+)\.(.+)\.svc\.cluster\.local$/;

/**
 * `GetResourceNameFromHost`: the namespace and name a host stands for. A cluster FQDN names its
 * own namespace; anything else (a short name, an external host) is taken in `namespace`.
 */
export function resourceNameOfHost(namespace: string, host: string): string {
  const match = FQDN.exec(host);
  if (match) return `${match[2]}/${match[1]}`;
  return `${namespace}/${host}`;
}

/** `exportTo` as the analyzers read it: absent, empty or containing `*` means every namespace. */
export function exportedToAll(exportTo: readonly string[] | undefined): boolean {
  return !exportTo || exportTo.length === 0 || exportTo.includes('*');
}
