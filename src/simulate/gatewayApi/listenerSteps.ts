/**
 * What every Gateway API trace says about its listener: the context a flow carries, the
 * listener's place in the manifest, its step, and the answer when the connection fails there.
 */
import type { Listener } from '../../model/gatewayApi.ts';
import type { GatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { SCORE, type Scored } from '../httpFlow.ts';
import { type ParsedRequest, receivedRequest } from '../request.ts';
import type { SimulationIndex } from '../simulationIndex.ts';
import type { SimListener, Simulation, Step } from '../types.ts';
import type { K8sGatewayProxy } from './proxies.ts';
import type { ListenerBase } from './ruleAction.ts';

export interface IndexedListener {
  readonly index: number;
  readonly listener: Listener;
}

export interface FlowContext {
  readonly index: SimulationIndex;
  readonly api: GatewayApiIndex;
  readonly gw: K8sGatewayProxy;
  readonly request: ParsedRequest;
  readonly steps: Step[];
}

export function simListener(l: IndexedListener): SimListener {
  return {
    name: l.listener.name,
    port: l.listener.port ?? 0,
    protocol: l.listener.protocol,
    hostname: l.listener.hostname ?? null,
    index: l.index,
  };
}

export function base(ctx: FlowContext, listener: IndexedListener | undefined): ListenerBase {
  return {
    gateway: ctx.gw.id,
    server: null,
    ...(listener ? { listener: simListener(listener) } : {}),
    request: receivedRequest(ctx.request),
  };
}

export function unrouted(
  ctx: FlowContext,
  listener: IndexedListener | undefined,
): Omit<Simulation, 'outcome' | 'status'> {
  return {
    ...base(ctx, listener),
    virtualService: null,
    rule: null,
    destinations: [],
    steps: ctx.steps,
  };
}

export function listenerPath(l: IndexedListener): readonly (string | number)[] {
  return ['spec', 'listeners', l.index];
}

export function describeListener(l: IndexedListener): string {
  return `listener ${l.listener.name} (${l.listener.protocol} ${l.listener.port}${l.listener.hostname ? ` ${l.listener.hostname}` : ''})`;
}

export function listenerStep(ctx: FlowContext, l: IndexedListener, why: string): Step {
  return {
    kind: 'server',
    matched: true,
    detail: `${ctx.gw.id} ${describeListener(l)}: ${why}`,
    resource: ctx.gw.id,
    path: listenerPath(l),
  };
}

/** The connection fails at this proxy (`noServer`), with the reason as the last step. */
export function failed(ctx: FlowContext, l: IndexedListener, detail: string): Scored {
  ctx.steps.push({
    kind: 'server',
    matched: false,
    detail,
    resource: ctx.gw.id,
    path: listenerPath(l),
  });
  return {
    score: SCORE.failed,
    simulation: { ...unrouted(ctx, l), outcome: 'noServer', status: null },
  };
}
