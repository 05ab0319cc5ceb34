import { formatLabels, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import { type Catalog, inNamespace } from '../workspace/catalog.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { impliedPodsId, resourceNodeId } from './ids.ts';
import type { Ingress } from './ingress.ts';

/** Adds a `pods` node for every Deployment and Pod that is not drawn as gateway pods. */
export function addPods(catalog: Catalog, graph: GraphBuilder, ingress: Ingress): void {
  for (const workload of catalog.workloads) {
    if (ingress.gatewayWorkloads.has(workload.id)) continue;
    graph.addNode({
      id: resourceNodeId('pods', workload.id),
      kind: 'pods',
      label: workload.object.metadata.name,
      resource: workload.id,
      parent: null,
    });
  }
}

/**
 * Adds `select` edges from `owner` (a service or subset node) to the pods whose labels every one
 * of `selectors` selects, in `namespace` (every namespace when undefined). When no workload at
 * all matches, one implied pods node stands for the pods the labels ask for, so a subset that
 * selects nothing (IST0173) shows as such. Matching only gateway pods draws no edge: those are
 * drawn in the ingress chain.
 */
export function selectPods(
  catalog: Catalog,
  graph: GraphBuilder,
  ingress: Ingress,
  owner: string,
  selectors: readonly Dict<string>[],
  namespace: string | undefined,
): void {
  const candidates =
    namespace === undefined
      ? catalog.workloads
      : inNamespace(catalog.workloadsByNamespace, namespace);
  let matched = false;
  for (const workload of candidates) {
    if (!selectors.every((selector) => selects(selector, workload.object.podLabels))) continue;
    matched = true;
    if (!ingress.gatewayWorkloads.has(workload.id))
      graph.addEdge('select', owner, resourceNodeId('pods', workload.id));
  }
  if (matched) return;
  const labels: Dict<string> = Object.assign(Object.create(null), ...selectors);
  const id = impliedPodsId(owner, labels);
  graph.addNode({
    id,
    kind: 'pods',
    label: `${formatLabels(labels)} (implied)`,
    parent: null,
    implied: true,
  });
  graph.addEdge('select', owner, id);
}
