import { entryMapping, formatMapping, type GatewayPorts } from '../model/gatewayPorts.ts';
import { resourceId } from '../model/resource.ts';
import { weightedDestinations } from './destinations.ts';
import type { GatewayProxy } from './gatewayProxies.ts';
import { routeHttp, SCORE, type Scored } from './httpFlow.ts';
import { type L4Choice, pickBySni, type TlsChain, tcpRoute, tlsChains } from './l4Routes.ts';
import { type ParsedRequest, receivedRequest } from './request.ts';
import {
  describeServer,
  isHttpProtocol,
  type ServerRef,
  serverPath,
  simServer,
  sniNames,
  terminatesHttps,
} from './servers.ts';
import type { ProxyState, SimulationIndex } from './simulationIndex.ts';
import type { SimLoadBalancer, Simulation, Step } from './types.ts';

/**
 * The port of the gateway pods a connection to the load balancer's `port` reaches, with the hop
 * as a step; undefined when the load balancer does not expose that port.
 */
export function loadBalancerHop(
  proxy: GatewayProxy,
  port: number,
): { readonly podPort: number; readonly step: Step; readonly facts: SimLoadBalancer } | undefined {
  const mapping = entryMapping(port, proxy.ports);
  if (mapping === undefined) return undefined;
  if (mapping === 'direct')
    return {
      podPort: port,
      step: {
        kind: 'loadBalancer',
        detail: `load balancer port ${port} → gateway pods port ${port} (no Service for them in the workspace: the port is assumed to reach them as it is)`,
      },
      facts: { port, targetPort: port, service: null },
    };
  const [namespace = '', name = ''] = mapping.service.split('/');
  const service = resourceId('Service', namespace, name);
  const inWorkspace = proxy.ports.balancers.some((s) => s.id === service);
  return {
    podPort: mapping.targetPort,
    step: {
      kind: 'loadBalancer',
      detail: `load balancer port ${port} → gateway pods port ${mapping.targetPort} (Service ${mapping.service}${mapping.implied ? ', implied default ingress' : ''})`,
      ...(inWorkspace ? { resource: service } : {}),
    },
    facts: {
      port,
      targetPort: mapping.targetPort,
      service,
      ...(mapping.implied ? { implied: true as const } : {}),
    },
  };
}

/**
 * Why `proxy` does not take a connection to the load balancer's `port`: the port is not on its
 * Service, or no server listens on the port it reaches.
 */
export function whyNotListening(index: SimulationIndex, proxy: GatewayProxy, port: number): string {
  const hop = loadBalancerHop(proxy, port);
  if (!hop)
    return `the load balancer has no port ${port}: ${exposed(proxy.ports)}, nothing else; the connection fails`;
  const listening = [...index.proxyState(proxy).ports.keys()].sort((a, b) => a - b).join(', ');
  const via = hop.podPort === port ? `port ${port}` : `port ${port} → ${hop.podPort}`;
  return `no Gateway server of ${proxy.label} listens on ${via}${listening ? ` (listening: ${listening})` : ''}: the connection fails`;
}

function exposed(ports: GatewayPorts): string {
  const entry = ports.entry ?? [];
  const services = [...new Set(entry.map((m) => m.service))].join(', ');
  const implied = entry.some((m) => m.implied) ? ' (implied default ingress)' : '';
  return `Service ${services}${implied} exposes ${entry.map(formatMapping).join(', ')}`;
}

/** The request at one gateway proxy; undefined when it has no server on the port. */
export function onProxy(
  index: SimulationIndex,
  proxy: GatewayProxy,
  request: ParsedRequest,
): Scored | undefined {
  const hop = loadBalancerHop(proxy, request.port);
  if (!hop) return undefined;
  const port = hop.podPort;
  const state = index.proxyState(proxy);
  const entry = state.ports.get(port);
  if (!entry || (entry.plaintext.length === 0 && entry.tls.length === 0)) return undefined;
  const steps: Step[] = [
    hop.step,
    {
      kind: 'gateway',
      detail: `gateway pods ${proxy.label} in ${proxy.namespace}, configured by ${proxy.gateways.map((g) => g.id).join(', ')}`,
      ...(proxy.workload ? { resource: proxy.workload } : {}),
    },
  ];
  for (const { ref, reason } of entry.skipped)
    steps.push({
      kind: 'server',
      matched: false,
      detail: `${describeServer(ref)} is not used: ${reason}`,
      resource: ref.gateway.id,
      path: serverPath(ref),
    });

  const plain = entry.plaintext[0];
  if (plain?.protocol === 'HTTPS')
    return failed(
      request,
      steps,
      plain,
      `${describeServer(plain)} is HTTPS without tls settings (validation rejects it): nothing is served`,
    );
  if (request.scheme === 'http') {
    if (!plain)
      return failed(
        request,
        steps,
        entry.tls[0] as ServerRef,
        `port ${port} serves TLS only: a plain-text request fails the handshake`,
      );
    if (isHttpProtocol(plain.protocol)) {
      for (const s of entry.plaintext)
        steps.push(
          serverStep(s, `${s.protocol} server ${listensOn(s)}, route table http.${s.listenPort}`),
        );
      return routeHttp({ index, state, request, servers: entry.plaintext, isTls: false, steps });
    }
    return plainTcp(index, state, request, plain, steps);
  }
  if (entry.tls.length === 0 && plain) {
    if (isHttpProtocol(plain.protocol))
      return failed(
        request,
        steps,
        plain,
        `${describeServer(plain)} serves plain text on port ${port}: the TLS handshake fails`,
      );
    return plainTcp(index, state, request, plain, steps);
  }
  return byTls(index, state, request, entry.tls, steps);
}

/** Which port a server listens on, and why when it is not its own number. */
function listensOn(server: ServerRef): string {
  return server.listenPort === server.port
    ? `on port ${server.port}`
    : `port ${server.port}, listening on ${server.listenPort} (the Service's port ${server.port} → targetPort ${server.listenPort})`;
}

/** A filter chain of the port: HTTPS termination, AUTO_PASSTHROUGH, or one going to a tcp/tls rule. */
type Chain =
  | {
      readonly kind: 'https' | 'auto';
      readonly server: ServerRef;
      readonly sniHosts: readonly string[];
    }
  | (TlsChain & { readonly kind: 'tls' | 'tcp'; readonly server: ServerRef });

/** A TLS connection: Envoy picks the filter chain by SNI among all TLS servers of the port. */
function byTls(
  index: SimulationIndex,
  state: ProxyState,
  request: ParsedRequest,
  servers: readonly ServerRef[],
  steps: Step[],
): Scored {
  const chains: Chain[] = [];
  const taken = new Set<string>();
  for (const server of servers) {
    if (terminatesHttps(server))
      chains.push({ kind: 'https', server, sniHosts: sniNames(server.hosts) });
    else if (server.tlsMode === 'AUTO_PASSTHROUGH')
      chains.push({ kind: 'auto', server, sniHosts: sniNames(server.hosts) });
    else if (server.tlsMode === 'PASSTHROUGH') {
      const built = tlsChains(server, index.virtualServices, state.proxy.namespace, taken);
      for (const c of built.chains) chains.push({ ...c, kind: 'tls', server });
      for (const d of built.duplicates)
        steps.push({
          kind: 'note',
          detail: `${d}: SNI names already taken on the port, skipped`,
          resource: server.gateway.id,
          path: serverPath(server),
        });
    } else {
      const choice = tcpRoute(server, index.virtualServices, state.proxy.namespace);
      if (choice) chains.push({ kind: 'tcp', server, sniHosts: sniNames(server.hosts), choice });
      else
        steps.push({
          kind: 'server',
          matched: false,
          detail: `${describeServer(server)} has no tcp rule bound to it: no filter chain`,
          resource: server.gateway.id,
          path: serverPath(server),
        });
    }
  }
  const chosen = pickBySni(chains, request.sni);
  if (!chosen) {
    const names = chains.flatMap((c) => (c.sniHosts.length > 0 ? c.sniHosts : ['*']));
    return failed(
      request,
      steps,
      servers[0] as ServerRef,
      `no filter chain on port ${servers[0]?.listenPort ?? request.port} takes SNI ${request.sni}${names.length ? ` (names: ${[...new Set(names)].join(', ')})` : ''}: the connection fails`,
    );
  }
  const how = chosen.sniHosts.includes(request.sni)
    ? SCORE.exact
    : chosen.sniHosts.length > 0
      ? SCORE.wildcard
      : SCORE.any;
  const score = how + Math.max(0, ...chosen.sniHosts.map((h) => h.length));
  steps.push(
    serverStep(
      chosen.server,
      `SNI ${request.sni} picks the ${chosen.kind === 'tls' ? 'passthrough' : chosen.kind} filter chain [${chosen.sniHosts.join(', ') || '*'}]`,
    ),
  );
  switch (chosen.kind) {
    case 'https':
      return {
        ...routeHttp({ index, state, request, servers: [chosen.server], isTls: true, steps }),
        score,
      };
    case 'auto':
      return failed(
        request,
        steps,
        chosen.server,
        'AUTO_PASSTHROUGH routes by the SNI outbound_.PORT_.SUBSET_.HOST of mesh clients: not simulated',
      );
    case 'tls':
    case 'tcp':
      return {
        score,
        simulation: l4Route(index, state, request, chosen.server, chosen.choice, steps),
      };
  }
}

function plainTcp(
  index: SimulationIndex,
  state: ProxyState,
  request: ParsedRequest,
  server: ServerRef,
  steps: Step[],
): Scored {
  const choice = tcpRoute(server, index.virtualServices, state.proxy.namespace);
  if (!choice)
    return failed(
      request,
      steps,
      server,
      `${describeServer(server)} (${server.protocol}) has no tcp rule bound to it: Envoy builds no listener`,
    );
  steps.push(serverStep(server, `${server.protocol} server: bytes are proxied by tcp rules`));
  return { score: SCORE.any, simulation: l4Route(index, state, request, server, choice, steps) };
}

function l4Route(
  index: SimulationIndex,
  state: ProxyState,
  request: ParsedRequest,
  server: ServerRef,
  choice: L4Choice,
  steps: Step[],
): Simulation {
  const vsId = choice.vs.item.id;
  const path = ['spec', choice.section, choice.index];
  steps.push({
    kind: 'rule',
    matched: true,
    index: choice.index,
    detail: `${vsId} ${choice.section}[${choice.index}]${choice.rule.name ? ` (${choice.rule.name})` : ''}${choice.section === 'tls' ? ` takes SNI ${request.sni}` : ` takes the connection on port ${server.port}`}`,
    resource: vsId,
    path: choice.matchIndex === undefined ? path : [...path, 'match', choice.matchIndex],
  });
  const dctx = {
    catalog: index.catalog,
    rules: index.destinationRules,
    proxy: state.proxy,
    listenerPort: server.port,
  };
  const weighted = weightedDestinations(dctx, choice.rule.route, choice.vs.namespace, {
    resource: vsId,
    path,
  });
  steps.push(...weighted.steps);
  return {
    outcome: 'route',
    status: null,
    gateway: server.gateway.id,
    server: simServer(server),
    virtualService: vsId,
    rule: {
      index: choice.index,
      name: choice.rule.name ?? null,
      section: choice.section,
      ...(choice.matchIndex === undefined ? {} : { matchIndex: choice.matchIndex }),
    },
    request: receivedRequest(request),
    destinations: weighted.destinations,
    steps,
  };
}

function serverStep(server: ServerRef, detail: string): Step {
  return {
    kind: 'server',
    matched: true,
    detail: `${describeServer(server)}: ${detail}`,
    resource: server.gateway.id,
    path: serverPath(server),
  };
}

/** The connection fails at this proxy (`noServer`), with the reason as the last step. */
function failed(request: ParsedRequest, steps: Step[], server: ServerRef, detail: string): Scored {
  steps.push({
    kind: 'server',
    matched: false,
    detail,
    resource: server.gateway.id,
    path: serverPath(server),
  });
  return {
    score: SCORE.failed,
    simulation: {
      outcome: 'noServer',
      status: null,
      gateway: server.gateway.id,
      server: simServer(server),
      virtualService: null,
      rule: null,
      request: receivedRequest(request),
      destinations: [],
      steps,
    },
  };
}
