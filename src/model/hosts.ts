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
 * Whether host name `a` and `b` overlap, each possibly a wildcard (`*.example.com`, `*`):
 * Istio's `host.Name.Matches` in both directions.
 */
export function hostsOverlap(a: string, b: string): boolean {
  return hostMatches(a, b) || hostMatches(b, a);
}

/** Whether `pattern` (exact, `*.suffix` or `*`) covers `host` (which may itself be a wildcard). */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === '*' || p === h) return true;
  if (p.startsWith('*')) {
    const suffix = p.slice(1);
    return (
      h.endsWith(suffix) &&
      h.length > suffix.length &&
      (!h.startsWith('*') || h.slice(1).endsWith(suffix))
    );
  }
  return false;
}

/** A Gateway server host split into its `namespace/` part (default `*`) and DNS name. */
export function splitServerHost(host: string): { namespace: string; dnsName: string } {
  const slash = host.indexOf('/');
  if (slash === -1) return { namespace: '*', dnsName: host };
  return { namespace: host.slice(0, slash), dnsName: host.slice(slash + 1) };
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

/**
 * The host names a Gateway server offers to VirtualServices of `namespace`: its hosts whose
 * `namespace/` part lets that namespace bind (`*` any, `.` the Gateway's own, or that name;
 * none means any), without the part (`NamesForNamespace`, gateway.proto `Server.hosts`).
 */
export function serverHostsFor(
  gatewayNamespace: string,
  hosts: readonly string[],
  namespace: string,
): string[] {
  const out: string[] = [];
  for (const host of hosts) {
    const slash = host.indexOf('/');
    if (slash === -1) {
      out.push(host);
      continue;
    }
    const scope = host.slice(0, slash);
    const owner = scope === '.' ? gatewayNamespace : scope;
    if (owner === '*' || owner === namespace) out.push(host.slice(slash + 1));
  }
  return out;
}
