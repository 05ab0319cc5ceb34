import { CLUSTER_DOMAIN } from '../model/hosts.ts';
import type { Catalog } from '../workspace/catalog.ts';
import { hostTarget } from './endpoints.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { serviceNodeId } from './ids.ts';
import type { GraphNode } from './types.ts';

/** Adds service nodes on demand, one per FQDN, and remembers which it added, in order. */
export interface ServiceNodes {
  /** The node id of the service `fqdn`, adding the node the first time. */
  ensure(fqdn: string): string;
  /** The FQDNs added so far, in the order they were first asked for. */
  readonly fqdns: readonly string[];
}

/**
 * A `service` node stands for a destination host. Its resource is the Kubernetes Service with
 * that FQDN, else the ServiceEntry that lists the host (exactly, else by wildcard), else none:
 * a host nobody defines is still drawn, so that the route to it is visible.
 */
export function createServiceNodes(catalog: Catalog, graph: GraphBuilder): ServiceNodes {
  const fqdns: string[] = [];
  // A step of its own in the builder: a fragment that asks for a service (a route's
  // destination) is replayed asking again, as the Service behind the host may have changed.
  graph.handle('service', (fqdn) => {
    const id = serviceNodeId(fqdn);
    if (graph.hasNode(id)) return id;
    fqdns.push(fqdn);
    graph.addNode(serviceNode(catalog, fqdn, id));
    return id;
  });
  return { fqdns, ensure: (fqdn) => graph.call('service', fqdn) };
}

/**
 * Service nodes made for the Services and ServiceEntries of a catalog, by FQDN: the same object
 * while those did not change, so the canvas sees an unchanged node as unchanged.
 */
const made = new WeakMap<object, WeakMap<object, Map<string, GraphNode>>>();

function serviceNode(catalog: Catalog, fqdn: string, id: string): GraphNode {
  let byEntries = made.get(catalog.serviceByFqdn);
  if (!byEntries) {
    byEntries = new WeakMap();
    made.set(catalog.serviceByFqdn, byEntries);
  }
  let nodes = byEntries.get(catalog.serviceEntryByHost);
  if (!nodes) {
    nodes = new Map();
    byEntries.set(catalog.serviceEntryByHost, nodes);
  }
  const known = nodes.get(fqdn);
  if (known) return known;
  const service = catalog.serviceByFqdn.get(fqdn);
  const resource = hostTarget(catalog, fqdn)?.id;
  const label = service?.object.metadata.name ?? shortHost(fqdn);
  const node: GraphNode =
    resource === undefined
      ? { id, kind: 'service', label, parent: null }
      : { id, kind: 'service', label, resource, parent: null };
  nodes.set(fqdn, node);
  return node;
}

const CLUSTER_SUFFIX = `.svc.${CLUSTER_DOMAIN}`;

/** `reviews.bookinfo.svc.cluster.local` → `reviews`; other hosts as they are. */
export function shortHost(fqdn: string): string {
  return fqdn.endsWith(CLUSTER_SUFFIX) ? fqdn.slice(0, fqdn.indexOf('.')) : fqdn;
}

/**
 * The namespace of a cluster-local FQDN (`reviews.bookinfo.svc.cluster.local` → `bookinfo`),
 * undefined for any other host.
 */
export function clusterNamespace(fqdn: string): string | undefined {
  if (!fqdn.endsWith(CLUSTER_SUFFIX)) return undefined;
  const parts = fqdn.slice(0, -CLUSTER_SUFFIX.length).split('.');
  return parts.length === 2 ? parts[1] : undefined;
}
