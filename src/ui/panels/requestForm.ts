import { splitServerHost } from '../../model/serverHosts.ts';
import { parseHeaderLines } from '../../simulate/headerLines.ts';
import { buildCatalog } from '../../workspace/catalog.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../../workspace/workspace.ts';

/** The Headers field's text as headers: one `Name: value` per line. */
export function parseHeaders(text: string) {
  return parseHeaderLines(text.split('\n'));
}

/**
 * A first URL to try: the first concrete host a Gateway server listens for, with the scheme and
 * port of that server, so Send answers something meaningful before the user types.
 */
export function defaultUrl(workspace: Workspace): string {
  for (const { object } of buildCatalog(workspace).gateways) {
    for (const server of object.servers) {
      const host = server.hosts
        .map((h) => splitServerHost(h).dnsName)
        .find((h) => h !== '' && !h.includes('*'));
      if (!host || !server.port?.number) continue;
      const secure = ['HTTPS', 'TLS'].includes(server.port.protocol.toUpperCase());
      const scheme = secure ? 'https' : 'http';
      const port = server.port.number === (secure ? 443 : 80) ? '' : `:${server.port.number}`;
      return `${scheme}://${host}${port}/`;
    }
  }
  return gatewayApiUrl(workspace) ?? 'http://example.com/';
}

/**
 * For a Gateway API workspace: the first HTTP or HTTPS listener of a Gateway Istio runs, with a
 * concrete host from its hostname or from a route attached to it.
 */
function gatewayApiUrl(workspace: Workspace): string | undefined {
  const index = gatewayApiIndex(workspace);
  for (const { gateway, deployment } of index.gateways) {
    if (!deployment) continue;
    for (const [i, listener] of gateway.listeners.entries()) {
      const secure = listener.protocol === 'HTTPS';
      if ((!secure && listener.protocol !== 'HTTP') || listener.port === undefined) continue;
      const hosts = [
        listener.hostname,
        ...index
          .routesOn(gateway, i)
          .flatMap(({ attachment }) => attachment.accepted.flatMap((a) => a.hostnames)),
      ];
      const host =
        hosts.find((h) => h !== undefined && h !== '' && !h.includes('*')) ?? 'example.com';
      const port = listener.port === (secure ? 443 : 80) ? '' : `:${listener.port}`;
      return `${secure ? 'https' : 'http'}://${host}${port}/`;
    }
  }
  return undefined;
}
