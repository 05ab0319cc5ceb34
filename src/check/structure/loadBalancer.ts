/**
 * `validateLoadBalancer` (pkg/config/validation/validation.go) and
 * `agent.ValidateLocalityLbSetting` (pkg/config/validation/agent/validation.go).
 */
import type { Path } from '../../yaml/path.ts';
import { checkDuration } from './common.ts';
import { at, type Report } from './report.ts';
import { arr, entriesOf, int, isSet, number, obj, type Plain, textOr } from './values.ts';

const MAGLEV_MAX = 5_000_011;

/** Envoy's primality test for the Maglev table size. */
function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  for (let factor = 3; factor * factor <= x; factor += 2) if (x % factor === 0) return false;
  return true;
}

export function checkLoadBalancer(
  lb: Plain,
  path: Path,
  hasOutlier: boolean,
  report: Report,
): void {
  // destination_rule.proto marks LEAST_CONN deprecated; Istio accepts it without a warning.
  if (lb.simple === 'LEAST_CONN') {
    report.info(
      'dr-lb-least-conn-deprecated',
      at(path, 'simple'),
      'LEAST_CONN is deprecated: use LEAST_REQUEST',
    );
  }
  const hash = isSet(lb, 'consistentHash') ? obj(lb.consistentHash) : undefined;
  if (hash) checkConsistentHash(hash, at(path, 'consistentHash'), report);
  const locality = isSet(lb, 'localityLbSetting') ? obj(lb.localityLbSetting) : undefined;
  if (locality) checkLocality(locality, at(path, 'localityLbSetting'), hasOutlier, report);
  if (locality && isSet(lb, 'zoneAwareLbSetting')) {
    report.error(
      'dr-lb-locality-conflict',
      at(path, 'zoneAwareLbSetting'),
      'set only one of localityLbSetting and zoneAwareLbSetting',
    );
  }
  const warmup = isSet(lb, 'warmup') ? obj(lb.warmup) : undefined;
  if (warmup) {
    const warmupPath = at(path, 'warmup');
    if (!isSet(warmup, 'duration')) {
      report.error(
        'dr-warmup-invalid',
        at(warmupPath, 'duration'),
        'warmup needs a duration, such as 60s',
      );
    } else {
      checkDuration(warmup.duration, at(warmupPath, 'duration'), report, 'dr-duration-invalid');
    }
    const minimum = number(warmup.minimumPercent);
    if (minimum !== undefined && minimum > 100) {
      report.error(
        'dr-warmup-invalid',
        at(warmupPath, 'minimumPercent'),
        `minimumPercent ${minimum} is over 100: use 0 to 100`,
      );
    }
    // Istio requires a positive aggression (1.0 is linear).
    const aggression = number(warmup.aggression);
    if (aggression !== undefined && aggression <= 0) {
      report.error(
        'dr-warmup-invalid',
        at(warmupPath, 'aggression'),
        `aggression ${aggression} must be positive: 1 ramps traffic up linearly`,
      );
    }
  }
}

function checkConsistentHash(hash: Plain, path: Path, report: Report): void {
  const cookie = isSet(hash, 'httpCookie') ? obj(hash.httpCookie) : undefined;
  if (cookie) {
    if (textOr(cookie.name) === '') {
      report.error(
        'dr-lb-cookie-invalid',
        at(path, 'httpCookie', 'name'),
        'httpCookie needs a name: set the cookie to hash on',
      );
    }
    const names = new Set<string>();
    arr(cookie.attributes).forEach((attribute, i) => {
      const name = textOr(obj(attribute)?.name);
      if (names.has(name)) {
        report.error(
          'dr-lb-cookie-invalid',
          at(path, 'httpCookie', 'attributes', i, 'name'),
          `cookie attribute "${name}" is listed twice`,
        );
      }
      names.add(name);
    });
  }
  const algorithm = isSet(hash, 'ringHash') || isSet(hash, 'maglev');
  if (int(hash.minimumRingSize) !== 0) {
    report.warning(
      'dr-lb-minimum-ring-size-deprecated',
      at(path, 'minimumRingSize'),
      'minimumRingSize is deprecated: use ringHash.minimumRingSize',
    );
    if (algorithm) {
      report.error(
        'dr-lb-ring-size-conflict',
        at(path, 'minimumRingSize'),
        'minimumRingSize cannot be combined with ringHash or maglev: move it into ringHash',
      );
    }
  }
  const maglev = isSet(hash, 'maglev') ? obj(hash.maglev) : undefined;
  if (maglev) {
    const size = int(maglev.tableSize);
    const sizePath = at(path, 'maglev', 'tableSize');
    if (size === 0)
      report.error(
        'dr-lb-maglev-table-size',
        sizePath,
        'maglev needs a tableSize: a prime number such as 65537',
      );
    else if (size >= MAGLEV_MAX)
      report.error(
        'dr-lb-maglev-table-size',
        sizePath,
        `maglev tableSize ${size} must be less than ${MAGLEV_MAX}`,
      );
    else if (!isPrime(size))
      report.error(
        'dr-lb-maglev-table-size',
        sizePath,
        `maglev tableSize ${size} must be a prime number, such as 65537`,
      );
  }
}

const TOPOLOGY_LABELS = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
]);

function checkLocality(locality: Plain, path: Path, hasOutlier: boolean, report: Report): void {
  const distribute = arr(locality.distribute);
  const failover = arr(locality.failover);
  const priority = arr(locality.failoverPriority);
  const fail = (field: (string | number)[], message: string) =>
    report.error('dr-locality-lb-invalid', at(path, ...field), message);
  if (distribute.length > 0 && failover.length > 0) {
    fail(['distribute'], 'set either distribute or failover, not both');
    return;
  }
  if (failover.length > 0) {
    const topology = priority.find(
      (label) => typeof label === 'string' && TOPOLOGY_LABELS.has(label),
    );
    if (topology !== undefined) {
      fail(
        ['failoverPriority'],
        `failover cannot be combined with the topology label "${String(topology)}" in failoverPriority`,
      );
      return;
    }
  }
  const sources: string[] = [];
  for (const item of distribute) {
    const rule = obj(item) ?? {};
    sources.push(textOr(rule.from));
    let total = 0;
    const targets: string[] = [];
    for (const [to, weight] of entriesOf(rule.to)) {
      targets.push(to);
      const w = int(weight);
      if (w <= 0 || w > 100) {
        fail(['distribute'], 'locality weights must be from 1 to 100');
        return;
      }
      total += w;
    }
    if (total !== 100) {
      fail(['distribute'], `locality weights add up to ${total}, not 100`);
      return;
    }
    const problem = localitiesProblem(targets);
    if (problem) fail(['distribute'], problem);
  }
  const problem = localitiesProblem(sources);
  if (problem) fail(['distribute'], problem);
  if ((failover.length > 0 || priority.length > 0) && !hasOutlier) {
    report.warning(
      'dr-locality-needs-outlier',
      path,
      'locality failover needs outlierDetection in the same traffic policy to take effect',
    );
  }
  failover.forEach((item, i) => {
    const from = textOr(obj(item)?.from);
    const to = textOr(obj(item)?.to);
    const failPath = ['failover', i];
    if (from === to) fail(failPath, 'locality failover must go to a different region');
    if (from.includes('/') || to.includes('/'))
      fail(failPath, 'locality failover takes regions only (no zone/subzone)');
    if (from.includes('*') || to.includes('*'))
      fail(failPath, 'locality failover regions cannot contain "*"');
  });
}

/** `validateLocalities`: wildcards only at the end, no empty parts, no overlaps. */
function localitiesProblem(localities: readonly string[]): string | undefined {
  const regions = new Map<string, Map<string, Set<string>>>();
  for (const locality of localities) {
    const stars = locality.split('*').length - 1;
    if (stars > 0 && (stars > 1 || !locality.endsWith('*'))) {
      return `locality ${locality}: a wildcard "*" may appear once, at the end`;
    }
    if (regions.has('*')) return `locality ${locality} overlaps a previous one`;
    const items = splitN(locality, '/', 3);
    if (items.some((item) => item === ''))
      return `locality ${locality} has an empty region, zone or subzone`;
    const [region = '', zone = '', subzone = ''] = items;
    const zones = regions.get(region);
    if (items.length === 1) {
      if (zones) return `locality ${locality} overlaps a previous one`;
      regions.set(region, new Map([['*', new Set(['*'])]]));
    } else if (items.length === 2) {
      if (zones?.has('*') || zones?.has(zone))
        return `locality ${locality} overlaps a previous one`;
      if (zones) zones.set(zone, new Set(['*']));
      else regions.set(region, new Map([[zone, new Set(['*'])]]));
    } else {
      if (zones?.has('*')) return `locality ${locality} overlaps a previous one`;
      const subzones = zones?.get(zone);
      if (subzones?.has('*') || subzones?.has(subzone))
        return `locality ${locality} overlaps a previous one`;
      if (subzones) subzones.add(subzone);
      else if (zones) zones.set(zone, new Set([subzone]));
      else regions.set(region, new Map([[zone, new Set([subzone])]]));
    }
  }
  return undefined;
}

/** Go's `strings.SplitN`. */
function splitN(value: string, separator: string, n: number): string[] {
  const parts = value.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}
