import { selects } from '../../model/labels.ts';
import type { Dict } from '../../model/read.ts';
import { valueAt } from '../../model/read.ts';
import type { CheckContext } from '../context.ts';
import type { Check } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace, scalarAt, selectorText } from './resources.ts';
import { destinationHost, wildcardCoversAny } from './serviceRegistry.ts';

/**
 * What a DestinationRule's host and subsets point at, with the meaning of
 * `PodNotSelectedAnalyzer` (pkg/config/analysis/analyzers/destinationrule/subset.go):
 *
 * - the host names no Service or ServiceEntry visible to the rule → IST0174; Kiali reports the
 *   same fact as KIA0202 (`destinationrules.nodest.matchingregistry`). Istio looks a wildcard
 *   host up as written; here a wildcard host that covers a known host is found (a mesh-wide
 *   `*.local` rule is not "unknown").
 * - a subset's labels (with the ServiceEntry's `workloadSelector`) match no pod in any
 *   namespace → IST0173; Kiali: KIA0203 (`destinationrules.nodest.subsetlabels`). Pod labels
 *   gain the topology labels of their Node (region, zone, subzone, hostname), as the service
 *   registry adds them; empty Node labels are not added.
 * - a subset without labels → Kiali's KIA0209 (`destinationrules.nodest.subsetnolabels`), a
 *   warning, or information when another subset's labels do select pods.
 */
export const destinationRuleTargetChecks: Check = function* (context) {
  for (const item of context.catalog.destinationRules) {
    const entry = entryOf(context, item.id);
    const rule = item.object;
    if (!entry || isSystemNamespace(rule.metadata.namespace) || rule.host === '') continue;
    const wildcard = rule.host.startsWith('*');
    const target = destinationHost(context, rule.metadata.namespace, rule.exportTo, rule.host);
    if (!target && !(wildcard && wildcardCoversAny(context, rule.host))) {
      yield findingOn(entry, {
        code: 'destinationrule-host-not-found',
        severity: 'warning',
        message: `DestinationRule host ${rule.host} matches no Service or ServiceEntry visible in namespace ${rule.metadata.namespace}: its policy applies to nothing. Fix the host, or add the Service or ServiceEntry.`,
        path: ['spec', 'host'],
        istio: 'IST0174',
        kiali: 'KIA0202',
        missing: 'Service',
      });
      continue;
    }
    // A wildcard rule applies to many hosts: which pods its subsets should select is unclear.
    if (!target || wildcard) continue;
    const selected = rule.subsets.map((subset) =>
      anyPodSelected(context, { ...target.workloadSelector, ...subset.labels }),
    );
    const anyLabelledSelects = rule.subsets.some(
      (subset, i) => Object.keys(subset.labels).length > 0 && selected[i],
    );
    const reported = new Set<string>();
    for (const [index, subset] of rule.subsets.entries()) {
      const labelled = Object.keys(subset.labels).length > 0;
      if (!selected[index] && !reported.has(subset.name)) {
        reported.add(subset.name);
        yield findingOn(entry, {
          code: 'destinationrule-subset-no-pods',
          severity: 'error',
          message: `Subset ${subset.name} (${selectorText(subset.labels)}) selects no pods: requests routed to it fail with 503 (no healthy upstream). Fix the labels, or add the workload.`,
          path: ['spec', 'subsets', index, labelled ? 'labels' : 'name'],
          istio: 'IST0173',
          kiali: 'KIA0203',
          missing: 'Workload',
        });
      } else if (!labelled) {
        yield findingOn(entry, {
          code: 'destinationrule-subset-no-labels',
          severity: anyLabelledSelects ? 'info' : 'warning',
          message: `Subset ${subset.name} has no labels, so it is every endpoint of ${rule.host}: it does not pick a version. Add labels such as version: v1.`,
          path: ['spec', 'subsets', index, 'name'],
          kiali: 'KIA0209',
        });
      }
    }
  }
};

/** Topology labels the service registry copies from a pod's Node (`AugmentLabels`). */
const NODE_LABELS = [
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
];

/** Pod labels indexed by `key=value`, so a subset looks at the pods sharing one of its labels. */
interface PodIndex {
  readonly count: number;
  readonly byLabel: ReadonlyMap<string, readonly Dict<string>[]>;
}

const podIndexCache = new WeakMap<CheckContext, PodIndex>();

/** Whether any pod has all the labels of `selector` (an empty selector: any pod at all). */
function anyPodSelected(context: CheckContext, selector: Dict<string>): boolean {
  const index = podIndex(context);
  let smallest: readonly Dict<string>[] | undefined;
  for (const key in selector) {
    const pods = index.byLabel.get(`${key}=${selector[key]}`);
    if (!pods) return false;
    if (!smallest || pods.length < smallest.length) smallest = pods;
  }
  if (!smallest) return index.count > 0;
  return smallest.some((labels) => selects(selector, labels));
}

function podIndex(context: CheckContext): PodIndex {
  let found = podIndexCache.get(context);
  if (found) return found;
  const byLabel = new Map<string, Dict<string>[]>();
  const pods = podLabels(context);
  for (const labels of pods) {
    for (const key in labels) {
      const k = `${key}=${labels[key]}`;
      const list = byLabel.get(k);
      if (list) list.push(labels);
      else byLabel.set(k, [labels]);
    }
  }
  found = { count: pods.length, byLabel };
  podIndexCache.set(context, found);
  return found;
}

/** Each workload's pod labels, with its Node's topology labels for a Pod bound to a Node. */
function podLabels(context: CheckContext): readonly Dict<string>[] {
  const nodeEntries = context.entriesOf('Node');
  if (nodeEntries.length === 0) return context.workloads.map((item) => item.object.podLabels);
  const nodes = new Map<string, unknown>();
  for (const entry of nodeEntries) {
    if (!nodes.has(entry.object.metadata.name)) {
      nodes.set(entry.object.metadata.name, valueAt(context.raw(entry), ['metadata', 'labels']));
    }
  }
  return context.workloads.map((item) => {
    const entry =
      item.implied || item.object.kind !== 'Pod' ? undefined : entryOf(context, item.id);
    const nodeName = entry && scalarAt(entry, ['spec', 'nodeName']);
    if (typeof nodeName !== 'string' || !nodes.has(nodeName)) return item.object.podLabels;
    const labels: Record<string, string> = { ...item.object.podLabels };
    const nodeLabels = nodes.get(nodeName);
    for (const key of NODE_LABELS) {
      const value = valueAt(nodeLabels, [key]);
      // "Istio doesn't match on empty node locality labels."
      if (typeof value === 'string' && value !== '') labels[key] = value;
    }
    labels['kubernetes.io/hostname'] = nodeName;
    return labels;
  });
}
