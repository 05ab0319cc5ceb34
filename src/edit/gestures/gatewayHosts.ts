import type { Gateway, GatewayServer } from '../../model/gateway.ts';
import { hostNamesOverlap } from '../../model/hosts.ts';
import { serverHostsFor } from '../../model/serverHosts.ts';
import type { VirtualService } from '../../model/virtualService.ts';

/**
 * The DNS names of a server that a VirtualService of `namespace` may bind to: a bare host is open
 * to every namespace, `./host` to the Gateway's own, `ns/host` to `ns`, and a `*` namespace to all
 * (gateway.proto `Server.hosts`).
 */
export function serverNamesFor(
  gateway: Gateway,
  server: GatewayServer,
  namespace: string,
): string[] {
  return serverHostsFor(gateway.metadata.namespace, server.hosts, namespace);
}

/**
 * Whether a server of the Gateway lists one of the VirtualService's hosts. With `carrying`, only
 * servers whose protocol carries the VirtualService's rules count (a TCP server does not serve
 * HTTP rules); Istio's IST0132 check counts every server.
 */
export function servesAnyHost(gateway: Gateway, vs: VirtualService, carrying = false): boolean {
  return gateway.servers.some(
    (server) =>
      (!carrying || carriesRulesOf(server, vs)) &&
      serverNamesFor(gateway, server, vs.metadata.namespace).some((name) =>
        vs.hosts.some((host) => hostNamesOverlap(name, host)),
      ),
  );
}

/** Protocols a server must have to carry each kind of rule (gateway.proto `Port.protocol`). */
const CARRIES = {
  http: new Set(['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB']),
  tls: new Set(['TLS', 'HTTPS']),
  tcp: new Set(['TCP', 'TLS', 'MONGO', 'MYSQL', 'REDIS']),
} as const;

/** Whether a server can carry the rules a VirtualService has (HTTP when it has none yet). */
export function carriesRulesOf(server: GatewayServer, vs: VirtualService): boolean {
  const protocol = server.port?.protocol ?? '';
  const kinds = (['http', 'tls', 'tcp'] as const).filter((k) => vs[k].length > 0);
  return (kinds.length === 0 ? (['http'] as const) : kinds).some((k) => CARRIES[k].has(protocol));
}

/** How messages name a server: its `name`, else its port's name, else its port number. */
export function serverLabel(server: GatewayServer, index: number): string {
  return (
    server.name ??
    server.port?.name ??
    (server.port?.number === undefined ? `#${index + 1}` : `port ${server.port.number}`)
  );
}

/**
 * The host entry to add to a server for a VirtualService host: written like the server's other
 * hosts (namespace-qualified when they all are, e.g. `web/shop.example.com`).
 */
export function serverHostEntry(server: GatewayServer, host: string, namespace: string): string {
  const qualified = server.hosts.length > 0 && server.hosts.every((h) => h.includes('/'));
  return qualified ? `${namespace}/${host}` : host;
}
