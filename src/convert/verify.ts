/**
 * Proof of a conversion by simulation: the same requests through the source and through the
 * converted workspace (the source with the converted resources in place of the ones they
 * replace) must go to the same place. A difference is explained when a loss of the report is
 * about the rule (or server/listener) either side used; otherwise it is unexplained.
 */
import { stringify } from 'yaml';
import { hostTarget, targetWorkloads } from '../graph/endpoints.ts';
import { ingressPathField } from '../model/ingress.ts';
import { simulate } from '../simulate/simulate.ts';
import type { SimDestination, SimRequest, Simulation } from '../simulate/types.ts';
import { buildCatalog, type Catalog } from '../workspace/catalog.ts';
import { type IngressIndex, ingressIndex } from '../workspace/ingressIndex.ts';
import { entries, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { wildcardTooDeep } from './ingressShared.ts';
import { probeRequests } from './probes.ts';
import { serviceLookup } from './services.ts';
import type { Conversion, Loss, Origin } from './types.ts';

/** What a request did, as far as a user of the routing would notice. */
export interface Observed {
  readonly outcome: string;
  readonly status: number | null;
  /**
   * `pods[:port] share%` (the workloads behind the destination, when the workspace shows them:
   * a subset and a Service per version that select the same pods are the same place), else
   * `host[/subset][:port] share%`; sorted.
   */
  readonly destinations: readonly string[];
  readonly location?: string;
  /** Routed: the path and authority the backend receives (after rewrites). */
  readonly upstream?: string;
  /** Routed: where copies go, `host[/subset][:port] percent%`, sorted. */
  readonly mirrors?: readonly string[];
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
  const sourceCatalog = buildCatalog(source);
  const convertedCatalog = buildCatalog(converted);
  const ingresses = ingressIndex(source);
  for (const request of requests) {
    const a = simulate(source, request);
    const b = simulate(converted, request);
    if (!a.ok || !b.ok) continue;
    total++;
    const before = observe(a.value, sourceCatalog);
    const after = observe(b.value, convertedCatalog);
    if (sameObserved(before, after)) continue;
    const diff = differing(before, after);
    // Another answer (a route now 404, a fault's 418) takes the rest with it: explain that one.
    const explainedBy = explain(
      conversion,
      ingresses,
      hostOfUrl(request.url),
      a.value,
      b.value,
      diff.has('outcome') ? new Set<Aspect>(['outcome']) : diff,
    );
    differences.push({ request, before, after, ...(explainedBy ? { explainedBy } : {}) });
  }
  return { total, same: total - differences.length, differences };
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The workloads a destination reaches, as the simulator says or (Gateway API backends) the Service selects. */
function podsOf(catalog: Catalog, d: SimDestination): readonly string[] {
  if (d.pods.length || d.subset !== null) return d.pods;
  return podsOfHost(catalog, d.host, null);
}

/** The workloads a host (and subset, by its DestinationRule's labels) selects in the workspace. */
function podsOfHost(catalog: Catalog, host: string, subset: string | null): readonly string[] {
  const target = hostTarget(catalog, host);
  if (!target) return [];
  const labels = subset === null ? undefined : serviceLookup(catalog).subsetLabels(host, subset);
  if (subset !== null && !labels) return [];
  return targetWorkloads(catalog, target, labels).map((w) => w.id);
}

/** `pods a,b` when the workspace shows the pods, else `host[/subset]`. */
function placeOf(pods: readonly string[], host: string, subset: string | null): string {
  return pods.length
    ? `pods ${[...pods].sort().join(',')}`
    : `${host}${subset ? `/${subset}` : ''}`;
}

export function observe(sim: Simulation, catalog: Catalog): Observed {
  const shares = new Map<string, { share: number; ports: Set<number> }>();
  for (const d of sim.destinations) {
    const key = placeOf(podsOf(catalog, d), d.host, d.subset);
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
    ...(sim.outcome === 'route' ? { upstream: `${sim.request.authority}${sim.request.path}` } : {}),
    ...(sim.outcome === 'route' && sim.mirrors?.length
      ? {
          mirrors: sim.mirrors
            .filter((m) => m.percentage > 0)
            .map(
              (m) =>
                `${placeOf(podsOfHost(catalog, m.host, m.subset), m.host, m.subset)}${m.port === null ? '' : `:${m.port}`} ${m.percentage}%`,
            )
            .sort(),
        }
      : {}),
  };
}

/** Equal, where a port one side leaves unsaid (a lone Service port) is not a difference. */
export function sameObserved(a: Observed, b: Observed): boolean {
  if (a.outcome !== b.outcome || a.status !== b.status || a.location !== b.location) return false;
  if (a.upstream !== b.upstream) return false;
  if ((a.mirrors ?? []).join() !== (b.mirrors ?? []).join()) return false;
  return sameDestinations(a.destinations, b.destinations);
}

function sameDestinations(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const parse = (d: string) => {
    const cut = d.lastIndexOf(' ');
    const where = d.slice(0, cut);
    const share = d.slice(cut + 1);
    const colon = where.lastIndexOf(':');
    return colon === -1
      ? { host: where, port: '', share }
      : { host: where.slice(0, colon), port: where.slice(colon + 1), share };
  };
  return a.every((d, i) => {
    const x = parse(d);
    const y = parse(b[i] ?? '');
    return x.host === y.host && x.share === y.share && (x.port === y.port || !x.port || !y.port);
  });
}

/** What a user would notice differ: the answer, where traffic goes, a redirect, the upstream request, copies. */
type Aspect = 'outcome' | 'destinations' | 'location' | 'upstream' | 'mirrors';
const ALL: readonly Aspect[] = ['outcome', 'destinations', 'location', 'upstream', 'mirrors'];

function differing(a: Observed, b: Observed): Set<Aspect> {
  const out = new Set<Aspect>();
  if (a.outcome !== b.outcome || a.status !== b.status) out.add('outcome');
  if (a.location !== b.location) out.add('location');
  if (a.upstream !== b.upstream) out.add('upstream');
  if ((a.mirrors ?? []).join() !== (b.mirrors ?? []).join()) out.add('mirrors');
  if (!sameDestinations(a.destinations, b.destinations)) out.add('destinations');
  return out;
}

/**
 * What a loss can change, by the field it is about: a retry policy or a timeout changes nothing
 * the comparison sees, a mirror only the copies, a rewrite only the upstream request; a loss
 * about a match, a whole rule, a server or the route can change anything.
 */
function aspectsOf(path: string): readonly Aspect[] {
  // A match decides which rule answers: it explains a difference only where the rule changed
  // (an Ingress path's `path`, `pathType` and its rule's `host` are its match).
  if (/\.(retries|corsPolicy|timeout|timeouts)(\.|$)|\.match(es)?\[/.test(path)) return [];
  if (INGRESS_MATCH.test(path) || INGRESS_HOST.test(path)) return [];
  // An Ingress's HTTPS redirect (its tls, force-ssl-redirect) changes only the redirect.
  if (path === 'spec.tls' || path.endsWith('force-ssl-redirect"]')) return ['outcome', 'location'];
  // A Secret not where the gateway reads it fails the handshake: the answer, nothing else.
  if (/^spec\.tls\[\d+\]\.secretName$/.test(path)) return ['outcome'];
  if (/\.(mirror|mirrors)(\.|\[|$)/.test(path)) return ['mirrors'];
  if (/\.rewrite(\.|$)/.test(path)) return ['upstream'];
  if (/\.redirect(\.|$)/.test(path)) return ['outcome', 'location'];
  if (/\.(route|backendRefs)\[/.test(path)) return ['outcome', 'destinations'];
  return ALL;
}

const INGRESS_MATCH = /^spec\.rules\[\d+\]\.http\.paths\[\d+\]\.(path|pathType)$/;
const INGRESS_HOST = /^spec\.rules\[(\d+)\]\.host$/;

/**
 * `spec.http[2].route[0]` → `spec.http[2]`: the rule, server or listener a field belongs to; an
 * Ingress path's field → the path (`spec.rules[0].http.paths[1]`), since one Ingress rule holds many.
 */
function scopeOf(path: string): string {
  const m = /^spec\.rules\[\d+\]\.http\.paths\[\d+\]|^spec\.[A-Za-z]+\[\d+\]/.exec(path);
  return m ? m[0] : path;
}

/**
 * The Ingress paths an Ingress's simulation used: the one that answered (`rule.index` counts
 * paths across the Ingress's rules), `spec.defaultBackend` when that answered, and the path of a
 * canary Ingress the request met there (ingress-nginx serves it in the main path's location, so
 * the simulator names the main Ingress and the canary only in its steps).
 */
function ingressScopes(index: IngressIndex, sim: Simulation): Origin[] {
  if (!sim.ingress) return [];
  const at = sim.rule
    ? index.ingresses
        .find((i) => i.entry.id === sim.ingress)
        ?.paths.find((p) => p.index === sim.rule?.index)
    : undefined;
  const own = at ? ingressPathField(at) : sim.outcome === 'route' ? 'spec.defaultBackend' : '';
  const out: Origin[] = [{ resource: sim.ingress, path: own }];
  for (const step of sim.steps) {
    const [spec, rules, r, http, paths, p] = step.path ?? [];
    if (!step.resource?.startsWith('Ingress/') || step.resource === sim.ingress) continue;
    if (spec === 'spec' && rules === 'rules' && http === 'http' && paths === 'paths')
      out.push({
        resource: step.resource,
        path: ingressPathField({ rule: Number(r), path: Number(p) }),
      });
  }
  return out;
}

/** The host an Ingress loss at `spec.rules[i].host` is about, from the source. */
function ingressRuleHost(index: IngressIndex, loss: Loss): string | undefined {
  const m = INGRESS_HOST.exec(loss.path);
  const indexed = m && index.ingresses.find((i) => i.entry.id === loss.resource);
  return indexed ? indexed.ingress.rules[Number(m?.[1])]?.host : undefined;
}

const RULE_LIST = /^spec\.(http|tls|tcp|rules)\[/;

function explain(
  conversion: Conversion,
  ingresses: IngressIndex,
  requestHost: string,
  before: Simulation,
  after: Simulation,
  diff: ReadonlySet<Aspect>,
): Loss | undefined {
  const sourceIngress = ingressScopes(ingresses, before);
  const scopes: Origin[] = [...sourceIngress];
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
  let afterRule: Origin | undefined;
  let afterMatch: number | undefined;
  const afterRoute = routeOf(after);
  if (afterRoute) {
    const origin = conversion.origins[afterRoute];
    const part = after.rule ? origin?.parts[after.rule.index] : undefined;
    if (part) {
      // The rule the request reached after: when it moved ahead, its loss says why.
      afterRule = { resource: part.resource, path: scopeOf(part.path) };
      const written = /\.matches\[(\d+)\]/.exec(part.path);
      afterMatch = written ? Number(written[1]) : after.rule?.matchIndex;
      scopes.push(afterRule);
    } else if (origin) scopes.push({ resource: origin.resource.resource, path: '' });
  }
  if (after.gateway) {
    const origin = conversion.origins[after.gateway];
    const index = after.listener?.index ?? after.server?.index;
    const part = index === undefined ? undefined : origin?.parts[index];
    // A listener written for all of an Ingress's rules (`spec.rules`) is about none of its paths.
    if (part && part.path !== 'spec.rules')
      scopes.push({ resource: part.resource, path: scopeOf(part.path) });
  }
  // The loss about the very rule (or server, listener) first; one about the whole route next.
  const within = (loss: Loss, s: Origin) =>
    s.resource === loss.resource &&
    s.path !== '' &&
    (loss.path === s.path ||
      loss.path.startsWith(`${s.path}.`) ||
      loss.path.startsWith(`${s.path}[`));
  const routeWide = (loss: Loss, s: Origin) =>
    s.resource === loss.resource &&
    (s.path === '' ||
      (RULE_LIST.test(s.path) &&
        !RULE_LIST.test(loss.path) &&
        !loss.path.startsWith('spec.selector')));
  // A wildcard Ingress host's loss says only that deeper names match now: it explains a request
  // to such a name, on a path of that Ingress rule.
  const scoped = (loss: Loss) => {
    const wildcard = ingressRuleHost(ingresses, loss);
    if (wildcard !== undefined)
      return (
        wildcardTooDeep(wildcard, requestHost) &&
        scopes.some(
          (s) => s.resource === loss.resource && s.path.startsWith(loss.path.replace(/host$/, '')),
        )
      );
    return scopes.some((s) => within(loss, s)) || scopes.some((s) => routeWide(loss, s));
  };
  // Another rule answered: the cause is in the matching, any loss of either rule may say it.
  // Which rule and which of its matches answered, on each side, in the source's terms.
  // An Ingress path has no match blocks: the path (or a canary's met there) is the rule.
  const beforeKeys =
    sourceIngress.length > 0
      ? sourceIngress.map((s) => `${s.resource} ${s.path}`)
      : [
          beforeRoute === undefined
            ? ''
            : `${beforeRoute} ${scopes[0]?.path ?? ''} ${before.rule?.matchIndex ?? ''}`,
        ];
  const afterKey =
    afterRule === undefined
      ? ''
      : afterRule.resource.startsWith('Ingress/')
        ? `${afterRule.resource} ${afterRule.path}`
        : `${afterRule.resource} ${afterRule.path} ${afterMatch ?? ''}`;
  const ruleMoved = !beforeKeys.includes(afterKey);
  const relevant = conversion.losses.filter(
    (loss) => scoped(loss) && (ruleMoved || aspectsOf(loss.path).some((a) => diff.has(a))),
  );
  const covered = new Set(ruleMoved ? ALL : relevant.flatMap((loss) => aspectsOf(loss.path)));
  if (relevant.length === 0 || [...diff].some((a) => !covered.has(a))) return undefined;
  return (
    // A loss about a whole rule (it moved) tells more than one about a field of it.
    relevant.find(
      (loss) => afterRule?.resource === loss.resource && afterRule.path === loss.path,
    ) ??
    relevant.find((loss) => scopes.some((s) => within(loss, s))) ??
    relevant[0]
  );
}
