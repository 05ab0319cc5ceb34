/**
 * A GRPCRoute's matches as Istio's own conversion writes them (pilot/pkg/config/kube/gateway/
 * conversion.go `convertGRPCRoute`, `createGRPCURIMatch`, `createGRPCHeadersMatch`): gRPC calls
 * are HTTP/2 requests to `/<service>/<method>`, so a method match is a match on the path, and
 * header matches are header matches. Filters and backendRefs are those of an HTTPRoute rule
 * (`actions` in `gatewayApiToIstioRules.ts`).
 */

import type { GRPCRoute, GRPCRouteMatch } from '../model/gatewayRoutes.ts';
import { grpcRouteMatch, isCatchAll } from '../simulate/gatewayApi/match.ts';
import { headerMatches, type Plain, type RuleMatch } from './gatewayApiToIstioRules.ts';

/**
 * The path a method match becomes: Exact service and method an exact path, a service alone the
 * prefix `/<service>/`, a method alone (or any RegularExpression) a regex over the path.
 */
export function grpcUri(method: GRPCRouteMatch['method']): Plain | undefined {
  if (!method || (!method.service && !method.method)) return undefined;
  const { service, method: name } = method;
  if (!name) {
    return method.type === 'RegularExpression'
      ? { regex: `/${service}/.+` }
      : { prefix: `/${service}/` };
  }
  if (!service) return { regex: `/[^/]+/${name}` };
  return method.type === 'RegularExpression'
    ? { regex: `/${service}/${name}` }
    : { exact: `/${service}/${name}` };
}

/** The Istio `match` entry of one GRPCRoute match; undefined when it asks for nothing. */
function istioGrpcMatch(m: GRPCRouteMatch): Plain | undefined {
  const out: Plain = {};
  const uri = grpcUri(m.method);
  if (uri) out.uri = uri;
  if (m.headers.length) out.headers = headerMatches(m.headers);
  return Object.keys(out).length ? out : undefined;
}

/**
 * A GRPCRoute's matches as the simulator ranks them (`routeTable.ts`): a rule none of whose
 * matches names a method or a header is one catch-all; otherwise one entry per match.
 */
export function grpcRuleMatches(route: GRPCRoute): RuleMatch[] {
  return route.rules.flatMap((rule, ruleIndex): RuleMatch[] => {
    const asks = rule.matches.some((m) => m.method !== undefined || m.headers.length > 0);
    if (!asks) {
      const variants = [{ match: undefined, slash: false }];
      return [{ ruleIndex, matchIndex: undefined, match: undefined, catchAll: true, variants }];
    }
    return rule.matches.map((m, matchIndex) => {
      const match = grpcRouteMatch(m);
      return {
        ruleIndex,
        matchIndex,
        match,
        catchAll: isCatchAll(match),
        variants: [{ match: istioGrpcMatch(m), slash: false }],
      };
    });
  });
}
