import { selects } from '../../model/labels.ts';
import type { Dict } from '../../model/read.ts';
import type { Service } from '../../model/service.ts';
import type { Workload } from '../../model/workload.ts';
import type { CheckContext, CheckItem } from '../context.ts';
import { selectorText } from './resources.ts';

interface Selection {
  readonly bySelector: Map<string, readonly CheckItem<Workload>[]>;
  readonly servicesByNamespace: ReadonlyMap<string, readonly CheckItem<Service>[]>;
}

const cache = new WeakMap<CheckContext, Selection>();

function selection(context: CheckContext): Selection {
  let found = cache.get(context);
  if (!found) {
    const servicesByNamespace = new Map<string, CheckItem<Service>[]>();
    for (const item of context.services) {
      const namespace = item.object.metadata.namespace;
      const list = servicesByNamespace.get(namespace);
      if (list) list.push(item);
      else servicesByNamespace.set(namespace, [item]);
    }
    found = { bySelector: new Map(), servicesByNamespace };
    cache.set(context, found);
  }
  return found;
}

/**
 * The pods (Pods, and Deployments for their pods) a Gateway-style selector picks, in every
 * namespace: "By default workloads are searched across all namespaces based on label
 * selectors" (gateway.proto). A missing selector selects every workload. Includes the ingress
 * pod istioctl implies. Memoised per selector, since many Gateways share one.
 */
export function selectedWorkloads(
  context: CheckContext,
  selector: Dict<string> | undefined,
): readonly CheckItem<Workload>[] {
  const memo = selection(context).bySelector;
  const key = selectorText(selector);
  let pods = memo.get(key);
  if (!pods) {
    const labels = selector ?? {};
    pods = context.workloads.filter((item) => selects(labels, item.object.podLabels));
    memo.set(key, pods);
  }
  return pods;
}

/** The Services of a namespace (the implied ingress Service included). */
export function servicesIn(
  context: CheckContext,
  namespace: string,
): readonly CheckItem<Service>[] {
  return selection(context).servicesByNamespace.get(namespace) ?? [];
}
