import { splitServerHost } from '../../model/serverHosts.ts';
import { parseHeaderLines } from '../../simulate/headerLines.ts';
import { buildCatalog } from '../../workspace/catalog.ts';
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
  return 'http://example.com/';
}
