import { MESH, resolveGatewayName } from '../../model/gatewayNames.ts';
import type { HttpMatch } from '../../model/match.ts';
import type { HttpRoute } from '../../model/virtualService.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import {
  addressOf,
  type VirtualServiceEntry,
  virtualServiceEntries,
} from './virtualServiceEntries.ts';

/**
 * Kiali's KIA1106 ("More than one Virtual Service for same host", business/checkers/
 * virtualservices/single_host_checker.go) flags every pair of VirtualServices with a host on the
 * same gateway. For a Gateway that is legitimate: Istio merges their http rules into one virtual
 * host (`buildGatewayRoutes`, pilot/pkg/networking/core/gateway.go), in creation order, and moves
 * catch-all rules to the end (`SortVHostRoutes`). So the designer reports only what goes wrong in
 * that merge: two or more of the VirtualServices end in a catch-all rule. Only the first one
 * created is ever used, and a file does not say which that is. (For the mesh, KIA1106 rides on
 * IST0109.)
 */
export function* checkGatewayCatchAlls(context: CheckContext): Iterable<Finding> {
  const groups = new Map<string, { item: VirtualServiceEntry; rule: number }[]>();
  for (const item of virtualServiceEntries(context)) {
    const { vs } = item;
    const rule = vs.http.findIndex(isCatchAllRule);
    if (rule === -1) continue;
    const gateways = new Set(
      (vs.gateways ?? [])
        .filter((g) => g !== MESH)
        .map((g) => resolveGatewayName(g, vs.metadata.namespace)),
    );
    for (const gateway of gateways) {
      for (const host of new Set(vs.hosts)) {
        const key = `${gateway} ${host}`;
        const list = groups.get(key);
        if (list) list.push({ item, rule });
        else groups.set(key, [{ item, rule }]);
      }
    }
  }
  const reported = new Set<string>();
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const [gateway, host] = key.split(' ') as [string, string];
    for (const { item, rule } of list) {
      if (reported.has(item.entry.id)) continue;
      reported.add(item.entry.id);
      const others = list
        .filter((o) => o.item !== item)
        .map((o) => `${o.item.vs.metadata.namespace}/${o.item.vs.metadata.name}`);
      yield {
        code: 'vs-gateway-host-catch-all-conflict',
        severity: 'warning',
        message: `Host ${host} on Gateway ${gateway} is also routed by VirtualService ${others.join(', ')}, which also ends in a catch-all rule; Istio merges the VirtualServices of a gateway host in creation order, so only one catch-all will ever be used: keep a single catch-all or merge the VirtualServices`,
        resource: item.entry.id,
        at: addressOf(item.entry),
        path: ['spec', 'http', rule],
        kiali: 'KIA1106',
      };
    }
  }
}

/**
 * Istio's `IsCatchAllRoute`: no match, or a match on every path and nothing else. A rule with no
 * action at all is a malformed one (the model reads those as empty): not counted.
 */
function isCatchAllRule(rule: HttpRoute): boolean {
  const acts = rule.route.length > 0 || rule.redirect || rule.directResponse || rule.delegate;
  return Boolean(acts) && (rule.match.length === 0 || rule.match.some(isCatchAllMatch));
}

function isCatchAllMatch(match: HttpMatch): boolean {
  const uri = match.uri;
  const everyPath = uri !== undefined && (uri.prefix === '/' || uri.regex === '.*');
  return (
    everyPath &&
    !match.scheme &&
    !match.method &&
    !match.authority &&
    isEmpty(match.headers) &&
    isEmpty(match.withoutHeaders) &&
    isEmpty(match.queryParams) &&
    isEmpty(match.sourceLabels) &&
    (match.gateways?.length ?? 0) === 0 &&
    !match.port &&
    !match.sourceNamespace
  );
}

function isEmpty(map: Readonly<Record<string, unknown>> | undefined): boolean {
  return !map || Object.keys(map).length === 0;
}
