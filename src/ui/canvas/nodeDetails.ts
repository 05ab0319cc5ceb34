import type { GraphNode, NodeKind } from '../../graph/types.ts';
import type { DestinationRule } from '../../model/destinationRule.ts';
import { formatMapping } from '../../model/gatewayPorts.ts';
import type { ManifestObject, ModelledObject } from '../../model/kinds.ts';
import { formatLabels } from '../../model/labels.ts';
import { parseResourceId } from '../../model/resource.ts';
import type { Service } from '../../model/service.ts';
import type { Deployment, Pod } from '../../model/workload.ts';

/**
 * The few facts a node shows under its name, read from the typed manifest. Gateways and
 * VirtualServices have their own richer bodies (servers, rule rows) and get no lines here; the
 * Gateway API's Gateway says its class, its routes their hostnames, above their rows.
 */

/** A reader per manifest kind, typed by that kind's object. */
type DetailReaders = {
  readonly [K in ModelledObject['kind']]?: (
    object: Extract<ModelledObject, { kind: K }>,
    node: GraphNode,
  ) => string[];
};

/** Per manifest kind, so adding a kind is one entry rather than a branch in every component. */
const DETAILS: DetailReaders = {
  Service: (s, node) => [
    s.type === 'LoadBalancer' || s.type === 'NodePort'
      ? s.type
      : // Only a Gateway API Gateway's own Service is drawn as one (its `<name>-istio`).
        node.kind === 'loadBalancer'
        ? `${s.type || 'ClusterIP'}: no external load balancer`
        : '',
    // A load balancer shows where its ports lead instead (`balancerPorts`).
    node.kind === 'loadBalancer' ? '' : servicePorts(s),
  ],
  Deployment: (d) => [
    `${d.replicas ?? 1} replica${d.replicas === 1 || d.replicas === undefined ? '' : 's'}${imageText(d)}`,
    formatLabels(d.podLabels),
  ],
  Pod: (p) => [`pod${imageText(p)}`, formatLabels(p.podLabels)],
  DestinationRule: (dr, node) => subsetLines(dr, node),
  HorizontalPodAutoscaler: (h) => [
    [
      `min ${h.minReplicas ?? 1}`,
      `max ${h.maxReplicas ?? '?'}`,
      h.cpuUtilization === undefined ? '' : `CPU ${h.cpuUtilization}%`,
    ]
      .filter(Boolean)
      .join(' · '),
  ],
  PodDisruptionBudget: (p) => [
    p.minAvailable !== undefined
      ? `minAvailable ${p.minAvailable}`
      : p.maxUnavailable !== undefined
        ? `maxUnavailable ${p.maxUnavailable}`
        : 'no budget set',
  ],
  EnvoyFilter: (f) => [
    `${f.configPatches.length} patch${f.configPatches.length === 1 ? '' : 'es'}`,
    f.configPatches.map((p) => p.filterName ?? p.applyTo).find(Boolean) ?? '',
  ],
  'Gateway.gateway.networking.k8s.io': (g) => [
    `class ${g.gatewayClassName || '(none)'}`,
    g.addresses.length > 0 ? `address ${g.addresses.map((a) => a.value).join(', ')}` : '',
  ],
  HTTPRoute: (r) => [routeHostnames(r.hostnames)],
  GRPCRoute: (r) => [routeHostnames(r.hostnames)],
  TLSRoute: (r) => [r.hostnames.length > 0 ? `SNI ${r.hostnames.join(', ')}` : 'any SNI'],
  ServiceEntry: (e) => [
    e.location === 'MESH_INTERNAL' ? 'ServiceEntry (internal)' : 'ServiceEntry (external)',
    e.hosts.join(', '),
  ],
};

/**
 * An implied node's label as the graph writes it, `name (note)`: the name drawn as the node's
 * name, the note (why it is implied: "Service not in this workspace") as its first line. The
 * note "implied" is the tag's, so it is not repeated as a line.
 */
export function impliedParts(label: string): { name: string; note: string | undefined } {
  const match = / \(([^()]+)\)$/.exec(label);
  if (!match) return { name: label, note: undefined };
  const note = match[1] === 'implied' ? undefined : match[1];
  return { name: label.slice(0, match.index), note };
}

/** The detail lines of a node, empty ones dropped. Never throws on odd manifests. */
export function nodeDetails(node: GraphNode, object: ManifestObject | undefined): string[] {
  const lines: string[] = [];
  if (node.kind === 'client') lines.push('external callers');
  // A note of several parts (`LoadBalancer Service; created by Istio…`) gets a line per part.
  if (node.implied)
    lines.push(...(impliedParts(node.label).note ?? 'assumed: not in the manifests').split('; '));
  if (node.kind === 'service' && !node.implied) {
    // Service nodes are keyed by the destination's FQDN: the name alone hides the namespace.
    const fqdn = node.id.startsWith('service:') ? node.id.slice('service:'.length) : '';
    if (fqdn && fqdn !== node.label) lines.push(fqdn);
  }
  if (object && !('modelled' in object)) {
    const details = DETAILS[object.kind] as
      | ((o: ModelledObject, n: GraphNode) => string[])
      | undefined;
    if (details) lines.push(...details(object, node));
  }
  if (node.kind === 'loadBalancer') lines.push(balancerPorts(node));
  // Monitoring is not modelled: its node says which kind of resource it is.
  const monitoring = MONITORING_LINES[node.kind];
  if (monitoring && node.resource) lines.push(monitoring(node.resource));
  return lines.filter((line) => line !== '');
}

/** What a monitoring node is, read from its resource id (`PodMonitor/ns/name`). */
const MONITORING_LINES: Partial<Record<NodeKind, (resource: string) => string>> = {
  monitor: (resource) => parseResourceId(resource)?.kind ?? 'monitor',
  alertRules: () => 'PrometheusRule (alerts)',
  dashboard: () => 'Grafana dashboard ConfigMap',
};

/** A route's `hostnames`: requests for these only (the listener's hostname narrows them). */
function routeHostnames(hostnames: readonly string[]): string {
  return hostnames.length > 0 ? hostnames.join(', ') : 'any hostname';
}

function servicePorts(service: Service): string {
  const ports = service.ports.map((p) =>
    p.targetPort !== undefined && p.targetPort !== p.port
      ? `${p.port ?? '?'}→${p.targetPort}`
      : `${p.port ?? '?'}`,
  );
  return ports.length > 0 ? `port ${ports.join(', ')}` : '';
}

/**
 * The ports a load balancer carries to the gateway pods, those it moves first (`80 → 8080`): the
 * hop a URL's port takes before any Gateway server is matched.
 */
function balancerPorts(node: GraphNode): string {
  const ports = node.ports ?? [];
  const moved = ports.filter((p) => p.port !== p.targetPort);
  const kept = ports.filter((p) => p.port === p.targetPort);
  if (ports.length === 0) return '';
  return `port${ports.length === 1 ? '' : 's'} ${[...moved, ...kept].map(formatMapping).join(' · ')}`;
}

function imageText(workload: Deployment | Pod): string {
  const image = workload.containers[0]?.image;
  return image ? ` · ${image}` : '';
}

/** A subset node stands for one entry of its DestinationRule: its labels and load balancing. */
function subsetLines(dr: DestinationRule, node: GraphNode): string[] {
  const subset = dr.subsets.find((s) => s.name === node.label);
  if (!subset) return [];
  const policy = subset.trafficPolicy?.loadBalancer ?? dr.trafficPolicy?.loadBalancer;
  const simple = policy && typeof policy.simple === 'string' ? policy.simple : '';
  return [formatLabels(subset.labels), simple];
}
