import type { DestinationRule } from '../../model/destinationRule.ts';
import { isModelled } from '../../model/kinds.ts';
import { valueAt } from '../../model/read.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding, QuickFix } from '../finding.ts';
import { describePlace, mirrorDestinations, routeDestinations } from './destinations.ts';
import { analyzerFqdn, resourceNameOfHost } from './istioHosts.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

interface HostRules {
  readonly subsets: Set<string>;
  readonly rules: { readonly entry: Entry; readonly rule: DestinationRule }[];
}

/**
 * Istio's `DestinationRuleAnalyzer` (pkg/config/analysis/analyzers/virtualservice/
 * destinationrules.go): a route or mirror destination with a subset that no DestinationRule for
 * that host defines → IST0101 "host+subset in destinationrule" (Kiali's KIA1107 for route
 * destinations). Hosts compare as namespace and name (`GetResourceNameFromHost`), so a short
 * name and its FQDN are the same host, and an external host only matches a DestinationRule of the
 * VirtualService's own namespace. When exactly one DestinationRule is for the host, the fix adds
 * the subset to it.
 */
export function* checkDestinationSubsets(context: CheckContext): Iterable<Finding> {
  const byHost = destinationRulesByHost(context);
  for (const { entry, vs } of virtualServiceEntries(context)) {
    const namespace = vs.metadata.namespace;
    for (const ref of [...routeDestinations(vs), ...mirrorDestinations(vs)]) {
      const { host, subset } = ref.destination;
      if (!subset) continue;
      const rules = byHost.get(resourceNameOfHost(namespace, host));
      if (rules?.subsets.has(subset)) continue;
      const only = rules?.rules.length === 1 ? rules.rules[0] : undefined;
      const fix = only && createSubsetFix(context, only.entry, only.rule, subset);
      const owner = rules
        ? `DestinationRule ${rules.rules.map((r) => r.rule.metadata.name).join(', ')} defines ${[...rules.subsets].join(', ') || 'no subsets'}`
        : `there is no DestinationRule for ${analyzerFqdn(namespace, host)}`;
      const finding: Finding = {
        code: ref.mirror ? 'vs-mirror-subset-not-found' : 'vs-destination-subset-not-found',
        severity: 'error',
        message: `Referenced ${ref.mirror ? 'mirror' : 'host'}+subset in destinationrule not found: "${host}+${subset}" (${describePlace(ref)}): ${owner}; add the subset to a DestinationRule for this host or correct the name`,
        resource: entry.id,
        at: addressOf(entry),
        path: [...ref.path, 'subset'],
        istio: 'IST0101',
        ...(ref.mirror ? {} : { kiali: 'KIA1107' }),
        ...(fix ? { fixes: [fix] } : {}),
      };
      yield { ...finding, missing: 'DestinationRule' };
    }
  }
}

const cache = new WeakMap<CheckContext, ReadonlyMap<string, HostRules>>();

/** `initDestHostsAndSubsets`: the subsets defined for each host, keyed `namespace/name`. */
function destinationRulesByHost(context: CheckContext): ReadonlyMap<string, HostRules> {
  const cached = cache.get(context);
  if (cached) return cached;
  const out = new Map<string, HostRules>();
  const seen = new Set<string>();
  for (const entry of context.entriesOf('DestinationRule')) {
    const rule = entry.object;
    if (seen.has(entry.id) || !isModelled(rule) || rule.kind !== 'DestinationRule') continue;
    seen.add(entry.id);
    const namespace = rule.metadata.namespace;
    const key = resourceNameOfHost(namespace, analyzerFqdn(namespace, rule.host));
    let group = out.get(key);
    if (!group) {
      group = { subsets: new Set(), rules: [] };
      out.set(key, group);
    }
    group.rules.push({ entry, rule });
    for (const s of rule.subsets) group.subsets.add(s.name);
  }
  cache.set(context, out);
  return out;
}

/** Appends `{name, labels: {version: name}}` to the rule's subsets, creating the list if needed. */
function createSubsetFix(
  context: CheckContext,
  entry: Entry,
  rule: DestinationRule,
  subset: string,
): QuickFix | undefined {
  const value = { name: subset, labels: { version: subset } };
  const written = valueAt(context.raw(entry), ['spec', 'subsets']);
  const title = `Create subset ${subset} in DestinationRule ${rule.metadata.name}`;
  if (Array.isArray(written)) {
    return {
      title,
      command: {
        type: 'insertItem',
        target: entry.id,
        path: ['spec', 'subsets'],
        index: written.length,
        value,
      },
    };
  }
  if (written === undefined || written === null) {
    return {
      title,
      command: { type: 'setValue', target: entry.id, path: ['spec', 'subsets'], value: [value] },
    };
  }
  return undefined;
}
