import type { DestinationRule } from '../../model/destinationRule.ts';
import { hostsOverlap, resolveHost } from '../../model/hosts.ts';
import type { ResourceId } from '../../model/resource.ts';
import type { Check } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace } from './resources.ts';

/** Stands for "every subset": a rule without subsets collides with any rule for its host. */
const ALL_SUBSETS = '~';

interface Rule {
  readonly id: ResourceId;
  readonly rule: DestinationRule;
  readonly host: string;
  readonly subsets: ReadonlySet<string>;
}

/**
 * KIA0201, Kiali's `destinationrules.multimatch` (business/checkers/destinationrules/
 * multi_match_checker.go): more than one DestinationRule for the same host and subset, where a
 * rule without subsets stands for all of them. Istio merges such rules and keeps the first
 * one's policy, so the later one silently loses. Hosts are compared resolved in each rule's
 * namespace; a wildcard host collides with the hosts it covers. Mesh-wide wildcard rules that
 * only turn on ISTIO_MUTUAL are left out, as Kiali does, and so are rules with a
 * `workloadSelector`, which Istio does not merge with the others. Reported once per rule, at its host.
 */
export const destinationRuleDuplicateChecks: Check = function* (context) {
  const exact = new Map<string, Rule[]>();
  const wildcards: Rule[] = [];
  for (const item of context.catalog.destinationRules) {
    const rule = item.object;
    // A rule with a workloadSelector applies to its workloads only and is not merged.
    if (rule.host === '' || rule.workloadSelector) continue;
    const host = resolveHost(rule.host, rule.metadata.namespace);
    if (host.startsWith('*') && rule.trafficPolicy?.tls?.mode === 'ISTIO_MUTUAL') continue;
    const subsets = new Set(
      rule.subsets.length > 0 ? rule.subsets.map((s) => s.name) : [ALL_SUBSETS],
    );
    const entry: Rule = { id: item.id, rule, host, subsets };
    if (host.startsWith('*')) wildcards.push(entry);
    const list = exact.get(host);
    if (list) list.push(entry);
    else exact.set(host, [entry]);
  }
  for (const list of exact.values()) {
    for (const rule of list) {
      const others = [
        ...list.filter((other) => other.id !== rule.id),
        ...wildcards.filter((w) => w.host !== rule.host && hostsOverlap(w.host, rule.host)),
        ...(rule.host.startsWith('*')
          ? [...exact.values()]
              .flat()
              .filter((o) => o.host !== rule.host && hostsOverlap(rule.host, o.host))
          : []),
      ].filter((other) => collide(rule.subsets, other.subsets));
      const first = others[0];
      const entry = entryOf(context, rule.id);
      if (!first || !entry || isSystemNamespace(rule.rule.metadata.namespace)) continue;
      const names = [
        ...new Set(others.map((o) => `${o.rule.metadata.namespace}/${o.rule.metadata.name}`)),
      ];
      yield findingOn(entry, {
        code: 'destinationrule-duplicate-subset',
        severity: 'warning',
        message: `More than one DestinationRule for host ${rule.rule.host} and the same subsets (also ${names.join(', ')}): Istio merges them and keeps the first rule's policy. Put the subsets of one host into one DestinationRule.`,
        path: ['spec', 'host'],
        kiali: 'KIA0201',
      });
    }
  }
};

function collide(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.has(ALL_SUBSETS) || b.has(ALL_SUBSETS)) return true;
  for (const name of a) if (b.has(name)) return true;
  return false;
}
