/**
 * A request at an Ingress controller (CONTRACT section 4: `ingress` names the resource, the rule
 * is `{ section: 'rules', index }` with `index` counting paths across rules): the load balancer
 * hop, TLS, the host (exact, wildcard, rules without host), then the path among that host's paths
 * (`model/ingressPaths.ts`), then what the controller does with it: ingress-nginx (`nginx.ts`),
 * Istio (`istio.ts`), or a controller the designer does not model (`spec.ts`).
 */
import { type IngressPathAt, ingressPathField } from '../../model/ingress.ts';
import {
  type PathMatcher,
  pathMatchers,
  pathMatches,
  pickIngressHost,
} from '../../model/ingressPaths.ts';
import type { IndexedIngress } from '../../workspace/ingressIndex.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { loadBalancerHop } from '../listener.ts';
import { type ParsedRequest, receivedRequest } from '../request.ts';
import type { SimulationIndex } from '../simulationIndex.ts';
import type { Simulation, Step } from '../types.ts';
import { routeIstio } from './istio.ts';
import { nginxLocation } from './nginx.ts';
import type { ControllerProxy } from './proxies.ts';
import { routeSpec } from './spec.ts';

export interface IngressFlow {
  readonly index: SimulationIndex;
  readonly controller: ControllerProxy;
  readonly request: ParsedRequest;
  readonly steps: Step[];
  /** The Ingresses this controller serves, in the order it reads them. */
  readonly served: readonly IndexedIngress[];
}

/** One path a host offers, with the matchers it becomes under the controller's reading. */
export interface Candidate {
  readonly indexed: IndexedIngress;
  readonly at: IngressPathAt;
  readonly matchers: readonly PathMatcher[];
}

/**
 * The Ingresses a controller serves, in the order it reads them: ingress-nginx in workspace
 * order; Istio by creation time, then name and namespace (`sortRulesByCreationTimestamp`; files
 * hold no creation time, so by name).
 */
export function servedIngresses(
  all: readonly IndexedIngress[],
  controller: ControllerProxy,
): IndexedIngress[] {
  const served = all.filter((i) =>
    controller.reading === 'spec'
      ? i.reading === undefined && (i.className ?? '') === controller.className
      : i.reading === controller.reading,
  );
  if (controller.reading === 'istio')
    served.sort(
      (a, b) =>
        compare(a.ingress.metadata.name, b.ingress.metadata.name) ||
        compare(a.ingress.metadata.namespace, b.ingress.metadata.namespace),
    );
  return served;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The request at one controller; undefined when it serves no Ingress or nothing listens on the port. */
export function onIngressController(
  index: SimulationIndex,
  controller: ControllerProxy,
  request: ParsedRequest,
): Scored | undefined {
  const served = servedIngresses(index.ingress.ingresses, controller);
  if (served.length === 0) return undefined;
  const hop = loadBalancerHop(controller.proxy, request.port);
  if (!hop) return undefined;
  const onHttps = hop.podPort === controller.httpsPort;
  if (hop.podPort !== controller.httpPort && !onHttps) return undefined;
  const istio = controller.reading === 'istio';
  // Istio's generated Gateway has an HTTPS server only for tls entries with a secretName.
  const tlsServers = served.flatMap((i) =>
    i.ingress.tls
      .filter((t) => t.secretName)
      .map((t) => ({ indexed: i, hosts: t.hosts.length > 0 ? t.hosts : ['*'] })),
  );
  if (istio && onHttps && tlsServers.length === 0) return undefined;
  const classes = [...new Set(served.map((i) => i.className ?? '(default)'))].join(', ');
  const flow: IngressFlow = {
    index,
    controller,
    request,
    served,
    steps: [
      hop.step,
      {
        kind: 'gateway',
        detail: `${controller.reading === 'spec' ? controller.proxy.label : `${controller.name} pods ${controller.proxy.label}`}, serving the Ingresses of class ${classes}`,
        ...(controller.proxy.workload ? { resource: controller.proxy.workload } : {}),
      },
    ],
  };
  if (request.scheme === 'http' && onHttps)
    return refused(
      flow,
      `port ${request.port} serves HTTPS only: a plain-text request fails the handshake`,
    );
  if (request.scheme === 'https' && !onHttps)
    return refused(flow, `port ${request.port} serves plain HTTP: the TLS handshake fails`);
  let serverHosts: readonly string[] | undefined;
  if (request.scheme === 'https') {
    const sni = request.sni;
    const covering = tlsServers.filter(({ hosts }) =>
      hosts.some((h) => h === '*' || pickIngressHost([h], sni, controller.reading) === h),
    );
    const first = covering[0];
    serverHosts = first?.hosts;
    if (istio && !first)
      return refused(
        flow,
        `no tls entry of an Ingress covers SNI ${sni}: Istio's generated Gateway has no HTTPS server for it, the connection fails`,
      );
    flow.steps.push(
      first
        ? {
            kind: 'server',
            matched: true,
            detail: `TLS for ${sni} with the certificate of ${first.indexed.entry.id} (tls hosts ${first.hosts.join(', ')})`,
            resource: first.indexed.entry.id,
            path: ['spec', 'tls'],
          }
        : {
            kind: 'note',
            detail: `no tls entry of an Ingress covers SNI ${sni}: ${controller.reading === 'nginx' ? 'ingress-nginx answers with its default self-signed certificate' : 'the controller answers with a default certificate'}, which clients that verify refuse`,
          },
    );
  }
  return istio
    ? routeIstio(flow, serverHosts)
    : controller.reading === 'spec'
      ? routeSpec(flow)
      : nginxLocation(flow);
}

/** The connection fails at this controller. */
function refused(flow: IngressFlow, detail: string): Scored {
  flow.steps.push({ kind: 'server', matched: false, detail });
  return {
    score: SCORE.failed,
    simulation: { ...unrouted(flow), outcome: 'noServer', status: null },
  };
}

export function unrouted(flow: IngressFlow): Omit<Simulation, 'outcome' | 'status'> {
  return {
    gateway: null,
    server: null,
    virtualService: null,
    rule: null,
    request: receivedRequest(flow.request),
    destinations: [],
    steps: flow.steps,
  };
}

/** A 404 from the controller: no host or no path answers and no default backend takes it. */
export function notFound(flow: IngressFlow, score: number, detail: string): Scored {
  flow.steps.push({ kind: 'note', detail });
  return { score, simulation: { ...unrouted(flow), outcome: 'noRoute', status: 404 } };
}

/** How specific the host match was, to compare controllers and gateways (`SCORE`). */
export function hostScore(ruleHost: string | undefined): number {
  if (ruleHost === undefined) return SCORE.none;
  if (ruleHost === '') return SCORE.any;
  return (ruleHost.startsWith('*') ? SCORE.wildcard : SCORE.exact) + ruleHost.length;
}

/** The paths the rules for `host` offer, in the order the controller reads them. */
export function candidatesFor(
  flow: IngressFlow,
  ingresses: readonly IndexedIngress[],
  host: string,
  regex: (i: IndexedIngress) => boolean,
): Candidate[] {
  return ingresses.flatMap((indexed) =>
    indexed.paths
      .filter((at) => at.host.toLowerCase() === host.toLowerCase())
      .map((at) => ({
        indexed,
        at,
        matchers: pathMatchers(at.value, flow.controller.reading, regex(indexed)),
      })),
  );
}

/** One `rule` step per candidate: which one answers, which match but lose, which do not match. */
export function pathSteps(
  flow: IngressFlow,
  candidates: readonly Candidate[],
  winner: Candidate | undefined,
): void {
  for (const c of candidates) {
    const matches = c.matchers.some((m) => pathMatches(m, flow.request.path));
    const how = c.matchers.map(describeMatcher).join(' or ');
    flow.steps.push({
      kind: 'rule',
      matched: c === winner,
      index: c.at.index,
      detail: `${c.indexed.entry.id} ${ingressPathField(c.at)} ${c.at.value.pathType ?? '(no pathType)'} ${c.at.value.path ?? '/'} (${how}): ${c === winner ? 'takes the request' : matches ? 'matches, but a more specific path wins' : 'does not match'}`,
      resource: c.indexed.entry.id,
      path: ['spec', 'rules', c.at.rule, 'http', 'paths', c.at.path],
    });
  }
}

function describeMatcher(m: PathMatcher): string {
  switch (m.kind) {
    case 'all':
      return 'every path';
    case 'exact':
      return `exactly ${m.value}`;
    case 'prefix':
      return `prefix ${m.value}`;
    case 'elements':
      return `path elements ${m.value}`;
    case 'regex':
      return `regex ~* ^${m.value}`;
  }
}

/** What every answer for a matched path carries: the Ingress and the rule (CONTRACT section 4). */
export function matchedHead(flow: IngressFlow, c: Candidate) {
  return {
    gateway: null,
    server: null,
    virtualService: null,
    ingress: c.indexed.entry.id,
    rule: { index: c.at.index, name: null, section: 'rules' as const },
    steps: flow.steps,
  };
}

export function dctxOf(flow: IngressFlow) {
  return {
    catalog: flow.index.catalog,
    rules: flow.index.destinationRules,
    proxy: flow.controller.proxy,
    listenerPort: flow.request.scheme === 'https' ? 443 : 80,
  };
}

export function pathAt(c: Candidate): { resource: string; path: (string | number)[] } {
  return {
    resource: c.indexed.entry.id,
    path: ['spec', 'rules', c.at.rule, 'http', 'paths', c.at.path],
  };
}
