/**
 * Istio's `ValidateVirtualService` (pkg/config/validation/validation.go) on a VirtualService as
 * written: delegate rules, gateway names, hosts, then each HTTP, TLS and TCP rule. The
 * unreachable-rule warnings it also emits (IST0130/IST0131) belong to the routing checks.
 */
import { hostNamesOverlap, hostSubsetOf } from '../../model/hosts.ts';
import { isJwtClaimHeader } from '../../rules/headers.ts';
import { isIpAddress, subnetProblem, wildcardDomainProblem } from '../../rules/names.ts';
import type { Path } from '../../yaml/path.ts';
import { checkExportTo, checkLabels, isValidPort, portMessage } from './common.ts';
import { checkGatewayNames, checkRouteDestinations } from './destinations.ts';
import { checkHttpRoute } from './httpRoute.ts';
import { at, type Report } from './report.ts';
import { arr, entriesOf, hasItems, int, isTemplated, number, obj, type Plain } from './values.ts';

export function validateVirtualService(doc: Plain, namespace: string, report: Report): void {
  const spec = obj(doc.spec) ?? {};
  const hostList = arr(spec.hosts);
  const gateways = arr(spec.gateways);
  const isDelegate = hostList.length === 0;
  if (isDelegate) {
    const parts = [
      ['gateways', 'gateways (the root VirtualService binds them)'],
      ['tls', 'tls rules'],
      ['tcp', 'tcp rules'],
    ] as const;
    for (const [key, what] of parts) {
      if (!hasItems(spec[key])) continue;
      report.error(
        'vs-delegate-invalid',
        ['spec', key],
        `a delegate VirtualService (no hosts) cannot have ${what}: remove them, or add hosts`,
      );
    }
  }
  const appliesToGateway = gateways.length > 0 && !gateways.includes('mesh');
  if (gateways.length > 0) checkGatewayNames(gateways, ['spec', 'gateways'], report);
  if (!appliesToGateway) checkJwtClaimRoutes(spec, report);

  const hosts = hostList.filter((h): h is string => typeof h === 'string');
  const sniHosts = arr(spec.tls).some((route) =>
    arr(obj(route)?.match).some((m) => hasItems(obj(m)?.sniHosts)),
  );
  checkHosts(hostList, appliesToGateway, sniHosts, report);

  if (!hasItems(spec.http) && !hasItems(spec.tcp) && !hasItems(spec.tls)) {
    report.error(
      'vs-no-routes',
      ['spec'],
      'VirtualService has no http, tcp or tls rules: add at least one rule',
    );
  }
  arr(spec.http).forEach((route, i) => {
    if (route === null) {
      report.error(
        'vs-http-route-null',
        ['spec', 'http', i],
        'HTTP rule is empty: remove it or give it a route',
      );
      return;
    }
    const value = obj(route);
    if (value) checkHttpRoute(value, ['spec', 'http', i], isDelegate, report);
  });

  arr(spec.tls).forEach((route, i) => {
    const value = obj(route);
    if (value) checkTlsRoute(value, ['spec', 'tls', i], hosts, gateways, report);
  });
  arr(spec.tcp).forEach((route, i) => {
    const value = obj(route);
    if (value) checkTcpRoute(value, ['spec', 'tcp', i], report);
  });
  checkExportTo(spec.exportTo, namespace, ['spec', 'exportTo'], report, 'vs-export-to-invalid');
}

/** JWT claim routing (`@request.auth.claims.*` headers) works on gateways only. */
function checkJwtClaimRoutes(spec: Plain, report: Report): void {
  arr(spec.http).forEach((route, i) => {
    arr(obj(route)?.match).forEach((match, k) => {
      for (const key of ['headers', 'withoutHeaders'] as const) {
        for (const [name] of entriesOf(obj(match)?.[key])) {
          if (!isJwtClaimHeader(name)) continue;
          report.error(
            'vs-jwt-claim-without-gateway',
            ['spec', 'http', i, 'match', k, key, name],
            `routing on JWT claim "${name}" works only on gateways: bind this VirtualService to a Gateway, not the mesh`,
          );
        }
      }
    });
  });
}

/** `ValidateWildcardDomainForVirtualServiceBoundToGateway`: also allows `outbound_.PORT_._.HOST` SNI names. */
function gatewayVsHostProblem(sni: boolean, host: string): string | undefined {
  if (host.length > 255 || host === '' || !(sni && host.startsWith('outbound_')))
    return wildcardDomainProblem(host);
  const parts = host.split('_');
  const format = 'outbound_.<PORT>_._.<HOSTNAME>';
  if (parts.length < 4) return `domain name "${host}" is invalid: follow the ${format} format`;
  const port = (parts[1] ?? '').replace(/^\.+|\.+$/g, '');
  const name = (parts[3] ?? '').replace(/^\.+|\.+$/g, '');
  if (!/[0-9]/.test(port))
    return `domain name "${host}" is invalid: the port "${port}" should follow ${format}`;
  if (!/[a-zA-Z]/.test(name))
    return `domain name "${host}" is invalid: the host "${name}" should follow ${format}`;
  return undefined;
}

function checkHosts(
  hosts: readonly unknown[],
  appliesToGateway: boolean,
  sni: boolean,
  report: Report,
): void {
  let allValid = true;
  hosts.forEach((host, i) => {
    if (typeof host !== 'string' || isTemplated(host)) {
      allValid = false;
      return;
    }
    const problem = appliesToGateway
      ? gatewayVsHostProblem(sni, host)
      : wildcardDomainProblem(host);
    if (problem) {
      // An IP address is tolerated as a host.
      if (!isIpAddress(host)) {
        report.error('vs-host-invalid', ['spec', 'hosts', i], `host "${host}": ${problem}`);
        allValid = false;
      }
    } else if (!appliesToGateway && host === '*') {
      report.error(
        'vs-host-wildcard-mesh',
        ['spec', 'hosts', i],
        'host "*" is not allowed for the mesh: list the service hosts, or bind the VirtualService to a Gateway',
      );
      allValid = false;
    }
  });
  if (!allValid) return;
  // Few hosts per VirtualService: comparing each pair is cheap.
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      const a = hosts[i] as string;
      const b = hosts[j] as string;
      if (hostNamesOverlap(a, b)) {
        report.error(
          'vs-host-duplicate',
          ['spec', 'hosts', j],
          `host "${b}" overlaps host "${a}" of the same VirtualService: remove one of them`,
        );
      }
    }
  }
}

/** The port, source labels, gateways and subnets every L4 match has. */
function checkL4Match(match: Plain, path: Path, report: Report): void {
  arr(match.destinationSubnets).forEach((subnet, j) => {
    if (typeof subnet !== 'string' || isTemplated(subnet)) return;
    const problem = subnetProblem(subnet);
    if (problem)
      report.error('vs-match-subnet-invalid', at(path, 'destinationSubnets', j), problem);
  });
  const port = int(match.port);
  if (number(match.port) !== undefined && port !== 0 && !isValidPort(port)) {
    report.error('vs-match-port-invalid', at(path, 'port'), portMessage('match port', port));
  }
  checkLabels(
    match.sourceLabels,
    at(path, 'sourceLabels'),
    report,
    'vs-match-source-labels-invalid',
  );
  checkGatewayNames(match.gateways, at(path, 'gateways'), report);
}

function checkTlsRoute(
  route: Plain,
  path: Path,
  hosts: readonly string[],
  gateways: readonly unknown[],
  report: Report,
): void {
  const matches = arr(route.match);
  if (matches.length === 0) {
    report.error(
      'vs-tls-match-missing',
      at(path, 'match'),
      'TLS rule has no match: add a match with sniHosts',
    );
  }
  // Istio's `isGateway` here is true unless `mesh` is listed (also when no gateway is).
  const gatewayNames = !gateways.includes('mesh');
  matches.forEach((item, k) => {
    const matchPath = at(path, 'match', k);
    if (item === null) {
      report.error('vs-tls-match-null', matchPath, 'TLS match is empty: give it sniHosts');
      return;
    }
    const match = obj(item);
    if (!match) return;
    if (!hasItems(match.sniHosts)) {
      report.error(
        'vs-tls-sni-missing',
        at(matchPath, 'sniHosts'),
        'TLS match has no sniHosts: add the server names to route',
      );
    }
    arr(match.sniHosts).forEach((sni, j) => {
      if (typeof sni === 'string' && !isTemplated(sni))
        checkSniHost(sni, at(matchPath, 'sniHosts', j), hosts, gatewayNames, report);
    });
    checkL4Match(match, matchPath, report);
  });
  if (!hasItems(route.route)) {
    report.error(
      'vs-tls-route-missing',
      at(path, 'route'),
      'TLS rule has no route: add a route with a destination',
    );
  }
  checkRouteDestinations(route.route, at(path, 'route'), report, false);
}

function checkSniHost(
  sni: string,
  path: Path,
  hosts: readonly string[],
  gatewayNames: boolean,
  report: Report,
): void {
  const problem = gatewayNames ? gatewayVsHostProblem(true, sni) : wildcardDomainProblem(sni);
  if (problem) {
    if (isIpAddress(sni)) {
      report.warning(
        'vs-tls-sni-ip',
        path,
        `SNI host "${sni}" is an IP address, which goes against the SNI spec: most clients never send it`,
      );
    } else {
      report.error('vs-tls-sni-invalid', path, `SNI host "${sni}": ${problem}`);
    }
    return;
  }
  if (hosts.some((host) => isTemplated(host) || hostSubsetOf(sni, host))) return;
  report.error(
    'vs-tls-sni-not-in-hosts',
    path,
    `SNI host "${sni}" is not covered by the VirtualService hosts (${hosts.join(', ')}): add it to hosts, or fix the SNI host`,
  );
}

function checkTcpRoute(route: Plain, path: Path, report: Report): void {
  arr(route.match).forEach((item, k) => {
    if (item === null) {
      report.error(
        'vs-tcp-match-null',
        at(path, 'match', k),
        'TCP match is empty: remove it or fill it in',
      );
      return;
    }
    const match = obj(item);
    if (match) checkL4Match(match, at(path, 'match', k), report);
  });
  if (!hasItems(route.route)) {
    report.error(
      'vs-tcp-route-missing',
      at(path, 'route'),
      'TCP rule has no route: add a route with a destination',
    );
  }
  checkRouteDestinations(route.route, at(path, 'route'), report, false);
}
