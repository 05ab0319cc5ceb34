import { formatLabels, isEmptySelector, selects } from '../model/labels.ts';
import type { Dict } from '../model/read.ts';
import type { Catalog } from '../workspace/catalog.ts';
import { type HostTarget, targetWorkloads } from './endpoints.ts';
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
 * Adds `select` edges from `owner` (a service or subset node) to the pods behind `target`: its
 * selector, in its namespace, narrowed to `subsetLabels` (`targetWorkloads`, the simulator's
 * answer too). When no workload matches, one implied pods node stands for the pods the labels
 * ask for, so a subset that selects nothing (IST0173) shows as such. Matching only gateway pods
 * draws no edge: those are drawn in the ingress chain. A target that picks no pods by labels (a
 * Service without selector, an external ServiceEntry) draws nothing.
 */
export function selectPods(
  catalog: Catalog,
  graph: GraphBuilder,
  ingress: Ingress,
  owner: string,
  target: HostTarget,
  subsetLabels: Dict<string> | undefined,
): void {
  const selector = target.selector;
  if (!selector || isEmptySelector(selector)) return;
  const matched = targetWorkloads(catalog, target, subsetLabels);
  for (const workload of matched)
    if (!ingress.gatewayWorkloads.has(workload.id))
      graph.addEdge('select', owner, resourceNodeId('pods', workload.id));
  if (matched.length > 0) return;
  const labels: Dict<string> = Object.assign(Object.create(null), selector, subsetLabels);
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

/**
 * Adds `select` edges from a Service split into subsets to the pods it selects that none of
 * `subsetLabels` covers: a request to the Service itself (no subset) reaches them too, so they
 * are drawn joined to it; the others are drawn behind their subsets.
 */
export function selectUncoveredPods(
  catalog: Catalog,
  graph: GraphBuilder,
  ingress: Ingress,
  owner: string,
  target: HostTarget,
  subsetLabels: readonly Dict<string>[],
): void {
  for (const workload of targetWorkloads(catalog, target, undefined)) {
    if (ingress.gatewayWorkloads.has(workload.id)) continue;
    if (subsetLabels.some((labels) => selects(labels, workload.object.podLabels))) continue;
    graph.addEdge('select', owner, resourceNodeId('pods', workload.id));
  }
}

/**
 * A subset of a host the workspace has no Service for: its pods cannot be known (another app's
 * pods may carry the same `version` label), so one implied node says what they would be,
 * "pods with version=v1 of myapp (Service not in this workspace)", rather than a guess.
 */
export function selectAbsentServicePods(
  graph: GraphBuilder,
  owner: string,
  subsetLabels: Dict<string>,
  hostName: string,
): void {
  if (isEmptySelector(subsetLabels)) return;
  const id = impliedPodsId(owner, subsetLabels);
  graph.addNode({
    id,
    kind: 'pods',
    label: `pods with ${formatLabels(subsetLabels)} of ${hostName} (Service not in this workspace)`,
    parent: null,
    implied: true,
  });
  graph.addEdge('select', owner, id);
}
