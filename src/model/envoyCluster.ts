/**
 * The names Istio gives the Envoy clusters of mesh services, `outbound|<port>|<subset>|<host>`
 * (pilot's `model.BuildSubsetKey`), which an EnvoyFilter names to reach a service from a
 * patch: the rate limit service of Envoy's global rate limit filter, for instance.
 */

export interface OutboundCluster {
  readonly port: string;
  readonly subset: string;
  readonly host: string;
}

/** `outbound|8081||ratelimit.default.svc.cluster.local` for port 8081 of that host. */
export function outboundCluster(port: number, host: string, subset = ''): string {
  return `outbound|${port}|${subset}|${host}`;
}

/** The parts of an Istio outbound cluster name; undefined for any other cluster name. */
export function parseOutboundCluster(name: string): OutboundCluster | undefined {
  const parts = name.split('|');
  if (parts.length !== 4 || parts[0] !== 'outbound') return undefined;
  const [, port = '', subset = '', host = ''] = parts;
  return { port, subset, host };
}
