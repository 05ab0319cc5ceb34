import type { RouteMatch } from '../simulate/gatewayApi/match.ts';
import type { ServiceLookup } from './services.ts';
import type { Loss, Written } from './types.ts';

export const API = 'gateway.networking.k8s.io/v1';

export type Plain = Record<string, unknown>;

export interface ConvertedListener {
  readonly name: string;
  readonly protocol: string;
  readonly redirect: boolean;
  readonly serverIndex: number;
  /** The server's port as written (what an L4 match's `port` names). */
  readonly serverPort: number;
}

export interface Context {
  readonly lookup: ServiceLookup;
  readonly losses: Loss[];
  readonly written: Written[];
  /** `ns/name` of an Istio Gateway → its listeners as converted. */
  readonly listeners: Map<string, readonly ConvertedListener[]>;
  /** Cross-namespace backendRefs: `to-ns` → `from-ns` → Service names. */
  readonly grants: Map<string, Map<string, { names: Set<string>; kinds: Set<string> }>>;
  /** The port clients reach a server of a Gateway on. */
  readonly clientPort: (gateway: string, serverPort: number) => number;
  /** Whether the input holds any Service (a missing one is then really missing). */
  readonly hasServices: boolean;
  /** HTTPRoutes Istio would reject as a whole (a backendRef without a port), by source id. */
  readonly rejected: Set<string>;
  /** Per-version Services already written. */
  readonly versions: Set<string>;
  /** Per gateway and host, the rules Envoy gets, in the order Istio merges them (workspace order). */
  readonly vhosts: Map<string, RankedRule[]>;
}

export interface RankedRule {
  readonly id: string;
  readonly index: number;
  readonly matches: readonly RouteMatch[];
}

export function lose(ctx: Context, resource: string, path: string, message: string): void {
  ctx.losses.push({ resource, path, message });
}
