import { valueAt } from '../model/read.ts';
import { gatewayHostField, portField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { SERVER_PROTOCOLS, SERVER_TLS_MODES, TLS_VERSIONS } from './options.ts';
import { stringListGroup } from './stringList.ts';
import { labelGroup } from './stringMap.ts';
import type { FormEntry, FormSection } from './types.ts';

/** Istio `Gateway`: the pods it configures and the servers (ports, hosts, TLS) they open. */
export function gatewayForm(ctx: FormContext): FormSection[] {
  return [
    section('gateway', 'Gateway', [
      labelGroup(
        ctx,
        ['spec', 'selector'],
        'Selector',
        'Labels of the gateway pods this Gateway configures; with no selector it applies to every workload.',
      ),
    ]),
    section('servers', 'Servers', [serversGroup(ctx)]),
  ];
}

function serversGroup(ctx: FormContext) {
  const servers = valueAt(ctx.plain, ['spec', 'servers']);
  const hasHttps = Array.isArray(servers) && servers.some((s) => protocolOf(s) === 'HTTPS');
  return listGroup(ctx, {
    title: 'Servers',
    noun: 'server',
    path: ['spec', 'servers'],
    keepLast: true,
    item: (path, index, value) => ({
      title:
        `Server ${index + 1}: ${String(valueAt(value, ['port', 'number']) ?? '?')} ${protocolOf(value) ?? ''}`.trim(),
      entries: serverEntries(ctx, path),
    }),
    addFields: [
      inputField('servers#new-protocol', {
        label: 'New server protocol',
        type: 'select',
        options: SERVER_PROTOCOLS,
        required: true,
        value: hasHttps ? 'HTTP' : 'HTTPS',
      }),
      inputField('servers#new-port', {
        label: 'New server port',
        type: 'number',
        integer: true,
        required: true,
        validate: portField,
        value: hasHttps ? 80 : 443,
      }),
    ],
    newItem: (values, items) => {
      const protocol = String(values['servers#new-protocol']);
      const port = values['servers#new-port'] as number;
      return { value: newServer(ctx, protocol, port, items) };
    },
  });
}

function serverEntries(ctx: FormContext, path: Path): FormEntry[] {
  const tls = [...path, 'tls'];
  return [
    field(ctx, {
      label: 'Port number',
      type: 'number',
      path: [...path, 'port', 'number'],
      integer: true,
      required: true,
      validate: portField,
    }),
    field(ctx, {
      label: 'Port name',
      type: 'text',
      path: [...path, 'port', 'name'],
      required: true,
      placeholder: 'https',
      help: 'Names must be unique across the servers of a Gateway.',
    }),
    field(ctx, {
      label: 'Protocol',
      type: 'select',
      path: [...path, 'port', 'protocol'],
      options: SERVER_PROTOCOLS,
      required: true,
    }),
    stringListGroup(ctx, [...path, 'hosts'], {
      title: 'Hosts',
      noun: 'host',
      keepLast: true,
      validate: gatewayHostField,
      placeholder: 'prod/*.example.com',
      help: 'namespace/host: only VirtualServices of that namespace may bind (* any, . this one).',
    }),
    section(`${formatPath(tls)}#tls`, 'TLS', [
      field(ctx, {
        label: 'TLS mode',
        type: 'select',
        path: [...tls, 'mode'],
        options: SERVER_TLS_MODES,
      }),
      field(ctx, {
        label: 'Credential name',
        type: 'text',
        path: [...tls, 'credentialName'],
        placeholder: 'shop-credential',
        help: 'The Kubernetes Secret with the certificate, in the gateway pods’ namespace.',
      }),
      field(ctx, {
        label: 'Minimum TLS version',
        type: 'select',
        path: [...tls, 'minProtocolVersion'],
        options: TLS_VERSIONS,
      }),
      field(ctx, {
        label: 'Maximum TLS version',
        type: 'select',
        path: [...tls, 'maxProtocolVersion'],
        options: TLS_VERSIONS,
      }),
      field(ctx, {
        label: 'Redirect HTTP to HTTPS',
        type: 'boolean',
        path: [...tls, 'httpsRedirect'],
        help: 'On an HTTP server: answers every request with a 301 to https.',
      }),
    ]),
  ];
}

function protocolOf(server: unknown): string | undefined {
  const protocol = valueAt(server, ['port', 'protocol']);
  return typeof protocol === 'string' ? protocol.toUpperCase() : undefined;
}

/**
 * A server as an expert writes one: a unique port name from the protocol, the hosts of the first
 * server, and for HTTPS a SIMPLE TLS with a credential named after the Gateway (TLS: passthrough).
 */
function newServer(
  ctx: FormContext,
  protocol: string,
  port: number,
  servers: readonly unknown[],
): Record<string, unknown> {
  const names = servers.map((s) => valueAt(s, ['port', 'name']));
  const base = protocol.toLowerCase();
  const name = names.includes(base) ? `${base}-${port}` : base;
  const firstHosts = valueAt(servers[0], ['hosts']);
  const hosts = Array.isArray(firstHosts) && firstHosts.length > 0 ? firstHosts : ['*'];
  const server: Record<string, unknown> = { port: { number: port, name, protocol }, hosts };
  const gatewayName = valueAt(ctx.plain, ['metadata', 'name']);
  if (protocol === 'HTTPS')
    server.tls = { mode: 'SIMPLE', credentialName: `${String(gatewayName)}-credential` };
  if (protocol === 'TLS') server.tls = { mode: 'PASSTHROUGH' };
  return server;
}
