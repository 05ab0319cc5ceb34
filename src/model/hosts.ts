/**
 * Host names as Istio reads them. Sources: `ResolveShortnameToFQDN` (pilot/pkg/model) and the
 * `hosts` docs of virtual_service.proto, destination_rule.proto and gateway.proto.
 */

export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * The FQDN a host in a manifest of `namespace` stands for. A name without a dot is a short
 * Service name of that namespace (`reviews` in `bookinfo` → `reviews.bookinfo.svc.cluster.local`);
 * anything with a dot, and `*`, is taken as written.
 */
export function resolveHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.')) return host.toLowerCase();
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`.toLowerCase();
}

/** The FQDN of a Kubernetes Service. */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`.toLowerCase();
}

/**
 * Whether host names `a` and `b` overlap, ignoring case (DNS names, Envoy domains and SNI are
 * case-insensitive): `hostNamesOverlap` on lower-cased names.
 */
export function hostsOverlap(a: string, b: string): boolean {
  return hostNamesOverlap(a.toLowerCase(), b.toLowerCase());
}

/**
 * Whether `pattern` (exact, `*.suffix` or `*`) covers `host` (which may itself be a wildcard),
 * ignoring case: `hostSubsetOf(host, pattern)` on lower-cased names.
 */
export function hostMatches(pattern: string, host: string): boolean {
  return hostSubsetOf(host.toLowerCase(), pattern.toLowerCase());
}

/**
 * Istio's `host.Name.SubsetOf` (pkg/config/host/name.go), case-sensitive as there: whether
 * every name `a` covers is covered by `b`.
 */
export function hostSubsetOf(a: string, b: string): boolean {
  if (a.startsWith('*')) return b.startsWith('*') && a.slice(1).endsWith(b.slice(1));
  if (b.startsWith('*')) return a.endsWith(b.slice(1));
  return a === b;
}

/**
 * Istio's `MostSpecificHostMatch` (pilot/pkg/model/config.go): among `candidates`, `host`
 * itself, else the longest wildcard that covers it (`*` last), ignoring case.
 */
export function mostSpecificHost(host: string, candidates: Iterable<string>): string | undefined {
  const needle = host.toLowerCase();
  let best: string | undefined;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (c === needle) return candidate;
    if (
      c.startsWith('*') &&
      hostMatches(c, needle) &&
      (best === undefined || c.length > best.length)
    )
      best = candidate;
  }
  return best;
}

/**
 * Istio's `host.Name.Matches` (pkg/config/host/name.go), case-sensitive as there: whether two
 * host names overlap, either possibly a wildcard (`*.example.com`, `*`). `*.example.com` does
 * not match `example.com`. What Istio's analyzers and validation compare hosts with.
 */
export function hostNamesOverlap(a: string, b: string): boolean {
  const aWild = a.startsWith('*');
  const bWild = b.startsWith('*');
  if (aWild && bWild) {
    return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  }
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}
