import { resolveHost } from '../../model/hosts.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/**
 * Kiali's `RouteChecker` (business/checkers/virtualservices/route_checker.go), for every http,
 * tcp and tls rule:
 * - KIA1104: the rule has one destination and its weight is between 1 and 99. Istio sends all
 *   traffic to a lone destination whatever its weight (virtual_service.proto
 *   `HTTPRouteDestination.weight`), so the number misleads; the fix removes it.
 * - KIA1105: the same host (resolved in the VirtualService's namespace) and subset appear more
 *   than once in one rule's route; each occurrence is reported. Kiali skips a rule with a
 *   destination missing, and so does this check.
 */
export function* checkKialiRoutes(context: CheckContext): Iterable<Finding> {
  for (const { entry, vs } of virtualServiceEntries(context)) {
    const base = { resource: entry.id, at: addressOf(entry) };
    for (const section of ['http', 'tcp', 'tls'] as const) {
      for (const [r, rule] of vs[section].entries()) {
        const lone = rule.route.length === 1 ? rule.route[0] : undefined;
        const weight = lone?.weight;
        if (weight !== undefined && weight > 0 && weight < 100) {
          const path = ['spec', section, r, 'route', 0, 'weight'];
          yield {
            ...base,
            code: 'vs-single-destination-weight',
            severity: 'warning',
            message: `The only destination of ${section}[${r}] receives all traffic: its weight ${weight} is taken as 100; remove the weight, or add the destination that should take the rest`,
            path,
            kiali: 'KIA1104',
            fixes: [
              {
                title: 'Remove the weight',
                command: { type: 'deleteValue', target: entry.id, path },
              },
            ],
          };
        }
        if (rule.route.some((rd) => !rd.destination)) continue;
        const seen = new Map<string, number[]>();
        rule.route.forEach((rd, d) => {
          const destination = rd.destination;
          if (!destination) return;
          const key = `${resolveHost(destination.host, vs.metadata.namespace)}\u0000${destination.subset ?? ''}`;
          const list = seen.get(key);
          if (list) list.push(d);
          else seen.set(key, [d]);
        });
        for (const indexes of seen.values()) {
          if (indexes.length < 2) continue;
          for (const d of indexes) {
            const destination = rule.route[d]?.destination;
            if (!destination) continue;
            const subset = destination.subset ? ` subset ${destination.subset}` : ' (no subset)';
            yield {
              ...base,
              code: 'vs-repeated-destination',
              severity: 'warning',
              message: `${destination.host}${subset} appears ${indexes.length} times in the route of ${section}[${r}]; merge them into one destination with the sum of their weights`,
              path: ['spec', section, r, 'route', d, 'destination', 'host'],
              kiali: 'KIA1105',
            };
          }
        }
      }
    }
  }
}
