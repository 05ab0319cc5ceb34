/**
 * TLSRoute and TCPRoute on a listener: Envoy proxies the bytes, so only the connection decides.
 * A TLS Passthrough listener picks the TLSRoute by SNI (its hostnames ∩ the listener's, the most
 * specific name first: conversion.go `buildTLSMatch`, `constrainTLSRoutesToListenerHost`); a TCP
 * listener (or TLS terminated at the gateway) sends the connection to the first TCPRoute, the
 * oldest, as Envoy's one tcp_proxy per filter chain can hold one route. The first rule's
 * backendRefs share the connections by weight.
 */

import type { L4RouteRule, RouteKind } from '../../model/gatewayRoutes.ts';
import { mostSpecificHost } from '../../model/hosts.ts';
import type { IndexedRoute } from '../../workspace/gatewayApiIndex.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { weightedBackends } from './backends.ts';
import {
  base,
  describeListener,
  type FlowContext,
  failed,
  type IndexedListener,
  listenerStep,
} from './listenerSteps.ts';
import { olderFirst } from './routeTable.ts';

export function l4Route(
  ctx: FlowContext,
  listener: IndexedListener,
  kind: Extract<RouteKind, 'TLSRoute' | 'TCPRoute'>,
  bySni = false,
): Scored {
  const { request, steps } = ctx;
  const attached = ctx.api
    .routesOn(ctx.gw.indexed.gateway, listener.index)
    .filter(({ route }) => route.route.kind === kind)
    .sort((a, b) => olderFirst(a.route.route, b.route.route));
  if (!bySni)
    steps.push(
      listenerStep(ctx, listener, `${listener.listener.protocol}: bytes are proxied by a ${kind}`),
    );
  let chosen: IndexedRoute | undefined;
  let sniScore: number = SCORE.any;
  if (bySni) {
    const names = new Map<string, IndexedRoute>();
    for (const { route, attachment } of attached)
      for (const name of attachment.accepted.find((a) => a.index === listener.index)?.hostnames ??
        [])
        if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), route);
    const name = mostSpecificHost(request.sni, names.keys());
    chosen = name === undefined ? undefined : names.get(name);
    if (name !== undefined)
      sniScore =
        (name === '*' ? SCORE.any : name.startsWith('*') ? SCORE.wildcard : SCORE.exact) +
        name.length;
  } else chosen = attached[0]?.route;
  if (!chosen)
    return failed(
      ctx,
      listener,
      `${describeListener(listener)} has no ${kind} attached${bySni ? ` for SNI ${request.sni}` : ''}: the connection fails`,
    );
  const object = chosen.route;
  const rule = object.kind === kind ? (object.rules[0] as L4RouteRule | undefined) : undefined;
  const routeId = chosen.entry.id;
  const path = ['spec', 'rules', 0];
  steps.push({
    kind: 'rule',
    matched: rule !== undefined,
    index: 0,
    detail: `${routeId} rules[0]${bySni ? ` takes SNI ${request.sni}` : ` takes the connection on port ${listener.listener.port}`}`,
    resource: routeId,
    path,
  });
  const backends = weightedBackends(
    ctx.api,
    {
      catalog: ctx.index.catalog,
      rules: ctx.index.destinationRules,
      proxy: ctx.gw.proxy,
      listenerPort: listener.listener.port ?? request.port,
    },
    rule?.backendRefs ?? [],
    { kind, namespace: object.metadata.namespace },
    { resource: routeId, path },
  );
  steps.push(...backends.steps);
  return {
    score: bySni ? sniScore : SCORE.any,
    simulation: {
      ...base(ctx, listener),
      outcome: 'route',
      status: null,
      virtualService: null,
      httpRoute: routeId,
      rule: { index: 0, name: rule?.name ?? null, section: 'rules' },
      destinations: backends.destinations,
      steps,
    },
  };
}
