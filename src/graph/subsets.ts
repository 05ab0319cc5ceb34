import type { DestinationRule } from '../model/destinationRule.ts';
import { resolveHost } from '../model/hosts.ts';
import type { Dict } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Catalog, Item } from '../workspace/catalog.ts';
import { hostTarget } from './endpoints.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { subsetNodeId } from './ids.ts';
import type { Ingress } from './ingress.ts';
import { selectAbsentServicePods, selectPods } from './pods.ts';
import { type ServiceNodes, shortHost } from './services.ts';

/**
 * The DestinationRule that defines `subset` for the host `fqdn`, as seen from a VirtualService in
 * `namespace`: one in that namespace first (Istio prefers the client's namespace when several
 * rules name the host), else the first in workspace order. Undefined when none defines it.
 */
export function findSubsetOwner(
  catalog: Catalog,
  fqdn: string,
  subset: string,
  namespace: string,
): ResourceId | undefined {
  let first: ResourceId | undefined;
  for (const rule of catalog.destinationRulesByFqdn.get(fqdn) ?? []) {
    if (!rule.object.subsets.some((s) => s.name === subset)) continue;
    if (rule.object.metadata.namespace === namespace) return rule.id;
    first ??= rule.id;
  }
  return first;
}

/** Whether any DestinationRule defines subsets for `fqdn`. */
export function hasSubsets(catalog: Catalog, fqdn: string): boolean {
  return (catalog.destinationRulesByFqdn.get(fqdn) ?? []).some((r) => r.object.subsets.length > 0);
}

/** The labels of every subset any DestinationRule defines for `fqdn`. */
export function subsetLabels(catalog: Catalog, fqdn: string): Dict<string>[] {
  return (catalog.destinationRulesByFqdn.get(fqdn) ?? []).flatMap((r) =>
    r.object.subsets.map((s) => s.labels),
  );
}

/**
 * Adds, for every DestinationRule, the service node of its host, one subset node per subset with
 * a `subset` edge from the service, and `select` edges from each subset to its pods.
 */
export function addSubsets(
  catalog: Catalog,
  graph: GraphBuilder,
  services: ServiceNodes,
  ingress: Ingress,
): void {
  // What a DestinationRule's subsets read besides the rule: the Service or ServiceEntry of its
  // host and the workloads it selects, and what the ingress chain took as gateway pods.
  const deps = [
    catalog.serviceByFqdn,
    catalog.serviceEntryByHost,
    catalog.workloadsByNamespace,
    ingress,
  ];
  for (const rule of catalog.destinationRules)
    graph.memo(rule.object, 'subsets', deps, () =>
      addRuleSubsets(catalog, graph, services, ingress, rule),
    );
}

function addRuleSubsets(
  catalog: Catalog,
  graph: GraphBuilder,
  services: ServiceNodes,
  ingress: Ingress,
  rule: Item<DestinationRule>,
): void {
  const { host, subsets, metadata } = rule.object;
  const fqdn = host === '' ? undefined : resolveHost(host, metadata.namespace);
  const serviceNode = fqdn === undefined ? undefined : services.ensure(fqdn);
  const target = fqdn === undefined ? undefined : hostTarget(catalog, fqdn);
  subsets.forEach((subset, index) => {
    const id = subsetNodeId(rule.id, subset.name);
    const label = subset.name || `subsets[${index}]`;
    // A repeated subset name is invalid; its first definition is the one drawn.
    if (
      !graph.addNode({
        id,
        kind: 'subset',
        label,
        resource: rule.id,
        parent: null,
        path: ['spec', 'subsets', index],
      })
    )
      return;
    if (serviceNode) graph.addEdge('subset', serviceNode, id);

    // A subset's endpoints are the Service's endpoints that also carry the subset labels.
    // Without a Service, no guess from the labels alone: they may be another app's pods.
    if (target) selectPods(catalog, graph, ingress, id, target, subset.labels);
    else if (fqdn !== undefined) selectAbsentServicePods(graph, id, subset.labels, shortHost(fqdn));
  });
}
