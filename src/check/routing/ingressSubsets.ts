import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/**
 * IST0140, from `DestinationHostAnalyzer.analyzeSubset` (pkg/config/analysis/analyzers/
 * virtualservice/destinationhosts.go). Another VirtualService that defines host X routes X to
 * subsets; a VirtualService bound to gateways routes to X without a subset. Traffic through
 * the gateway then goes to all of X's endpoints: VirtualServices do not chain, so the subset
 * rules of the other one never apply to it.
 *
 * As in Istio, hosts are compared as written (`reviews` and its FQDN differ), only http rules
 * count, "bound to gateways" is any non-empty `gateways`, and there is one message per subset
 * destination of the other VirtualService.
 */
export function* checkIngressSubsets(context: CheckContext): Iterable<Finding> {
  const entries = virtualServiceEntries(context);
  // initVirtualServiceDestinations: subset destinations whose host is one of the VS's own hosts.
  const subsetRoutes = new Map<string, { vs: string; subset: string }[]>();
  for (const { vs } of entries) {
    for (const rule of vs.http) {
      for (const rd of rule.route) {
        const d = rd.destination;
        if (!d?.subset) continue;
        for (const host of vs.hosts) {
          if (host !== d.host) continue;
          const name = `${vs.metadata.namespace}/${vs.metadata.name}`;
          const list = subsetRoutes.get(host);
          if (list) list.push({ vs: name, subset: d.subset });
          else subsetRoutes.set(host, [{ vs: name, subset: d.subset }]);
        }
      }
    }
  }
  if (subsetRoutes.size === 0) return;
  for (const { entry, vs } of entries) {
    if (!vs.gateways || vs.gateways.length === 0) continue;
    for (const [r, rule] of vs.http.entries()) {
      for (const [d, rd] of rule.route.entries()) {
        const destination = rd.destination;
        if (!destination || destination.subset) continue;
        for (const other of subsetRoutes.get(destination.host) ?? []) {
          yield {
            code: 'vs-ingress-subset-ignored',
            severity: 'warning',
            message: `Subset ${other.subset} in VirtualService ${other.vs} has no effect on the requests this VirtualService routes from its gateways: http[${r}].route[${d}] sends them to ${destination.host} without a subset, and one VirtualService's rules never pass through another's; name the subset here`,
            resource: entry.id,
            at: addressOf(entry),
            path: ['spec', 'http', r, 'route', d, 'destination'],
            istio: 'IST0140',
          };
        }
      }
    }
  }
}
