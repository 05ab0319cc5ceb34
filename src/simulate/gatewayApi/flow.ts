import { listenPort } from '../../model/gatewayPorts.ts';
import { mostSpecificHost } from '../../model/hosts.ts';
import { mostSpecificListener } from '../../model/routeAttachment.ts';
import type { GatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { loadBalancerHop } from '../listener.ts';
import { hostOf, type ParsedRequest, queryParams } from '../request.ts';
import type { SimulationIndex } from '../simulationIndex.ts';
import type { Step } from '../types.ts';
import { l4Route } from './l4.ts';
import {
  base,
  describeListener,
  type FlowContext,
  failed,
  type IndexedListener,
  listenerPath,
  listenerStep,
  unrouted,
} from './listenerSteps.ts';
import { evaluateRouteMatch } from './match.ts';
import type { K8sGatewayProxy } from './proxies.ts';
import { listenerTable, rulePath } from './routeTable.ts';
import { applyRule } from './ruleAction.ts';

/** The request at one Gateway API proxy; undefined when nothing of it listens on the port. */
export function onK8sGateway(
  index: SimulationIndex,
  api: GatewayApiIndex,
  gw: K8sGatewayProxy,
  request: ParsedRequest,
): Scored | undefined {
  const hop = loadBalancerHop(gw.proxy, request.port);
  if (!hop) return undefined;
  const listening = listenersOn(gw, hop.podPort);
  if (listening.length === 0) return undefined;
  const steps: Step[] = [
    hop.step,
    {
      kind: 'gateway',
      detail: `gateway pods ${gw.proxy.label} in ${gw.proxy.namespace}, configured by ${gw.id}`,
      resource: gw.id,
    },
  ];
  const ctx = { index, api, gw, request, steps };
  const tls = listening.filter(
    (l) => l.listener.protocol === 'HTTPS' || l.listener.protocol === 'TLS',
  );
  const plain = listening.filter(
    (l) => l.listener.protocol === 'HTTP' || l.listener.protocol === 'TCP',
  );
  if (request.scheme === 'http') {
    const http = plain.filter((l) => l.listener.protocol === 'HTTP');
    if (http.length > 0) return httpListener(ctx, http, false);
    const tcp = plain[0];
    if (tcp) return l4Route(ctx, tcp, 'TCPRoute');
    const first = tls[0];
    if (first)
      return failed(
        ctx,
        first,
        `port ${request.port} serves TLS only: a plain-text request fails the handshake`,
      );
    return unsupported(ctx, listening[0] as IndexedListener);
  }
  if (tls.length === 0) {
    const tcp = plain.find((l) => l.listener.protocol === 'TCP');
    if (tcp) return l4Route(ctx, tcp, 'TCPRoute');
    const first = plain[0];
    if (first)
      return failed(
        ctx,
        first,
        `${describeListener(first)} serves plain text: the TLS handshake fails`,
      );
    return unsupported(ctx, listening[0] as IndexedListener);
  }
  const chosen = mostSpecificListener(tls, request.sni);
  if (!chosen) {
    const names = tls.map((l) => l.listener.hostname ?? '*').join(', ');
    return failed(
      ctx,
      tls[0] as IndexedListener,
      `no listener on port ${request.port} takes SNI ${request.sni} (hostnames: ${names}): the connection fails`,
    );
  }
  const how = chosen.listener.hostname
    ? chosen.listener.hostname.toLowerCase() === request.sni
      ? SCORE.exact
      : SCORE.wildcard
    : SCORE.any;
  const score = how + (chosen.listener.hostname?.length ?? 0);
  steps.push(listenerStep(ctx, chosen, `SNI ${request.sni} picks it`));
  if (chosen.listener.protocol === 'HTTPS') {
    if (!chosen.listener.tls)
      return failed(
        ctx,
        chosen,
        `${describeListener(chosen)} is HTTPS without tls: Istio builds no server for it`,
      );
    return { ...routeOnListener(ctx, chosen, true), score };
  }
  const mode = chosen.listener.tls?.mode ?? 'Terminate';
  return {
    ...l4Route(
      ctx,
      chosen,
      mode === 'Passthrough' ? 'TLSRoute' : 'TCPRoute',
      mode === 'Passthrough',
    ),
    score,
  };
}

/** Only listeners of a protocol Istio does not serve (UDP, another implementation's): no server. */
function unsupported(ctx: FlowContext, l: IndexedListener): Scored {
  return failed(
    ctx,
    l,
    `${describeListener(l)}: Istio serves no ${l.listener.protocol || 'unnamed'} protocol on a gateway, so nothing listens`,
  );
}

/** Listeners whose port the Service carries to `podPort` (the generated Service: the same port). */
export function listenersOn(gw: K8sGatewayProxy, podPort: number): IndexedListener[] {
  const out: IndexedListener[] = [];
  gw.indexed.gateway.listeners.forEach((listener, index) => {
    if (listener.port === undefined) return;
    if (listenPort(listener.port, gw.proxy.ports) === podPort) out.push({ index, listener });
  });
  return out;
}

/** Plain-text HTTP: the listener with the most specific hostname for the request's host. */
function httpListener(ctx: FlowContext, http: readonly IndexedListener[], isTls: boolean): Scored {
  const host = hostOf(ctx.request.authority);
  const chosen = mostSpecificListener(http, host);
  if (!chosen) {
    const first = http[0] as IndexedListener;
    ctx.steps.push({
      kind: 'server',
      matched: false,
      detail: `no HTTP listener on port ${first.listener.port} takes host ${host} (hostnames: ${http.map((l) => l.listener.hostname ?? '*').join(', ')}): 404 (NR)`,
      resource: ctx.gw.id,
      path: listenerPath(first),
    });
    return {
      score: SCORE.none,
      simulation: { ...unrouted(ctx, undefined), outcome: 'noRoute', status: 404 },
    };
  }
  ctx.steps.push(
    listenerStep(
      ctx,
      chosen,
      chosen.listener.hostname
        ? `hostname ${chosen.listener.hostname} is the most specific for ${host}`
        : `no hostname: takes any host`,
    ),
  );
  return routeOnListener(ctx, chosen, isTls);
}

/** The virtual host for the request's host among the listener's routes, then the first rule that matches. */
function routeOnListener(ctx: FlowContext, chosen: IndexedListener, isTls: boolean): Scored {
  const { request, steps, gw } = ctx;
  const host = hostOf(request.authority);
  const table = listenerTable(ctx.api, gw.indexed.gateway, chosen.index);
  for (const { route, reason } of table.rejected)
    steps.push({
      kind: 'virtualService',
      matched: false,
      detail: `${route.entry.id}: ${reason}`,
      resource: route.entry.id,
      path: ['spec', 'rules'],
    });
  const domain = mostSpecificHost(host, table.vhosts.keys());
  const vhost = domain === undefined ? undefined : table.vhosts.get(domain);
  if (!vhost) {
    const domains = [...table.vhosts.keys()];
    steps.push({
      kind: 'virtualHost',
      matched: false,
      detail:
        domains.length === 0
          ? `no HTTPRoute is attached to ${describeListener(chosen)}: 404 (NR)`
          : `no attached route serves host ${host} (hostnames: ${domains.join(', ')}): 404 (NR)`,
      resource: gw.id,
      path: listenerPath(chosen),
    });
    return {
      score: SCORE.none,
      simulation: { ...unrouted(ctx, chosen), outcome: 'noRoute', status: 404 },
    };
  }
  const rank = !vhost.domain.startsWith('*')
    ? SCORE.exact
    : vhost.domain === '*'
      ? SCORE.any
      : SCORE.wildcard;
  const score = rank + vhost.domain.length;
  const routes = [...new Set(vhost.rules.map((r) => r.route.entry.id))];
  steps.push({
    kind: 'virtualHost',
    matched: true,
    detail: `hostname ${vhost.domain} for ${host}: ${vhost.rules.length} matches of ${routes.join(', ')}, in precedence order`,
    resource: gw.id,
    path: listenerPath(chosen),
  });
  const input = {
    path: request.path,
    method: request.method,
    headers: request.headers,
    query: queryParams(request.query),
  };
  for (const rule of vhost.rules) {
    const verdict = evaluateRouteMatch(rule.match, input);
    const label = `${rule.route.entry.id} rules[${rule.ruleIndex}]${rule.matchIndex === undefined ? '' : ` match ${rule.matchIndex}`}`;
    steps.push({
      kind: 'rule',
      matched: verdict.matched,
      detail: `${label}: ${verdict.detail}`,
      index: rule.ruleIndex,
      resource: rule.route.entry.id,
      path: rulePath(rule),
    });
    if (verdict.matched)
      return {
        score,
        simulation: applyRule(
          {
            api: ctx.api,
            dctx: {
              catalog: ctx.index.catalog,
              rules: ctx.index.destinationRules,
              proxy: gw.proxy,
              listenerPort: chosen.listener.port ?? request.port,
            },
            request,
            isTls,
            listenerPort: chosen.listener.port ?? request.port,
            steps,
          },
          rule,
          base(ctx, chosen),
        ),
      };
  }
  steps.push({ kind: 'note', detail: `no rule for ${vhost.domain} matches: 404 (NR)` });
  return { score, simulation: { ...unrouted(ctx, chosen), outcome: 'noRoute', status: 404 } };
}

/** Why a Gateway API proxy does not take a connection to the load balancer's `port`. */
export function whyNoListener(gw: K8sGatewayProxy, port: number): string {
  const hop = loadBalancerHop(gw.proxy, port);
  const ports = gw.indexed.gateway.listeners.map((l) => l.port).filter((p) => p !== undefined);
  if (!hop)
    return `the load balancer of ${gw.id} has no port ${port} (listener ports: ${ports.join(', ') || 'none'}): the connection fails`;
  return `no listener of ${gw.id} is on port ${hop.podPort === port ? port : `${port} → ${hop.podPort}`} (listener ports: ${ports.join(', ') || 'none'}): the connection fails`;
}
