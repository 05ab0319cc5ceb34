import type { Gateway } from '../../model/gateway.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { isModelled } from '../../model/kinds.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';

/** What a `gateways` entry of a VirtualService can name. */
export type GatewayTarget =
  | { readonly kind: 'istio'; readonly entry: Entry; readonly gateway: Gateway }
  /** A Kubernetes Gateway API `Gateway`: its listener hostnames, `undefined` for "any host". */
  | {
      readonly kind: 'kubernetes';
      readonly entry: Entry;
      readonly hostnames: readonly (string | undefined)[] | undefined;
    }
  /** A `Gateway` of an API version the designer does not read: it exists, nothing more is known. */
  | { readonly kind: 'unknown'; readonly entry: Entry };

const cache = new WeakMap<CheckContext, ReadonlyMap<string, GatewayTarget>>();

/**
 * Gateways by `namespace/name`. An Istio Gateway wins over a Kubernetes one of the same name, as
 * in `GatewayAnalyzer` (pkg/config/analysis/analyzers/virtualservice/gateways.go), which looks
 * for the Istio kind first.
 */
export function gatewayLookup(context: CheckContext): ReadonlyMap<string, GatewayTarget> {
  const cached = cache.get(context);
  if (cached) return cached;
  const out = new Map<string, GatewayTarget>();
  // Istio's Gateway and the Gateway API's have different kinds (and ids) in the designer.
  for (const entry of [...context.entriesOf('Gateway'), ...context.entriesOf(K8S_GATEWAY)]) {
    const key = `${entry.object.metadata.namespace}/${entry.object.metadata.name}`;
    const target = readTarget(entry);
    const existing = out.get(key);
    if (!existing || (existing.kind !== 'istio' && target.kind === 'istio')) out.set(key, target);
  }
  cache.set(context, out);
  return out;
}

function readTarget(entry: Entry): GatewayTarget {
  const object = entry.object;
  if (isModelled(object) && object.kind === 'Gateway') {
    return { kind: 'istio', entry, gateway: object };
  }
  if (isModelled(object) && object.kind === K8S_GATEWAY) {
    return {
      kind: 'kubernetes',
      entry,
      hostnames: object.listeners.map((l) => l.hostname || undefined),
    };
  }
  return { kind: 'unknown', entry };
}
