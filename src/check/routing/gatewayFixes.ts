import type { Command } from '../../edit/command.ts';
import type { Gateway, GatewayServer } from '../../model/gateway.ts';
import { valueAt } from '../../model/read.ts';
import type { VirtualService } from '../../model/virtualService.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { QuickFix } from '../finding.ts';
import type { GatewayTarget } from './gatewayLookup.ts';

/** "Bind to the existing Gateway": sets a `gateways` entry to `namespace/name`. */
export function bindFix(target: string, path: Path, gateway: Gateway): QuickFix {
  const name = `${gateway.metadata.namespace}/${gateway.metadata.name}`;
  return {
    title: `Bind to the existing Gateway ${name}`,
    command: { type: 'setValue', target, path, value: name },
  };
}

/** Protocols a server must have to carry each kind of rule (gateway.proto `Port.protocol`). */
const SERVER_PROTOCOLS = {
  http: new Set(['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB']),
  tls: new Set(['TLS', 'HTTPS']),
  tcp: new Set(['TCP', 'TLS', 'MONGO', 'MYSQL', 'REDIS']),
} as const;

/**
 * "Add the host to the Gateway": offered when the VirtualService binds this one Gateway, uses one
 * kind of rule, and the Gateway has exactly one server of a matching protocol. Short names are
 * not offered: Gateway hosts must be FQDNs (`ValidateNamespaceSlashWildcardHostname`).
 */
export function addHostsFix(
  context: CheckContext,
  target: Extract<GatewayTarget, { kind: 'istio' }>,
  vs: VirtualService,
): QuickFix | undefined {
  const kinds = (['http', 'tls', 'tcp'] as const).filter((k) => vs[k].length > 0);
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  if (!kind) return undefined;
  const hosts = vs.hosts.filter((h) => h === '*' || (h.includes('.') && !h.includes('/')));
  if (hosts.length === 0 || hosts.length !== vs.hosts.length) return undefined;
  const servers: { server: GatewayServer; index: number }[] = [];
  target.gateway.servers.forEach((server, index) => {
    if (server.port && SERVER_PROTOCOLS[kind].has(server.port.protocol))
      servers.push({ server, index });
  });
  const only = servers.length === 1 ? servers[0] : undefined;
  if (!only) return undefined;
  const id = target.entry.id;
  const hostsPath: Path = ['spec', 'servers', only.index, 'hosts'];
  const written = valueAt(context.raw(target.entry), hostsPath);
  let command: Command;
  if (Array.isArray(written)) {
    const inserts: Command[] = hosts.map((host, i) => ({
      type: 'insertItem',
      target: id,
      path: hostsPath,
      index: written.length + i,
      value: host,
    }));
    command =
      inserts.length === 1 && inserts[0] ? inserts[0] : { type: 'batch', commands: inserts };
  } else if (written === undefined) {
    command = { type: 'setValue', target: id, path: hostsPath, value: [...hosts] };
  } else {
    return undefined;
  }
  const server = only.server.name ?? only.server.port?.name ?? `#${only.index}`;
  return {
    title: `Add ${hosts.join(', ')} to server ${server} of Gateway ${target.gateway.metadata.name}`,
    command,
  };
}
