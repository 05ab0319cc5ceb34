import type { Subset } from '../../model/destinationRule.ts';
import { serviceFqdn } from '../../model/hosts.ts';
import { isEmptySelector, selects } from '../../model/labels.ts';
import type { Dict } from '../../model/read.ts';
import { dnsLabelField } from '../../rules/fields.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { resourcesOf } from './lookup.ts';

/** A new subset: its name, its labels, and what the user should know about them. */
export interface SubsetPlan {
  readonly name: string;
  readonly labels: Dict<string>;
  readonly notes: readonly string[];
}

/**
 * The next subset for the host `fqdn`, given the subsets it has. Labelled with the key the other
 * subsets use (`version` by default). Where the Service's pods carry a value of that key no
 * subset selects yet, the subset is for them, named after it (`v2`); otherwise the next `vN`,
 * with a note when the Service's pods are in the workspace and none carries it (Istio: IST0173).
 */
export function subsetPlan(
  workspace: Workspace,
  fqdn: string,
  existing: readonly Subset[],
): SubsetPlan {
  const key = labelKey(existing);
  const used = new Set(
    existing.flatMap((s) => (s.labels[key] === undefined ? [] : [s.labels[key]])),
  );
  const names = new Set(existing.map((s) => s.name));
  const service = resourcesOf(workspace, 'Service').find(
    (s) => serviceFqdn(s.object.metadata.name, s.object.metadata.namespace) === fqdn,
  )?.object;
  const selector = service?.selector;
  const pods =
    service && selector && !isEmptySelector(selector)
      ? [...resourcesOf(workspace, 'Deployment'), ...resourcesOf(workspace, 'Pod')].filter(
          (w) =>
            w.object.metadata.namespace === service.metadata.namespace &&
            selects(selector, w.object.podLabels),
        )
      : [];
  const values = [...new Set(pods.flatMap((p) => p.object.podLabels[key] ?? []))]
    .filter((v) => !used.has(v) && !names.has(v) && !dnsLabelField(v))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const found = values[0];
  if (found !== undefined) return { name: found, labels: { [key]: found }, notes: [] };

  const numbers = existing.flatMap((s) => {
    const match = /^v(\d+)$/.exec(s.name);
    return match ? [Number(match[1])] : [];
  });
  let n = Math.max(0, ...numbers) + 1;
  while (names.has(`v${n}`)) n++;
  const name = `v${n}`;
  const notes =
    pods.length > 0
      ? [
          `No pod of Service ${service?.metadata.name} is labelled ${key}: ${name} yet, so subset ${name} selects nothing (Istio reports IST0173) until one is`,
        ]
      : [];
  return { name, labels: { [key]: name }, notes };
}

/** The label key the existing subsets tell apart by, when they all use one; else `version`. */
function labelKey(existing: readonly Subset[]): string {
  const keys = existing.map((s) => Object.keys(s.labels));
  const first = keys[0]?.[0];
  return first !== undefined && keys.every((k) => k.length === 1 && k[0] === first)
    ? first
    : 'version';
}
