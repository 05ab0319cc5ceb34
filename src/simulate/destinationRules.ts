import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import type { DestinationRule, Subset, TrafficPolicy } from '../model/destinationRule.ts';
import { mostSpecificHost, resolveHost } from '../model/hosts.ts';
import { selects } from '../model/labels.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Item } from '../workspace/catalog.ts';
import type { GatewayProxy } from './gatewayProxies.ts';

/** The DestinationRules that apply to one host, merged as Istio merges them. */
export interface AppliedRule {
  /** The first rule: where the top-level traffic policy is looked for first. */
  readonly id: ResourceId;
  readonly ids: readonly ResourceId[];
  readonly trafficPolicy: TrafficPolicy | undefined;
  /** Unique subset names, first definition wins, with the rule that defines each. */
  readonly subsets: readonly {
    readonly subset: Subset;
    readonly owner: ResourceId;
    readonly index: number;
  }[];
}

interface Resolved {
  readonly item: Item<DestinationRule>;
  readonly host: string;
}

/** The istio root namespace (MeshConfig `rootNamespace`, default the Istio namespace). */
const ROOT_NAMESPACE = DEFAULT_INGRESS.namespace;

/** DestinationRules by namespace with their hosts resolved, built once per workspace. */
export function indexDestinationRules(
  rules: readonly Item<DestinationRule>[],
): ReadonlyMap<string, Resolved[]> {
  const out = new Map<string, Resolved[]>();
  for (const item of rules) {
    if (item.object.host === '') continue;
    const ns = item.object.metadata.namespace;
    const list = out.get(ns) ?? [];
    list.push({ item, host: resolveHost(item.object.host, ns) });
    out.set(ns, list);
  }
  return out;
}

/**
 * The DestinationRule a gateway proxy uses for `host` (push_context.go `destinationRule`): the
 * proxy's own namespace first (in the root namespace, only rules private to it), then the
 * service's namespace, then the root namespace, each time only rules exported to the proxy's
 * namespace; within a namespace the most specific host wins (exact, then longest wildcard) and
 * rules for that same host are merged: subsets concatenated (first name wins), the first
 * top-level traffic policy kept (`mergeDestinationRule`). Rules with a `workloadSelector` apply
 * only to the proxy they select.
 */
export function destinationRuleFor(
  index: ReadonlyMap<string, Resolved[]>,
  host: string,
  proxy: GatewayProxy,
  serviceNamespace: string | undefined,
): AppliedRule | undefined {
  const usable = (r: Resolved) => {
    const selector = r.item.object.workloadSelector;
    return (
      selector === undefined ||
      (r.item.object.metadata.namespace === proxy.namespace && selects(selector, proxy.labels))
    );
  };
  const levels: ((r: Resolved) => boolean)[] = [];
  const namespaces: string[] = [];
  if (proxy.namespace !== ROOT_NAMESPACE) {
    namespaces.push(proxy.namespace);
    levels.push(() => true);
  } else {
    namespaces.push(ROOT_NAMESPACE);
    levels.push((r) => isPrivate(r));
  }
  if (serviceNamespace !== undefined) {
    namespaces.push(serviceNamespace);
    levels.push((r) => exportedTo(r, proxy.namespace));
  }
  namespaces.push(ROOT_NAMESPACE);
  levels.push((r) => exportedTo(r, proxy.namespace));

  for (let i = 0; i < namespaces.length; i++) {
    const ns = namespaces[i] as string;
    const filter = levels[i] as (r: Resolved) => boolean;
    const candidates = (index.get(ns) ?? []).filter((r) => usable(r) && filter(r));
    const best = mostSpecific(candidates, host);
    if (best.length > 0) return merge(best);
  }
  return undefined;
}

function isPrivate(r: Resolved): boolean {
  const exportTo = r.item.object.exportTo ?? [];
  return (
    exportTo.length > 0 &&
    exportTo.every((e) => e === '.' || e === r.item.object.metadata.namespace)
  );
}

function exportedTo(r: Resolved, namespace: string): boolean {
  const exportTo = r.item.object.exportTo ?? [];
  if (exportTo.length === 0 || exportTo.includes('*')) return true;
  const own = r.item.object.metadata.namespace;
  return exportTo.some((e) => e === namespace || (e === '.' && own === namespace));
}

/** `MostSpecificHostMatch`: the rules whose host is `host`, else the longest wildcard covering it. */
function mostSpecific(candidates: readonly Resolved[], host: string): Resolved[] {
  const best = mostSpecificHost(
    host,
    candidates.map((r) => r.host),
  );
  return best === undefined ? [] : candidates.filter((r) => r.host === best);
}

function merge(rules: readonly Resolved[]): AppliedRule {
  const first = rules[0] as Resolved;
  const subsets: { subset: Subset; owner: ResourceId; index: number }[] = [];
  let trafficPolicy: TrafficPolicy | undefined;
  for (const { item } of rules) {
    trafficPolicy ??= item.object.trafficPolicy;
    item.object.subsets.forEach((subset, index) => {
      if (!subsets.some((s) => s.subset.name === subset.name))
        subsets.push({ subset, owner: item.id, index });
    });
  }
  return { id: first.item.id, ids: rules.map((r) => r.item.id), trafficPolicy, subsets };
}
