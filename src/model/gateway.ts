import { type Dict, defined, labels, list, num, record, str, strings } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Istio `Gateway` (networking.istio.io v1, v1beta1, v1alpha3): the servers an ingress gateway opens. */
export interface Gateway extends ObjectHeader {
  readonly kind: 'Gateway';
  /** Labels of the gateway pods this Gateway configures. Absent: every workload (gateway.proto). */
  readonly selector: Dict<string> | undefined;
  readonly servers: readonly GatewayServer[];
}

export interface GatewayServer {
  readonly port: ServerPort | undefined;
  /** `[namespace/]dnsName` entries; the namespace part says which VirtualServices may bind. */
  readonly hosts: readonly string[];
  readonly tls: ServerTls | undefined;
  readonly name?: string;
  readonly bind?: string;
}

export interface ServerPort {
  readonly number: number | undefined;
  readonly protocol: string;
  readonly name: string | undefined;
  readonly targetPort?: number;
}

export interface ServerTls {
  readonly httpsRedirect?: boolean;
  readonly mode?: string;
  readonly credentialName?: string;
  readonly credentialNames?: readonly string[];
  readonly serverCertificate?: string;
  readonly privateKey?: string;
  readonly caCertificates?: string;
  readonly minProtocolVersion?: string;
  readonly maxProtocolVersion?: string;
}

export function readGateway(raw: Record<string, unknown>): Gateway {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'Gateway',
    selector:
      spec.selector === undefined || spec.selector === null ? undefined : labels(spec.selector),
    servers: list(spec.servers, readServer),
  };
}

function readServer(raw: unknown): GatewayServer {
  const server = record(raw);
  const port = server.port === undefined ? undefined : record(server.port);
  return defined<GatewayServer>({
    port: port && {
      number: num(port.number),
      protocol: (str(port.protocol) ?? '').toUpperCase(),
      name: str(port.name),
      ...defined<{ targetPort?: number }>({ targetPort: num(port.targetPort) }),
    },
    hosts: strings(server.hosts),
    tls: server.tls === undefined ? undefined : readServerTls(server.tls),
    name: str(server.name),
    bind: str(server.bind),
  });
}

function readServerTls(raw: unknown): ServerTls {
  const tls = record(raw);
  return defined<ServerTls>({
    httpsRedirect: typeof tls.httpsRedirect === 'boolean' ? tls.httpsRedirect : undefined,
    mode: str(tls.mode),
    credentialName: str(tls.credentialName),
    credentialNames: Array.isArray(tls.credentialNames) ? strings(tls.credentialNames) : undefined,
    serverCertificate: str(tls.serverCertificate),
    privateKey: str(tls.privateKey),
    caCertificates: str(tls.caCertificates),
    minProtocolVersion: str(tls.minProtocolVersion),
    maxProtocolVersion: str(tls.maxProtocolVersion),
  });
}
