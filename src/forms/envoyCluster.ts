import { parseOutboundCluster } from '../model/envoyCluster.ts';
import { dnsLabelField, type FieldValidator, hostField, portField } from '../rules/fields.ts';

/**
 * A cluster name: an Istio outbound cluster is checked part by part (a mistyped port or host
 * leaves Envoy with a cluster that does not exist, and every rate limit call fails); any other
 * name, a cluster added by another patch, only has to be one word.
 */
export const clusterNameField: FieldValidator = (value) => {
  if (value === undefined || value === '') return undefined;
  const name = String(value);
  if (/\s/.test(name)) return 'A cluster name has no spaces';
  const cluster = parseOutboundCluster(name);
  if (!cluster)
    return name.startsWith('outbound|')
      ? 'Write outbound|<port>|<subset>|<host>, e.g. outbound|8081||ratelimit.default.svc.cluster.local'
      : undefined;
  if (cluster.host === '') return 'Name the service host after the last |';
  return (
    portField(cluster.port === '' ? 'none' : cluster.port) ??
    dnsLabelField(cluster.subset) ??
    hostField(cluster.host)
  );
};
