import type { Gateway, GatewayServer } from '../model/gateway.ts';
import { sanitizeServerHosts, splitServerHost } from '../model/serverHosts.ts';
import type { Item } from '../workspace/catalog.ts';
import type { SimServer } from './types.ts';

/** A Gateway server as the merged gateway holds it. */
export interface ServerRef {
  readonly gateway: Item<Gateway>;
  /** `ns/name`, as VirtualServices bind to it. */
  readonly gatewayName: string;
  readonly index: number;
  readonly server: GatewayServer;
  /** The server's `port.number`, as route `match.port` compares it. */
  readonly port: number;
  /** The port the proxy listens on for it (`resolvePorts`: a Service port's targetPort). */
  readonly listenPort: number;
  readonly protocol: string;
  /** `hosts` after `sanitizeServerHostNamespace`: `./h` → `ns/h`, `*\/h` → `h`, `*\/*` → `*` alone. */
  readonly hosts: readonly string[];
  /** The TLS mode when `tls` is set; PASSTHROUGH is the proto default (enum value 0). */
  readonly tlsMode: string | undefined;
}

/** The servers a proxy listens with on one port, and those Istio refuses to merge. */
export interface PortServers {
  /** Plain-text servers (one HTTP route table `http.<port>`, or one TCP server). */
  readonly plaintext: ServerRef[];
  /** Servers with TLS, told apart by SNI. */
  readonly tls: ServerRef[];
  readonly skipped: { readonly ref: ServerRef; readonly reason: string }[];
}

const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY']);

/** `protocol.IsHTTP()`: the protocols an HTTP connection manager serves in plain text. */
export function isHttpProtocol(protocol: string): boolean {
  return HTTP_PROTOCOLS.has(protocol.toUpperCase());
}

export function isPassthrough(ref: ServerRef): boolean {
  return ref.tlsMode === 'PASSTHROUGH' || ref.tlsMode === 'AUTO_PASSTHROUGH';
}

/** An HTTPS server that terminates TLS and routes by the VirtualServices' `http` rules. */
export function terminatesHttps(ref: ServerRef): boolean {
  return ref.protocol === 'HTTPS' && ref.tlsMode !== undefined && !isPassthrough(ref);
}

/**
 * pilot/pkg/model/gateway.go `MergeGateways` for the Gateways of one proxy, by the port each
 * server listens on (`listen`, resolvePorts: servers on 80 and on 8080 share 8080 behind a
 * Service 80→8080): a TLS
 * server whose hosts repeat an earlier TLS server's on the port is skipped; on a port that
 * already has a plain-text server only HTTP servers of the same protocol join it; on a TLS port
 * only servers with `tls` join (SNI tells them apart).
 */
export function mergeGateways(
  gateways: readonly Item<Gateway>[],
  listen: (serverPort: number) => number = (port) => port,
): Map<number, PortServers> {
  const ports = new Map<number, PortServers>();
  const tlsHosts = new Map<number, Set<string>>();
  for (const gateway of gateways) {
    const { name, namespace } = gateway.object.metadata;
    gateway.object.servers.forEach((server, index) => {
      const number = server.port?.number;
      if (number === undefined) return;
      const port = listen(number);
      const ref: ServerRef = {
        gateway,
        gatewayName: `${namespace}/${name}`,
        index,
        server,
        port: number,
        listenPort: port,
        protocol: (server.port?.protocol ?? '').toUpperCase(),
        hosts: sanitizeServerHosts(server.hosts, namespace),
        // An HTTP server's `tls` only carries httpsRedirect: it has no TLS mode to report.
        tlsMode:
          server.tls && !isHttpProtocol(server.port?.protocol ?? '')
            ? (server.tls.mode ?? 'PASSTHROUGH').toUpperCase()
            : undefined,
      };
      let entry = ports.get(port);
      if (server.tls) {
        const known = tlsHosts.get(port) ?? new Set<string>();
        tlsHosts.set(port, known);
        const duplicates = ref.hosts.filter((h) => known.has(h));
        if (duplicates.length > 0) {
          skip(ports, ref, `duplicate TLS host names on port ${port}: ${duplicates.join(', ')}`);
          return;
        }
        for (const h of ref.hosts) known.add(h);
      }
      if (!entry || (entry.plaintext.length === 0 && entry.tls.length === 0)) {
        entry ??= { plaintext: [], tls: [], skipped: [] };
        ports.set(port, entry);
        const isTlsServer = server.tls !== undefined && !isHttpProtocol(ref.protocol);
        (isTlsServer ? entry.tls : entry.plaintext).push(ref);
        return;
      }
      const first = entry.plaintext[0];
      if (first) {
        if (first.protocol !== ref.protocol || !isHttpProtocol(ref.protocol))
          entry.skipped.push({
            ref,
            reason: `conflicts with ${first.protocol} server ${describeServer(first)} on the same port`,
          });
        else entry.plaintext.push(ref);
        return;
      }
      if (!server.tls)
        entry.skipped.push({ ref, reason: 'a server without TLS settings on a TLS port' });
      else entry.tls.push(ref);
    });
  }
  return ports;
}

function skip(ports: Map<number, PortServers>, ref: ServerRef, reason: string): void {
  let entry = ports.get(ref.listenPort);
  if (!entry) {
    entry = { plaintext: [], tls: [], skipped: [] };
    ports.set(ref.listenPort, entry);
  }
  entry.skipped.push({ ref, reason });
}

export function describeServer(ref: ServerRef): string {
  return `${ref.gateway.id} servers[${ref.index}]`;
}

export function simServer(ref: ServerRef): SimServer {
  return {
    port: ref.port,
    ...(ref.listenPort !== ref.port ? { listenPort: ref.listenPort } : {}),
    protocol: ref.protocol,
    hosts: ref.server.hosts,
    index: ref.index,
    ...(ref.server.name ? { name: ref.server.name } : {}),
    ...(ref.tlsMode ? { tlsMode: ref.tlsMode } : {}),
  };
}

export function serverPath(ref: ServerRef): readonly (string | number)[] {
  return ['spec', 'servers', ref.index];
}

/**
 * The SNI names a TLS server's filter chain matches (`getSNIHostsForServer`): its hosts without
 * the namespace part; a `*` host means "any SNI" (no `server_names`).
 */
export function sniNames(hosts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const h of hosts) {
    const name = splitServerHost(h).dnsName;
    if (name === '*') return [];
    out.add(name.toLowerCase());
  }
  return [...out];
}
