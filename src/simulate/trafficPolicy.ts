import type { TrafficPolicy } from '../model/destinationRule.ts';
import type { EffectiveTrafficPolicy } from './types.ts';

const GROUPS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls'] as const;
type Group = (typeof GROUPS)[number];
type Groups = Partial<Record<Group, Readonly<Record<string, unknown>>>>;

/**
 * `GetPortLevelTrafficPolicy` (pilot/pkg/networking/util): when a `portLevelSettings` entry
 * names the port, it replaces the destination-level groups as a whole, unmerged ("default
 * values will be applied to fields omitted in port-level traffic policies").
 */
function forPort(
  policy: TrafficPolicy | undefined,
  port: number | null,
): { readonly groups: Groups; readonly portLevel: boolean } | undefined {
  if (!policy) return undefined;
  const setting =
    port === null ? undefined : policy.portLevelSettings?.find((p) => p.port === port);
  const source: TrafficPolicy = setting ?? policy;
  const groups: Groups = {};
  for (const g of GROUPS) {
    const value = source[g];
    if (value !== undefined) groups[g] = value as Readonly<Record<string, unknown>>;
  }
  return { groups, portLevel: setting !== undefined };
}

/**
 * `MergeTrafficPolicy` (pilot/pkg/networking/util): the subset's policy (at its port level)
 * overrides the DestinationRule's (at its port level) group by group: loadBalancer,
 * connectionPool, outlierDetection, tls. Undefined when neither sets anything.
 */
export function effectiveTrafficPolicy(
  top: TrafficPolicy | undefined,
  subset: TrafficPolicy | undefined,
  port: number | null,
): EffectiveTrafficPolicy | undefined {
  const base = forPort(top, port);
  const over = forPort(subset, port);
  if (!base && !over) return undefined;
  const out: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const g of GROUPS) {
    const fromSubset = over?.groups[g];
    const fromTop = base?.groups[g];
    if (fromSubset !== undefined) {
      out[g] = fromSubset;
      sources[g] = over?.portLevel ? 'subset portLevelSettings' : 'subset';
    } else if (fromTop !== undefined) {
      out[g] = fromTop;
      sources[g] = base?.portLevel ? 'destinationRule portLevelSettings' : 'destinationRule';
    }
  }
  return { ...out, sources } as EffectiveTrafficPolicy;
}
