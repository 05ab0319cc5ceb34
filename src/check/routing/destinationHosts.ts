import type { VirtualService } from '../../model/virtualService.ts';
import type { CheckContext } from '../context.ts';
import type { Finding, QuickFix } from '../finding.ts';
import {
  type DestinationRef,
  describePlace,
  mirrorDestinations,
  routeDestinations,
} from './destinations.ts';
import { hostRegistry, type KnownHost, lookupHost } from './hostRegistry.ts';
import { analyzerFqdn } from './istioHosts.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/**
 * Istio's `DestinationHostAnalyzer` (pkg/config/analysis/analyzers/virtualservice/
 * destinationhosts.go), for every route and mirror destination:
 * - no Service or ServiceEntry for the host, as seen from the VirtualService → IST0101
 *   "host" / "mirror host" (Kiali's KIA1101 for route destinations);
 * - no port given and the Service or ServiceEntry has more than one → IST0112;
 * - a port the Service or ServiceEntry does not have → IST0101 "host:port".
 */
export function* checkDestinationHosts(context: CheckContext): Iterable<Finding> {
  const registry = hostRegistry(context);
  // The same hosts are routed to from many rules: look each up once per namespace and exportTo.
  const memo = new Map<string, KnownHost | undefined>();
  for (const { entry, vs } of virtualServiceEntries(context)) {
    const namespace = vs.metadata.namespace;
    const scope = `${namespace}|${vs.exportTo?.join(',') ?? ''}|`;
    yield* hostlessDestinations(vs, entry);
    for (const ref of [...routeDestinations(vs), ...mirrorDestinations(vs)]) {
      const host = ref.destination.host;
      // Reported above, as Istio's analyzer does besides the schema error.
      if (host === '') continue;
      const key = scope + host;
      let known = memo.get(key);
      if (known === undefined && !memo.has(key)) {
        known = lookupHost(registry, namespace, vs.exportTo, host);
        memo.set(key, known);
      }
      const base = { resource: entry.id, at: addressOf(entry) };
      if (!known) {
        const fqdn = analyzerFqdn(namespace, host);
        yield {
          ...base,
          code: ref.mirror ? 'vs-mirror-host-not-found' : 'vs-destination-host-not-found',
          severity: 'error',
          message: `Referenced ${ref.mirror ? 'mirror host' : 'host'} not found: "${host}" (${describePlace(ref)}): no Service or ServiceEntry ${fqdn === host ? host : `for ${fqdn}`} is visible from namespace ${namespace}; create it or correct the host`,
          path: [...ref.path, 'host'],
          istio: 'IST0101',
          ...(ref.mirror ? {} : { kiali: 'KIA1101' }),
          missing: 'Service',
        };
        continue;
      }
      yield* checkPort(ref, known, base);
    }
  }
}

/**
 * A route entry with no destination (`- {}`) or a destination with no host, and a mirror with
 * no host: Istio's analyzer looks the empty host up like any other and reports it not found
 * (IST0101 "host" ""), besides the schema error the structure checks give.
 */
function* hostlessDestinations(
  vs: VirtualService,
  entry: Parameters<typeof addressOf>[0],
): Iterable<Finding> {
  const base = { resource: entry.id, at: addressOf(entry), severity: 'error' as const };
  for (const section of ['tcp', 'tls', 'http'] as const)
    for (const [r, rule] of vs[section].entries())
      for (const [d, rd] of rule.route.entries()) {
        if (rd.destination && rd.destination.host !== '') continue;
        yield {
          ...base,
          code: 'vs-destination-host-not-found',
          message: `Referenced host not found: "" (${section}[${r}].route[${d}]): the route names no destination host; set destination.host`,
          path: [
            'spec',
            section,
            r,
            'route',
            d,
            ...(rd.destination ? ['destination', 'host'] : []),
          ],
          istio: 'IST0101',
          kiali: 'KIA1101',
        };
      }
  for (const ref of mirrorDestinations(vs)) {
    if (ref.destination.host !== '') continue;
    yield {
      ...base,
      code: 'vs-mirror-host-not-found',
      message: `Referenced mirror host not found: "" (${describePlace(ref)}): the mirror names no host; set its host`,
      path: [...ref.path, 'host'],
      istio: 'IST0101',
    };
  }
}

function* checkPort(
  ref: DestinationRef,
  known: KnownHost,
  base: Pick<Finding, 'resource' | 'at'>,
): Iterable<Finding> {
  const { host, port } = ref.destination;
  const ports = known.ports.join(', ');
  if (port === undefined) {
    if (known.ports.length > 1) {
      yield {
        ...base,
        code: 'vs-destination-port-required',
        severity: 'error',
        message: `Destination "${host}" (${describePlace(ref)}) has no port, but ${known.kind} ${shortId(known)} exposes several (${ports}); set destination.port.number to one of them`,
        path: ref.path,
        istio: 'IST0112',
        fixes: portFixes(ref, known, base.resource),
      };
    }
    return;
  }
  if (known.ports.includes(port)) return;
  yield {
    ...base,
    code: 'vs-destination-port-not-found',
    severity: 'error',
    message: `Referenced host:port not found: "${host}:${port}" (${describePlace(ref)}): ${known.kind} ${shortId(known)} has ${known.ports.length > 0 ? `ports ${ports}` : 'no ports'}`,
    path: [...ref.path, 'port', 'number'],
    istio: 'IST0101',
    ...(known.ports.length === 1 ? { fixes: portFixes(ref, known, base.resource) } : {}),
  };
}

/** "Use port N": one fix per port of the Service or ServiceEntry (a handful at most). */
function portFixes(ref: DestinationRef, known: KnownHost, target: string): QuickFix[] {
  return [...new Set(known.ports)]
    .filter((port) => port > 0)
    .slice(0, 5)
    .map((port) => ({
      title: `Use port ${port} of ${shortId(known)}`,
      command: { type: 'setValue', target, path: [...ref.path, 'port'], value: { number: port } },
    }));
}

/** `namespace/name` of a resource id `Kind/namespace/name`. */
function shortId(known: KnownHost): string {
  return known.id.slice(known.id.indexOf('/') + 1);
}
