import { type Dict, defined, isRecord, labels, list, num, record, str, strings } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Istio `DestinationRule`: subsets and traffic policy for one destination host. */
export interface DestinationRule extends ObjectHeader {
  readonly kind: 'DestinationRule';
  readonly host: string;
  readonly trafficPolicy: TrafficPolicy | undefined;
  readonly subsets: readonly Subset[];
  readonly exportTo: readonly string[] | undefined;
  readonly workloadSelector: Dict<string> | undefined;
}

export interface Subset {
  readonly name: string;
  readonly labels: Dict<string>;
  readonly trafficPolicy: TrafficPolicy | undefined;
}

/**
 * The policy groups are kept as plain maps: the designer shows and edits them field by field,
 * and checks read the few fields they need. `portLevelSettings` are per port and are not merged
 * with the top level (destination_rule.proto).
 */
export interface TrafficPolicy {
  readonly loadBalancer?: Readonly<Record<string, unknown>>;
  readonly connectionPool?: Readonly<Record<string, unknown>>;
  readonly outlierDetection?: Readonly<Record<string, unknown>>;
  readonly tls?: ClientTls;
  readonly portLevelSettings?: readonly (TrafficPolicy & { readonly port: number | undefined })[];
}

export interface ClientTls {
  readonly mode?: string;
  readonly credentialName?: string;
  readonly caCertificates?: string;
  readonly clientCertificate?: string;
  readonly privateKey?: string;
  readonly sni?: string;
  readonly insecureSkipVerify?: boolean;
}

export function readDestinationRule(raw: Record<string, unknown>): DestinationRule {
  const spec = record(raw.spec);
  return {
    ...readHeader(raw),
    kind: 'DestinationRule',
    host: str(spec.host) ?? '',
    trafficPolicy: isRecord(spec.trafficPolicy) ? readTrafficPolicy(spec.trafficPolicy) : undefined,
    subsets: list(spec.subsets, (s) => {
      const subset = record(s);
      return {
        name: str(subset.name) ?? '',
        labels: labels(subset.labels),
        trafficPolicy: isRecord(subset.trafficPolicy)
          ? readTrafficPolicy(subset.trafficPolicy)
          : undefined,
      };
    }),
    exportTo: Array.isArray(spec.exportTo) ? strings(spec.exportTo) : undefined,
    workloadSelector: isRecord(spec.workloadSelector)
      ? labels(spec.workloadSelector.matchLabels)
      : undefined,
  };
}

function readTrafficPolicy(raw: Record<string, unknown>): TrafficPolicy {
  const group = (v: unknown) => (isRecord(v) ? v : undefined);
  return defined<TrafficPolicy>({
    loadBalancer: group(raw.loadBalancer),
    connectionPool: group(raw.connectionPool),
    outlierDetection: group(raw.outlierDetection),
    tls: isRecord(raw.tls) ? readClientTls(raw.tls) : undefined,
    portLevelSettings: Array.isArray(raw.portLevelSettings)
      ? list(raw.portLevelSettings, (p) => {
          const setting = record(p);
          return { ...readTrafficPolicy(setting), port: num(record(setting.port).number) };
        })
      : undefined,
  });
}

function readClientTls(raw: Record<string, unknown>): ClientTls {
  return defined<ClientTls>({
    mode: str(raw.mode),
    credentialName: str(raw.credentialName),
    caCertificates: str(raw.caCertificates),
    clientCertificate: str(raw.clientCertificate),
    privateKey: str(raw.privateKey),
    sni: str(raw.sni),
    insecureSkipVerify:
      typeof raw.insecureSkipVerify === 'boolean' ? raw.insecureSkipVerify : undefined,
  });
}
