import { fail, ok, type Result } from '../model/result.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { GatewayProxy } from './gatewayProxies.ts';
import type { Scored } from './httpFlow.ts';
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
  if (request.gateway !== undefined) {
    if (!index.catalog.gatewayIds.has(request.gateway))
      return fail(`no ${request.gateway} in the workspace`);
    proxies = proxies.filter((p) => p.gateways.some((g) => g.id === request.gateway));
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
  let best = results[0];
  for (const r of results) if (best && r.scored.score > best.scored.score) best = r;
  if (!best) return ok(nothingListens(index, proxies, parsed, first));
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
  request: ParsedRequest,
  first: Step,
): Simulation {
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
      ...(proxies.length === 0
        ? [
            {
              kind: 'server',
              matched: false,
              detail: 'no Gateway in the workspace: nothing listens',
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
    ],
  };
}
