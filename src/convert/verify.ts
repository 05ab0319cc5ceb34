/**
 * Proof of a conversion by simulation: the same requests through the source and through the
 * converted workspace (the source with the converted resources in place of the ones they
 * replace) must go to the same place. A difference is explained when a loss of the report is
 * about the rule (or server/listener) either side used; otherwise it is unexplained.
 */
import { stringify } from 'yaml';
import { simulate } from '../simulate/simulate.ts';
import type { SimRequest, Simulation } from '../simulate/types.ts';
import { entries, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { probeRequests } from './probes.ts';
import type { Conversion, Loss, Origin } from './types.ts';

/** What a request did, as far as a user of the routing would notice. */
export interface Observed {
  readonly outcome: string;
  readonly status: number | null;
  /** `host[/subset][:port] share%`, sorted: where the traffic goes and how much. */
  readonly destinations: readonly string[];
  readonly location?: string;
}

export interface Difference {
  readonly request: SimRequest;
  readonly before: Observed;
  readonly after: Observed;
  readonly explainedBy?: Loss;
}

export interface Verification {
  readonly total: number;
  readonly same: number;
  readonly differences: readonly Difference[];
}

/** The source with the converted resources in place of those they replace. */
export function convertedWorkspace(source: Workspace, conversion: Conversion): Workspace {
  const replaced = new Set(conversion.replaced);
  const kept = entries(source)
    .filter((e) => !replaced.has(e.id))
    .map((e) => stringify(e.plain))
    .join('---\n');
  return loadWorkspace([{ name: 'kept.yaml', text: kept }, ...conversion.files]);
}

export function verify(
  source: Workspace,
  conversion: Conversion,
  saved: readonly SimRequest[] = [],
): Verification {
  const converted = convertedWorkspace(source, conversion);
  const requests = [...probeRequests(source), ...saved];
  const differences: Difference[] = [];
  let total = 0;
  for (const request of requests) {
    const a = simulate(source, request);
    const b = simulate(converted, request);
    if (!a.ok || !b.ok) continue;
    total++;
    const before = observe(a.value);
    const after = observe(b.value);
    if (sameObserved(before, after)) continue;
    const explainedBy = explain(conversion, a.value, b.value);
    differences.push({ request, before, after, ...(explainedBy ? { explainedBy } : {}) });
  }
  return { total, same: total - differences.length, differences };
}

export function observe(sim: Simulation): Observed {
  const shares = new Map<string, { share: number; ports: Set<number> }>();
  for (const d of sim.destinations) {
    const key = `${d.host}${d.subset ? `/${d.subset}` : ''}`;
    const entry = shares.get(key) ?? { share: 0, ports: new Set<number>() };
    entry.share += d.probability;
    if (d.port !== null) entry.ports.add(d.port);
    shares.set(key, entry);
  }
  const destinations = [...shares]
    .filter(([, v]) => v.share > 0)
    .map(
      ([key, v]) =>
        `${key}${v.ports.size ? `:${[...v.ports].sort().join(',')}` : ''} ${(v.share * 100).toFixed(1)}%`,
    )
    .sort();
  return {
    outcome: sim.outcome,
    status: sim.status,
    destinations,
    ...(sim.redirect ? { location: sim.redirect.location } : {}),
  };
}

/** Equal, where a port one side leaves unsaid (a lone Service port) is not a difference. */
function sameObserved(a: Observed, b: Observed): boolean {
  if (a.outcome !== b.outcome || a.status !== b.status || a.location !== b.location) return false;
  if (a.destinations.length !== b.destinations.length) return false;
  const parse = (d: string) => {
    const [where = '', share] = d.split(' ');
    const colon = where.lastIndexOf(':');
    return colon === -1
      ? { host: where, port: '', share }
      : { host: where.slice(0, colon), port: where.slice(colon + 1), share };
  };
  return a.destinations.every((d, i) => {
    const x = parse(d);
    const y = parse(b.destinations[i] ?? '');
    return x.host === y.host && x.share === y.share && (x.port === y.port || !x.port || !y.port);
  });
}

/** `spec.http[2].route[0]` → `spec.http[2]`: the rule, server or listener a field belongs to. */
function scopeOf(path: string): string {
  const m = /^spec\.[A-Za-z]+\[\d+\]/.exec(path);
  return m ? m[0] : path;
}

const RULE_LIST = /^spec\.(http|tls|tcp|rules)\[/;

function explain(conversion: Conversion, before: Simulation, after: Simulation): Loss | undefined {
  const scopes: Origin[] = [];
  const routeOf = (sim: Simulation) =>
    sim.rootVirtualService ?? sim.virtualService ?? sim.httpRoute;
  const beforeRoute = routeOf(before);
  if (beforeRoute) {
    const section = before.rule?.section ?? 'http';
    const index = before.rule?.rootIndex ?? before.rule?.index;
    scopes.push({
      resource: beforeRoute,
      path: index === undefined ? '' : `spec.${section}[${index}]`,
    });
  }
  if (before.gateway) {
    const index = before.listener?.index ?? before.server?.index;
    const list = before.listener ? 'listeners' : 'servers';
    if (index !== undefined)
      scopes.push({ resource: before.gateway, path: `spec.${list}[${index}]` });
  }
  const afterRoute = routeOf(after);
  if (afterRoute) {
    const origin = conversion.origins[afterRoute];
    const part = after.rule ? origin?.parts[after.rule.index] : undefined;
    if (part) scopes.push({ resource: part.resource, path: scopeOf(part.path) });
    else if (origin) scopes.push({ resource: origin.resource.resource, path: '' });
  }
  if (after.gateway) {
    const origin = conversion.origins[after.gateway];
    const index = after.listener?.index ?? after.server?.index;
    const part = index === undefined ? undefined : origin?.parts[index];
    if (part) scopes.push({ resource: part.resource, path: scopeOf(part.path) });
  }
  return conversion.losses.find((loss) =>
    scopes.some(
      (s) =>
        s.resource === loss.resource &&
        (s.path === ''
          ? true
          : loss.path === s.path ||
            loss.path.startsWith(`${s.path}.`) ||
            loss.path.startsWith(`${s.path}[`) ||
            (RULE_LIST.test(s.path) &&
              !RULE_LIST.test(loss.path) &&
              !loss.path.startsWith('spec.selector'))),
    ),
  );
}
