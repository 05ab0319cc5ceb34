/**
 * Listeners of one Gateway that cannot both be programmed, as the listener's `Conflicted`
 * condition would say. Follows Istio's `ComputeGatewayListenerConflicts`
 * (pilot/pkg/config/kube/gatewaycommon/listener_conflict.go) and the spec's listener
 * distinctness (apis/v1/gateway_types.go): in order, a listener that is not distinct from an
 * earlier listener that won is conflicted, and frees its slot. Same port: TCP/UDP against
 * anything is a conflict (ProtocolConflict); two of HTTP, HTTPS and TLS conflict when their
 * hostnames are the same (unset counts as `*`), as ProtocolConflict when their protocols differ,
 * else HostnameConflict. Listeners that repeat port, protocol and hostname exactly are refused
 * by the API server instead (`gwapi-cel-listener-unique`) and are not reported here.
 */
import type { Listener } from '../../model/gatewayApi.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

export type ConflictReason = 'ProtocolConflict' | 'HostnameConflict';

export interface ListenerConflict {
  /** The listener that loses, and the earlier one it loses to. */
  readonly index: number;
  readonly winner: number;
  readonly reason: ConflictReason;
}

export function* checkListenerConflicts(context: CheckContext): Iterable<Finding> {
  for (const { entry, gateway } of gatewayApiIndex(context.workspace).gateways)
    for (const conflict of listenerConflicts(gateway.listeners)) {
      const loser = gateway.listeners[conflict.index] as Listener;
      const winner = gateway.listeners[conflict.winner] as Listener;
      if (sameCombination(loser, winner)) continue;
      const why =
        conflict.reason === 'ProtocolConflict'
          ? `protocol ${loser.protocol} cannot share port ${loser.port} with ${winner.protocol}${isL4(loser.protocol) || isL4(winner.protocol) ? '' : ` for the same hostname ${hostOf(loser)}`}`
          : `hostname ${hostOf(loser)} is already served on port ${loser.port}`;
      yield {
        code: 'gwapi-listener-conflict',
        severity: 'error',
        message: `Listener "${loser.name}" conflicts with listener "${winner.name}" (${conflict.reason}): ${why}; Istio programs only the first. Give it another port or hostname`,
        resource: entry.id,
        at: entryAddress(entry),
        path: ['spec', 'listeners', conflict.index, 'port'],
      };
    }
}

/** Each listener that loses to an earlier, accepted one, in listener order. */
export function listenerConflicts(listeners: readonly Listener[]): ListenerConflict[] {
  const accepted: number[] = [];
  const out: ListenerConflict[] = [];
  listeners.forEach((listener, index) => {
    const winner = accepted.find((prior) => !distinct(listener, listeners[prior] as Listener));
    if (winner === undefined) accepted.push(index);
    else out.push({ index, winner, reason: reasonFor(listener, listeners[winner] as Listener) });
  });
  return out;
}

const isL4 = (protocol: string) => protocol === 'TCP' || protocol === 'UDP';
const isHttpLike = (protocol: string) =>
  protocol === 'HTTP' || protocol === 'HTTPS' || protocol === 'TLS';
const hostOf = (listener: Listener) => listener.hostname || '*';

function distinct(a: Listener, b: Listener): boolean {
  if (a.port !== b.port) return true;
  if ((isL4(a.protocol) && isHttpLike(b.protocol)) || (isHttpLike(a.protocol) && isL4(b.protocol)))
    return false;
  if (isL4(a.protocol) && isL4(b.protocol)) return false;
  if (isHttpLike(a.protocol) && isHttpLike(b.protocol)) return hostOf(a) !== hostOf(b);
  return a.protocol !== b.protocol;
}

function reasonFor(a: Listener, b: Listener): ConflictReason {
  if (isL4(a.protocol) && isL4(b.protocol)) return 'ProtocolConflict';
  return a.protocol !== b.protocol ? 'ProtocolConflict' : 'HostnameConflict';
}

/** Same port, protocol and hostname: the CRD's own rule refuses the Gateway. */
export function sameCombination(a: Listener, b: Listener): boolean {
  return a.port === b.port && a.protocol === b.protocol && a.hostname === b.hostname;
}
