import { formatLabels, selects } from '../model/labels.ts';
import type { FlatMatch, FlatRule } from './delegate.ts';
import type { GatewayProxy } from './gatewayProxies.ts';
import { countedHeaderKeys } from './matchRequest.ts';

/**
 * One Envoy route Istio builds from a rule and one of its match blocks, or the reason it builds
 * none (kept so the trace can say why a rule never applies at this gateway).
 */
export interface BuiltRoute {
  readonly flat: FlatRule;
  /** Index into `flat.matches`; absent for a rule without matches. */
  readonly matchIndex?: number;
  readonly match?: FlatMatch;
  readonly catchAll: boolean;
  readonly skipped?: string;
}

/**
 * `BuildHTTPRoutesForVirtualService` (route/route.go) for one VirtualService at one gateway and
 * listener port: one route per match block, in order; a match whose `port` is not the listener
 * port, or whose `gateways` do not name this gateway, or whose `sourceLabels`/`sourceNamespace`
 * do not fit the gateway proxy, gives no route (`TranslateRoute`, `sourceMatchHTTP`). After a
 * catch-all route (a rule without match, or `prefix: /` / `regex: .*` with nothing else) the
 * VirtualService's later rules are not built: nothing can reach them.
 */
export function buildHttpRoutes(
  rules: readonly FlatRule[],
  gateway: string,
  listenerPort: number,
  proxy: GatewayProxy,
): BuiltRoute[] {
  const out: BuiltRoute[] = [];
  let catchAllAt: string | undefined;
  for (const flat of rules) {
    if (catchAllAt !== undefined) {
      out.push({
        flat,
        catchAll: false,
        skipped: `never built: ${catchAllAt} catches every request before it`,
      });
      continue;
    }
    if (flat.matches.length === 0) {
      out.push({ flat, catchAll: true });
      catchAllAt = `rule ${flat.index} (no match)`;
      continue;
    }
    for (let m = 0; m < flat.matches.length; m++) {
      const match = flat.matches[m] as FlatMatch;
      const skipped = unbuiltReason(match, gateway, listenerPort, proxy);
      if (skipped !== undefined) {
        out.push({ flat, matchIndex: m, match, catchAll: false, skipped });
        continue;
      }
      const catchAll = isCatchAll(match);
      out.push({ flat, matchIndex: m, match, catchAll });
      if (catchAll) {
        catchAllAt = `rule ${flat.index} match ${m}`;
        break;
      }
    }
  }
  return out;
}

function unbuiltReason(
  { match }: FlatMatch,
  gateway: string,
  listenerPort: number,
  proxy: GatewayProxy,
): string | undefined {
  if (match.port && match.port !== listenerPort)
    return `match port ${match.port} is not the listener port ${listenerPort}`;
  const gateways = match.gateways ?? [];
  if (gateways.length > 0)
    return gateways.includes(gateway)
      ? undefined
      : `match gateways [${gateways.join(', ')}] do not include ${gateway}`;
  if (match.sourceLabels && !selects(match.sourceLabels, proxy.labels))
    return `sourceLabels ${formatLabels(match.sourceLabels)} do not select the gateway pods (${formatLabels(proxy.labels)})`;
  if (match.sourceNamespace && match.sourceNamespace !== proxy.namespace)
    return `sourceNamespace ${match.sourceNamespace} is not the gateway proxy's namespace ${proxy.namespace}`;
  return undefined;
}

/**
 * `IsCatchAllRoute`: path `prefix: /` (also Istio's default when `uri` is absent) or
 * `regex: .*`, and no header, pseudo-header (`method`, `authority`, `scheme`) or query condition.
 */
export function isCatchAll({ match }: FlatMatch): boolean {
  const uri = match.uri;
  const pathCatchesAll =
    uri === undefined ||
    (uri.exact === undefined && uri.prefix === undefined && uri.regex === undefined) ||
    (uri.exact === undefined && uri.prefix === '/') ||
    (uri.exact === undefined && uri.prefix === undefined && uri.regex === '.*');
  return (
    pathCatchesAll &&
    countedHeaderKeys(match.headers) === 0 &&
    countedHeaderKeys(match.withoutHeaders) === 0 &&
    match.method === undefined &&
    match.authority === undefined &&
    match.scheme === undefined &&
    Object.keys(match.queryParams ?? {}).length === 0
  );
}
