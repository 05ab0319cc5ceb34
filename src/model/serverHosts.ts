import type { Gateway } from './gateway.ts';

/**
 * Gateway server hosts (`[namespace/]dnsName`, gateway.proto `Server.hosts`) and which
 * VirtualServices may use them: the one reading for the simulator, the checks, the gestures
 * and the templates.
 */

/**
 * A server host split into its namespace part (default `*`) and DNS name. With the Gateway's
 * namespace, `.` is replaced by it.
 */
export function splitServerHost(
  host: string,
  gatewayNamespace?: string,
): { readonly namespace: string; readonly dnsName: string } {
  const slash = host.indexOf('/');
  if (slash === -1) return { namespace: '*', dnsName: host };
  const scope = host.slice(0, slash);
  return {
    namespace: scope === '.' && gatewayNamespace !== undefined ? gatewayNamespace : scope,
    dnsName: host.slice(slash + 1),
  };
}

/**
 * Pilot's `sanitizeServerHostNamespace` (pilot/pkg/model/gateway.go): `./h` → `ns/h`, `*\/h` →
 * `h`, and `*\/*` makes the server's hosts `*` alone.
 */
export function sanitizeServerHosts(hosts: readonly string[], gatewayNamespace: string): string[] {
  const out: string[] = [];
  for (const host of hosts) {
    const { namespace, dnsName } = splitServerHost(host, gatewayNamespace);
    if (!host.includes('/')) out.push(host);
    else if (namespace !== '*') out.push(`${namespace}/${dnsName}`);
    else if (dnsName === '*') return ['*'];
    else out.push(dnsName);
  }
  return out;
}

/**
 * `host.NamesForNamespace` (pkg/config/host/names.go) on sanitized hosts: those a VirtualService
 * of `namespace` may use (`ns/h` only for that namespace, `*\/h` and a bare host for every one),
 * without their namespace part.
 */
export function namesForNamespace(hosts: readonly string[], namespace: string): string[] {
  const out: string[] = [];
  for (const host of hosts) {
    const { namespace: scope, dnsName } = splitServerHost(host);
    if (scope === '*' || scope === namespace) out.push(dnsName);
  }
  return out;
}

/** The host names a server of a Gateway in `gatewayNamespace` offers to VirtualServices of `namespace`. */
export function serverHostsFor(
  gatewayNamespace: string,
  hosts: readonly string[],
  namespace: string,
): string[] {
  return namesForNamespace(sanitizeServerHosts(hosts, gatewayNamespace), namespace);
}

/** Every host name the Gateway's servers offer to VirtualServices of `namespace`. */
export function gatewayHostsFor(gateway: Gateway, namespace: string): string[] {
  return gateway.servers.flatMap((server) =>
    serverHostsFor(gateway.metadata.namespace, server.hosts, namespace),
  );
}
