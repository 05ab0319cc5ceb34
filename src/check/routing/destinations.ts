import type { Destination, RuleSection, VirtualService } from '../../model/virtualService.ts';
import type { Path } from '../../yaml/path.ts';

/** A `destination` of a route rule or a mirror, with where it is written. */
export interface DestinationRef {
  readonly destination: Destination;
  /** Path of the `destination` (or `mirror`) object. */
  readonly path: Path;
  readonly section: RuleSection;
  readonly rule: number;
  /** Position in `route` or `mirrors`; undefined for the single `mirror`. */
  readonly index: number | undefined;
  readonly mirror: boolean;
}

/**
 * Route destinations in the order of Istio's `getRouteDestinations`
 * (pkg/config/analysis/analyzers/virtualservice/util.go): tcp, tls, then http.
 */
export function routeDestinations(vs: VirtualService): DestinationRef[] {
  const out: DestinationRef[] = [];
  for (const section of ['tcp', 'tls', 'http'] as const) {
    vs[section].forEach((rule, r) => {
      rule.route.forEach((rd, d) => {
        if (!rd.destination) return;
        out.push({
          destination: rd.destination,
          path: ['spec', section, r, 'route', d, 'destination'],
          section,
          rule: r,
          index: d,
          mirror: false,
        });
      });
    });
  }
  return out;
}

/** `mirror` and `mirrors[].destination` of http rules (`getHTTPMirrorDestinations`). */
export function mirrorDestinations(vs: VirtualService): DestinationRef[] {
  const out: DestinationRef[] = [];
  vs.http.forEach((rule, r) => {
    if (rule.mirror) {
      out.push({
        destination: rule.mirror,
        path: ['spec', 'http', r, 'mirror'],
        section: 'http',
        rule: r,
        index: undefined,
        mirror: true,
      });
    }
    rule.mirrors?.forEach((m, j) => {
      if (!m.destination) return;
      out.push({
        destination: m.destination,
        path: ['spec', 'http', r, 'mirrors', j, 'destination'],
        section: 'http',
        rule: r,
        index: j,
        mirror: true,
      });
    });
  });
  return out;
}

/** `http[1].route[0]`, `http[0].mirror`: where a destination is, for messages. */
export function describePlace(ref: DestinationRef): string {
  if (ref.mirror) {
    return ref.index === undefined
      ? `${ref.section}[${ref.rule}].mirror`
      : `${ref.section}[${ref.rule}].mirrors[${ref.index}]`;
  }
  return `${ref.section}[${ref.rule}].route[${ref.index}]`;
}
