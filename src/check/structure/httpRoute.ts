/**
 * One HTTP rule of a VirtualService, as Istio's `validateHTTPRoute`,
 * `validateHTTPRouteConflict` and `validateHTTPRouteMatchRequest` check it
 * (pkg/config/validation/virtualservice.go).
 */

import { regexProblem } from '../../model/regex.ts';
import { matchHeaderNameProblem } from '../../rules/headers.ts';
import { isDnsLabel } from '../../rules/names.ts';
import type { Path } from '../../yaml/path.ts';
import { checkDuration, checkLabels, isValidPort, portMessage } from './common.ts';
import { checkCors } from './cors.ts';
import {
  checkDestination,
  checkGatewayNames,
  checkRouteDestinations,
  destinationAt,
} from './destinations.ts';
import { checkFault } from './faults.ts';
import { checkAuthorityRewrite, checkHeaderOperations } from './headerOperations.ts';
import { checkDirectResponse, checkRedirect, checkRetries, checkRewrite } from './httpPolicies.ts';
import { at, type Report } from './report.ts';
import {
  arr,
  entriesOf,
  hasItems,
  int,
  isSet,
  isTemplated,
  number,
  obj,
  type Plain,
  text,
  textOr,
} from './values.ts';

/** `isDelegate`: the rule belongs to a delegate VirtualService (one without hosts). */
export function checkHttpRoute(
  route: Plain,
  path: Path,
  isDelegate: boolean,
  report: Report,
): void {
  checkConflicts(route, path, isDelegate, report);
  checkMatches(route, path, report);
  checkHeaderOperations(route.headers, at(path, 'headers'), report);
  const cors = isSet(route, 'corsPolicy') ? obj(route.corsPolicy) : undefined;
  if (cors) checkCors(cors, at(path, 'corsPolicy'), report);
  const fault = isSet(route, 'fault') ? obj(route.fault) : undefined;
  if (fault) checkFault(fault, at(path, 'fault'), report);
  checkMirrors(route, path, report);
  const redirect = isSet(route, 'redirect') ? obj(route.redirect) : undefined;
  if (redirect) checkRedirect(redirect, at(path, 'redirect'), arr(route.match), report);
  const directResponse = isSet(route, 'directResponse') ? obj(route.directResponse) : undefined;
  if (directResponse) checkDirectResponse(directResponse, at(path, 'directResponse'), report);
  const retries = isSet(route, 'retries') ? obj(route.retries) : undefined;
  if (retries) checkRetries(retries, at(path, 'retries'), report);
  const rewrite = isSet(route, 'rewrite') ? obj(route.rewrite) : undefined;
  if (rewrite) checkRewrite(rewrite, at(path, 'rewrite'), report);
  checkAuthorityRewrite(route, path, report);
  checkRouteDestinations(route.route, at(path, 'route'), report, true);
  checkDuration(route.timeout, at(path, 'timeout'), report, 'vs-duration-invalid');
}

/** Only one of route, redirect and directResponse; a delegating rule only delegates. */
function checkConflicts(route: Plain, path: Path, isDelegate: boolean, report: Report): void {
  const hasRoute = hasItems(route.route);
  if (!isDelegate && isSet(route, 'delegate')) {
    if (isSet(route, 'redirect')) {
      report.error(
        'vs-delegate-route-conflict',
        at(path, 'redirect'),
        'a rule that delegates cannot also redirect: remove redirect or delegate',
      );
    }
    // Istio rejects any `route` list here, even an empty one.
    if (Array.isArray(route.route)) {
      report.error(
        'vs-delegate-route-conflict',
        at(path, 'route'),
        'a rule that delegates cannot also route: remove route or delegate',
      );
    }
    return;
  }
  if (isDelegate && isSet(route, 'delegate')) {
    report.error(
      'vs-delegate-nested',
      at(path, 'delegate'),
      'a delegate VirtualService cannot delegate again: Istio supports one level of delegation',
    );
  }
  const action = (name: string, what: string, other: string) =>
    report.error(
      `vs-${name}-with-${other}`,
      at(path, name === 'redirect' ? 'redirect' : 'directResponse'),
      `${what} cannot be combined with ${other === 'direct-response' ? 'directResponse' : other}: use one of route, redirect or directResponse`,
    );
  if (isSet(route, 'redirect')) {
    if (hasRoute) action('redirect', 'redirect', 'route');
    if (isSet(route, 'fault')) action('redirect', 'redirect', 'fault');
    if (isSet(route, 'rewrite')) action('redirect', 'redirect', 'rewrite');
    if (isSet(route, 'directResponse')) action('redirect', 'redirect', 'direct-response');
  } else if (isSet(route, 'directResponse')) {
    if (hasRoute) action('direct-response', 'directResponse', 'route');
    if (isSet(route, 'fault')) action('direct-response', 'directResponse', 'fault');
    if (isSet(route, 'rewrite')) action('direct-response', 'directResponse', 'rewrite');
  } else if (!hasRoute) {
    report.error(
      'vs-route-missing',
      at(path, 'route'),
      'HTTP rule has no route, redirect or directResponse: add a route with a destination',
    );
  }
  if (isSet(route, 'mirror') && hasItems(route.mirrors)) {
    report.error(
      'vs-mirror-and-mirrors',
      at(path, 'mirrors'),
      'use either mirror or mirrors, not both: move the mirror into mirrors',
    );
  }
}

/** `validateStringMatch`: a prefix must not be empty (except on uri), a regex must compile. */
function checkStringMatch(
  value: unknown,
  path: Path,
  where: string,
  report: Report,
  allowEmptyPrefix = false,
): void {
  const match = obj(value);
  if (!match) return;
  if (!allowEmptyPrefix && match.prefix === '') {
    report.error(
      'vs-match-prefix-empty',
      at(path, 'prefix'),
      `${where} prefix match is empty: give a prefix, or remove the condition`,
    );
  }
  const regex = text(match.regex);
  if (regex === undefined || isTemplated(regex)) return;
  const problem = regex === '' ? 'regex is empty' : regexProblem(regex);
  if (problem) report.error('vs-match-regex-invalid', at(path, 'regex'), `${where} ${problem}`);
}

function checkMatches(route: Plain, path: Path, report: Report): void {
  arr(route.match).forEach((item, k) => {
    const match = obj(item);
    if (!match) return;
    const matchPath = at(path, 'match', k);
    for (const [name, value] of entriesOf(match.headers)) {
      const headerPath = at(matchPath, 'headers', name);
      if (value === null) {
        report.error(
          'vs-match-header-null',
          headerPath,
          `header match "${name}" is empty: give exact, prefix or regex, or {} to test presence`,
        );
      }
      const problem = matchHeaderNameProblem(name);
      if (problem) report.error('vs-match-header-name-invalid', headerPath, problem);
      checkStringMatch(value, headerPath, `header "${name}"`, report);
    }
    for (const [name, value] of entriesOf(match.withoutHeaders)) {
      const headerPath = at(matchPath, 'withoutHeaders', name);
      const problem = matchHeaderNameProblem(name);
      if (problem) report.error('vs-match-header-name-invalid', headerPath, problem);
      // `regex: "*"` is not a regex here: Istio turns it into a presence match.
      if (obj(value)?.regex !== '*')
        checkStringMatch(value, headerPath, `withoutHeaders "${name}"`, report);
    }
    checkStringMatch(match.uri, at(matchPath, 'uri'), 'uri', report, true);
    for (const key of ['scheme', 'method', 'authority'] as const) {
      checkStringMatch(match[key], at(matchPath, key), key, report);
    }
    for (const [name, value] of entriesOf(match.queryParams)) {
      checkStringMatch(
        value,
        at(matchPath, 'queryParams', name),
        `query parameter "${name}"`,
        report,
      );
    }
    const port = int(match.port);
    if (number(match.port) !== undefined && port !== 0 && !isValidPort(port)) {
      report.error('vs-match-port-invalid', at(matchPath, 'port'), portMessage('match port', port));
    }
    checkLabels(
      match.sourceLabels,
      at(matchPath, 'sourceLabels'),
      report,
      'vs-match-source-labels-invalid',
    );
    checkGatewayNames(match.gateways, at(matchPath, 'gateways'), report);
    const sourceNamespace = textOr(match.sourceNamespace);
    if (sourceNamespace !== '' && !isTemplated(sourceNamespace) && !isDnsLabel(sourceNamespace)) {
      report.error(
        'vs-match-source-namespace-invalid',
        at(matchPath, 'sourceNamespace'),
        `sourceNamespace "${sourceNamespace}" is not a valid namespace name`,
      );
    }
  });
}

function checkMirrors(route: Plain, path: Path, report: Report): void {
  if (isSet(route, 'mirrorPercent')) {
    const value = number(route.mirrorPercent) ?? number(obj(route.mirrorPercent)?.value);
    if (value !== undefined && value > 100) {
      report.error(
        'vs-mirror-percentage-invalid',
        at(path, 'mirrorPercent'),
        `mirrorPercent ${value} is over 100`,
      );
    }
    report.warning(
      'vs-mirror-percent-deprecated',
      at(path, 'mirrorPercent'),
      'mirrorPercent is deprecated: use mirrorPercentage: {value: …}',
    );
  }
  const percentage = number(obj(route.mirrorPercentage)?.value);
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    report.error(
      'vs-mirror-percentage-invalid',
      at(path, 'mirrorPercentage', 'value'),
      `mirrorPercentage ${percentage} is out of range: use 0 to 100`,
    );
  }
  const mirror = destinationAt(route, 'mirror');
  if (mirror) checkDestination(mirror, at(path, 'mirror'), report);
  arr(route.mirrors).forEach((item, i) => {
    const mirrorPath = at(path, 'mirrors', i);
    if (item === null) {
      report.error(
        'vs-mirror-destination-missing',
        mirrorPath,
        'mirrors entry is empty: give it a destination',
      );
      return;
    }
    const entry = obj(item);
    if (!entry) return;
    const destination = destinationAt(entry, 'destination');
    if (!destination) {
      report.error(
        'vs-mirror-destination-missing',
        at(mirrorPath, 'destination'),
        'mirrors entry has no destination: set destination.host',
      );
      return;
    }
    checkDestination(destination, at(mirrorPath, 'destination'), report);
    const value = number(obj(entry.percentage)?.value);
    if (value !== undefined && (value < 0 || value > 100)) {
      report.error(
        'vs-mirror-percentage-invalid',
        at(mirrorPath, 'percentage', 'value'),
        `mirror percentage ${value} is out of range: use 0 to 100`,
      );
    }
  });
}
