/**
 * Route destinations and gateway references of a VirtualService, as Istio validates them
 * (pkg/config/validation/validation.go: `validateDestination`, `validateHTTPRouteDestinations`,
 * `validateRouteDestinations`, `validateGatewayNames`).
 */
import { isLegacyGatewayName, resolveGatewayName } from '../../model/gatewayNames.ts';
import { fqdnProblem, isDnsLabel, wildcardDomainProblem } from '../../rules/names.ts';
import type { Path } from '../../yaml/path.ts';
import { isValidPort, portMessage } from './common.ts';
import { checkHeaderOperations } from './headerOperations.ts';
import { at, type Report } from './report.ts';
import { arr, int, isSet, isTemplated, obj, type Plain, textOr } from './values.ts';

/** `validateDestination`: host not `*` and a valid name, subset a DNS label, port in range. */
export function checkDestination(destination: Plain, path: Path, report: Report): void {
  const host = textOr(destination.host);
  if (host === '*') {
    report.error(
      'vs-destination-host-invalid',
      at(path, 'host'),
      'destination host cannot be "*": name the service to send traffic to',
    );
  } else if (host === '') {
    report.error(
      'vs-destination-host-invalid',
      at(path, 'host'),
      'destination has no host: set destination.host to a service name',
    );
  } else if (!isTemplated(host)) {
    const problem = wildcardDomainProblem(host);
    if (problem)
      report.error('vs-destination-host-invalid', at(path, 'host'), `destination host: ${problem}`);
  }
  const subset = textOr(destination.subset);
  if (subset !== '' && !isTemplated(subset) && !isDnsLabel(subset)) {
    report.error(
      'vs-destination-subset-invalid',
      at(path, 'subset'),
      `subset name "${subset}" is invalid: use letters, digits and inner dashes (a DNS label)`,
    );
  }
  const port = obj(destination.port);
  if (port) {
    const number = int(port.number);
    if (!isValidPort(number))
      report.error(
        'vs-destination-port-invalid',
        at(path, 'port', 'number'),
        portMessage('destination port', number),
      );
  }
}

/**
 * The `route` list of an HTTP, TLS or TCP rule: each entry needs a destination, weights are
 * not negative, and several destinations must not all weigh 0 (no sum-to-100 rule in Istio).
 */
export function checkRouteDestinations(
  list: unknown,
  path: Path,
  report: Report,
  http: boolean,
): void {
  const items = arr(list);
  let total = 0;
  items.forEach((item, k) => {
    const itemPath = at(path, k);
    if (item === null) {
      report.error(
        'vs-destination-missing',
        itemPath,
        'route entry is empty: give it a destination',
      );
      return;
    }
    const entry = obj(item);
    if (!entry) return;
    const destination = obj(entry.destination);
    if (!destination) {
      report.error(
        'vs-destination-missing',
        at(itemPath, 'destination'),
        'route entry has no destination: set destination.host',
      );
    }
    if (http) checkHeaderOperations(entry.headers, at(itemPath, 'headers'), report);
    if (destination) checkDestination(destination, at(itemPath, 'destination'), report);
    const weight = int(entry.weight);
    if (weight < 0)
      report.error(
        'vs-weight-negative',
        at(itemPath, 'weight'),
        `weight ${weight} is negative: use 0 or more`,
      );
    total += weight;
  });
  if (items.length > 1 && total === 0) {
    report.error(
      'vs-weight-total-zero',
      path,
      'every destination has weight 0, so this rule sends traffic nowhere: give at least one destination a positive weight',
    );
  }
}

/**
 * `validateGatewayNames`: `namespace/name` with DNS labels, or a bare name. A bare name with
 * dots is the legacy `name.namespace` form (a warning; Kiali KIA1108). As in Istio, the first
 * bare name ends the check of the list.
 */
export function checkGatewayNames(list: unknown, path: Path, report: Report): void {
  const items = arr(list);
  for (let i = 0; i < items.length; i++) {
    const name = items[i];
    if (typeof name !== 'string') continue;
    if (isTemplated(name)) continue;
    const slash = name.indexOf('/');
    if (slash === -1) {
      if (isLegacyGatewayName(name)) {
        report.warning(
          'vs-gateway-legacy-name',
          at(path, i),
          `gateway "${name}" uses the legacy name.namespace form (Istio still binds it to Gateway ${resolveGatewayName(name, '')}): write "${resolveGatewayName(name, '')}"`,
          'KIA1108',
        );
      }
      const problem = fqdnProblem(name);
      if (problem)
        report.error('vs-gateway-name-invalid', at(path, i), `gateway "${name}": ${problem}`);
      return;
    }
    const namespace = name.slice(0, slash);
    const gateway = name.slice(slash + 1);
    if (namespace === '' || gateway === '') {
      report.error(
        'vs-gateway-name-invalid',
        at(path, i),
        `gateway "${name}": write namespace/name, neither part empty`,
      );
      continue;
    }
    if (!isDnsLabel(namespace)) {
      report.error(
        'vs-gateway-name-invalid',
        at(path, i),
        `gateway "${name}": "${namespace}" is not a valid namespace name`,
      );
    }
    if (!isDnsLabel(gateway)) {
      report.error(
        'vs-gateway-name-invalid',
        at(path, i),
        `gateway "${name}": "${gateway}" is not a valid Gateway name`,
      );
    }
  }
}

/** Whether a field holding a Destination message is set (for `mirror`). */
export function destinationAt(parent: Plain, key: string): Plain | undefined {
  return isSet(parent, key) ? obj(parent[key]) : undefined;
}
