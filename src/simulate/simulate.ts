import { fail, ok, type Result } from '../model/result.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { onK8sGateway, whyNoListener } from './gatewayApi/flow.ts';
import type { K8sGatewayProxy } from './gatewayApi/proxies.ts';
import type { GatewayProxy } from './gatewayProxies.ts';
import type { Scored } from './httpFlow.ts';
import { onIngressController } from './ingress/flow.ts';
import { ingressNotes } from './ingress/notes.ts';
import { loadBalancerHop, onProxy, whyNotListening } from './listener.ts';
import { fullPath, type ParsedRequest, parseRequest, receivedRequest } from './request.ts';
import { type SimulationIndex, simulationIndex } from './simulationIndex.ts';
import type { SimRequest, Simulation, Step } from './types.ts';

/**
 * Traces one request through the workspace's ingress gateways as Istio would configure Envoy.
 * Never throws: a request it cannot read (a bad URL, a Gateway not in the workspace) is an error
 * result with a message for the user.
 * When several gateway proxies listen on the port, the one whose host (or SNI) match is most
 * specific answers (workspace order breaks ties) and the others are named in a step.
 */
export function simulate(workspace: Workspace, request: SimRequest): Result<Simulation> {
  const read = parseRequest(request);
  if (!read.ok) return read;
  const parsed = read.value;
  const index = simulationIndex(workspace);
  let proxies = index.proxies;
  let k8sGateways = index.k8sGateways;
  if (request.gateway !== undefined) {
    const wanted = request.gateway;
    const k8s = index.gatewayApi.gateways.some((g) => g.entry.id === wanted);
    if (!index.catalog.gatewayIds.has(wanted) && !k8s) return fail(`no ${wanted} in the workspace`);
    proxies = proxies.filter((p) => p.gateways.some((g) => g.id === wanted));
    k8sGateways = k8sGateways.filter((g) => g.id === wanted);
  }
  const first: Step = {
    kind: 'request',
    detail: `${parsed.method} ${parsed.scheme}://${parsed.authority}${fullPath(parsed.path, parsed.query)} on port ${parsed.port}${parsed.scheme === 'https' ? ` (SNI ${parsed.sni})` : ''}`,
  };
  const results: { proxy: GatewayProxy; scored: Scored }[] = [];
  for (const proxy of proxies) {
    const scored = onProxy(index, proxy, parsed);
    if (scored) results.push({ proxy, scored });
  }
  // Gateway API Gateways have proxies of their own (Istio deploys one per Gateway).
  for (const gw of k8sGateways) {
    const scored = onK8sGateway(index, index.gatewayApi, gw, parsed);
    if (scored) results.push({ proxy: gw.proxy, scored });
  }
  // Ingress controllers (ingress-nginx, Istio's Ingress support) answer behind their own load
  // balancers; a request sent to one Gateway skips them.
  if (request.gateway === undefined)
    for (const controller of index.ingressControllers) {
      const scored = onIngressController(index, controller, parsed);
      if (scored) results.push({ proxy: controller.proxy, scored });
    }
  let best = results[0];
  for (const r of results) if (best && r.scored.score > best.scored.score) best = r;
  if (!best) return ok(nothingListens(index, proxies, k8sGateways, parsed, first));
  const others = results
    .filter((r) => r !== best)
    .map((r) => `${r.proxy.label} (${r.scored.simulation.outcome})`);
  const steps: Step[] = [first];
  if (others.length > 0)
    steps.push({
      kind: 'note',
      detail: `other gateway pods also listen on port ${parsed.port}: ${others.join(', ')}; the most specific host match answers`,
    });
  const hop = loadBalancerHop(best.proxy, parsed.port);
  return ok({
    ...best.scored.simulation,
    ...(hop ? { loadBalancer: hop.facts } : {}),
    steps: [...steps, ...best.scored.simulation.steps],
  });
}

function nothingListens(
  index: SimulationIndex,
  proxies: readonly GatewayProxy[],
  k8sGateways: readonly K8sGatewayProxy[],
  request: ParsedRequest,
  first: Step,
): Simulation {
  const none =
    proxies.length === 0 && k8sGateways.length === 0 && index.ingressControllers.length === 0;
  return {
    outcome: 'noServer',
    status: null,
    gateway: null,
    server: null,
    virtualService: null,
    rule: null,
    request: receivedRequest(request),
    destinations: [],
    steps: [
      first,
      ...(none
        ? [
            {
              kind: 'server',
              matched: false,
              detail:
                index.ingress.ingresses.length > 0
                  ? 'no Gateway and no Ingress of a simulated controller in the workspace: nothing listens'
                  : 'no Gateway in the workspace: nothing listens',
            } as const,
          ]
        : proxies.map(
            (proxy): Step => ({
              kind: 'server',
              matched: false,
              detail: whyNotListening(index, proxy, request.port),
              ...(proxy.workload ? { resource: proxy.workload } : {}),
            }),
          )),
      ...k8sGateways.map(
        (gw): Step => ({
          kind: 'server',
          matched: false,
          detail: whyNoListener(gw, request.port),
          resource: gw.id,
        }),
      ),
      ...index.gatewayApi.gateways
        .filter((g) => g.deployment === undefined)
        .map(
          (g): Step => ({
            kind: 'note',
            detail: `${g.entry.id}: class ${g.gateway.gatewayClassName || '(none)'} is not run by Istio's gateway controller, so it is not simulated`,
            resource: g.entry.id,
            path: ['spec', 'gatewayClassName'],
          }),
        ),
      ...ingressNotes(index, request.port),
    ],
  };
}
