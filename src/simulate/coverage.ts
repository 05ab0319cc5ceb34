import { MESH } from '../model/gatewayNames.ts';
import type { ResourceId } from '../model/resource.ts';
import { RULE_SECTIONS, type RuleSection } from '../model/virtualService.ts';
import type { IndexedIngress } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { VsInfo } from './bindings.ts';
import { simulationIndex } from './simulationIndex.ts';
import type { FieldPath, Simulation } from './types.ts';

/** One rule a test can reach, and the tests that reached it. */
export interface CoveredRule {
  readonly resource: ResourceId;
  /** `rules` for a Gateway API route. */
  readonly section: RuleSection | 'rules';
  readonly index: number;
  readonly name: string | null;
  readonly path: FieldPath;
  readonly covered: boolean;
  readonly tests: readonly string[];
}

/** Route coverage in the sense of Envoy's `router_check_tool --details --covall`. */
export interface RouteCoverage {
  readonly rules: readonly CoveredRule[];
  readonly covered: number;
  readonly total: number;
  /** covered / total × 100; null when no rule is bound to a gateway. */
  readonly percent: number | null;
}

/**
 * Which rules the simulations reached, among every http/tls/tcp rule of the VirtualServices
 * bound to a Gateway of the workspace and the http rules of the delegates their rules name. A delegated rule
 * that wins covers itself and the root rule that delegated to it.
 */
export function routeCoverage(
  workspace: Workspace,
  runs: readonly { readonly name: string; readonly simulation: Simulation | null }[],
): RouteCoverage {
  const index = simulationIndex(workspace);
  const reached = new Map<string, string[]>();
  const reach = (key: string, name: string) => {
    const names = reached.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    reached.set(key, names);
  };
  for (const { name, simulation } of runs) {
    const rule = simulation?.rule;
    const owner = simulation?.httpRoute ?? simulation?.virtualService ?? simulation?.ingress;
    if (!simulation || !rule || !owner) continue;
    reach(`${owner}|${rule.section}|${rule.index}`, name);
    for (const key of canaryPathsReached(index.ingress.ingresses, simulation)) reach(key, name);
    if (simulation.rootVirtualService && rule.rootIndex !== undefined)
      reach(`${simulation.rootVirtualService}|http|${rule.rootIndex}`, name);
  }

  const isGateway = (g: string) => g !== MESH && index.catalog.gatewayIds.has(`Gateway/${g}`);
  const bound = index.virtualServices.filter(
    (vs) => !vs.isDelegate && [...vs.gateways].some(isGateway),
  );
  const delegates = delegatesOf(bound, index.virtualServices);
  const rules: CoveredRule[] = [];
  for (const vs of [...bound, ...delegates])
    for (const section of RULE_SECTIONS)
      vs.item.object[section].forEach((rule, i) => {
        const tests = reached.get(`${vs.item.id}|${section}|${i}`) ?? [];
        rules.push({
          resource: vs.item.id,
          section,
          index: i,
          name: rule.name ?? null,
          path: ['spec', section, i],
          covered: tests.length > 0,
          tests,
        });
      });
  // Gateway API routes a listener of a Gateway Istio runs accepts.
  const running = new Set(
    index.gatewayApi.gateways.filter((g) => g.deployment !== undefined).map((g) => g.gateway),
  );
  for (const { entry, route, parents } of index.gatewayApi.routes) {
    if (!parents.some((p) => p.gateway && running.has(p.gateway) && p.accepted.length > 0))
      continue;
    route.rules.forEach((rule, i) => {
      const tests = reached.get(`${entry.id}|rules|${i}`) ?? [];
      rules.push({
        resource: entry.id,
        section: 'rules',
        index: i,
        name: rule.name ?? null,
        path: ['spec', 'rules', i],
        covered: tests.length > 0,
        tests,
      });
    });
  }
  // Kubernetes Ingresses (every one is answered: by its controller, or with the spec's semantics): each path is a rule (`rules`, counted
  // across the Ingress's rules in order, as CONTRACT section 4's `rule.index`).
  for (const { entry, paths } of index.ingress.ingresses) {
    for (const at of paths) {
      const tests = reached.get(`${entry.id}|rules|${at.index}`) ?? [];
      rules.push({
        resource: entry.id,
        section: 'rules',
        index: at.index,
        name: null,
        path: ['spec', 'rules', at.rule, 'http', 'paths', at.path],
        covered: tests.length > 0,
        tests,
      });
    }
  }
  const covered = rules.filter((r) => r.covered).length;
  return {
    rules,
    covered,
    total: rules.length,
    percent: rules.length === 0 ? null : Math.round((covered / rules.length) * 10000) / 100,
  };
}

/**
 * ingress-nginx serves a canary Ingress's path in the main Ingress's location, so the simulator
 * names the main Ingress and the canary only in its steps (its note and its backend). The
 * canary's path is reached when the request went to its backend (any share) or its header or
 * cookie decided (`never` too); a canary weight of 0 with no header reaches nothing.
 */
function canaryPathsReached(
  ingresses: readonly IndexedIngress[],
  simulation: Simulation,
): string[] {
  if (!simulation.ingress) return [];
  const out: string[] = [];
  for (const step of simulation.steps) {
    const resource = step.resource;
    if (step.kind !== 'destination' || !resource || resource === simulation.ingress) continue;
    const [spec, rules, r, , paths, p] = step.path ?? [];
    if (spec !== 'spec' || rules !== 'rules' || paths !== 'paths') continue;
    const canary = ingresses.find((i) => i.entry.id === resource);
    const at = canary?.paths.find((x) => x.rule === r && x.path === p);
    if (!canary || !at) continue;
    const fqdn = `${at.value.backend?.service?.name}.${canary.ingress.metadata.namespace}.svc.cluster.local`;
    const took = simulation.destinations.some((d) => d.probability > 0 && d.host === fqdn);
    // The canary note reads `canary <id>: header …` or `…: cookie …` when they decided.
    const decided = simulation.steps.some(
      (s) =>
        s.kind === 'note' &&
        s.resource === resource &&
        /^canary \S+: (header|cookie) /.test(s.detail),
    );
    if (took || decided) out.push(`${resource}|rules|${at.index}`);
  }
  return out;
}

function delegatesOf(roots: readonly VsInfo[], all: readonly VsInfo[]): VsInfo[] {
  const out: VsInfo[] = [];
  for (const root of roots)
    for (const rule of root.item.object.http) {
      if (!rule.delegate) continue;
      const ns = rule.delegate.namespace || root.namespace;
      const target = all.find(
        (vs) =>
          vs.isDelegate &&
          vs.namespace === ns &&
          vs.item.object.metadata.name === rule.delegate?.name,
      );
      if (target && !out.includes(target)) out.push(target);
    }
  return out;
}
