/**
 * Header operations (`headers.request/response.set/add/remove`) of an HTTP rule or route
 * destination, as `validateHTTPRoute` checks them (pkg/config/validation/virtualservice.go).
 */

import {
  headerOperationProblem,
  headerValueProblem,
  isAuthorityHeader,
  requestSetHeaderProblem,
} from '../../rules/headers.ts';
import type { Path } from '../../yaml/path.ts';
import { at, type Report } from './report.ts';
import { arr, entriesOf, isTemplated, obj, type Plain, textOr } from './values.ts';

type NameRule = (name: string) => string | undefined;

function checkMap(value: unknown, path: Path, report: Report, nameRule: NameRule): void {
  for (const [name, raw] of entriesOf(value)) {
    const nameProblem = nameRule(name);
    if (nameProblem) report.error('vs-header-invalid', at(path, name), nameProblem);
    if (typeof raw !== 'string' || isTemplated(raw)) continue;
    const valueProblem = headerValueProblem(raw);
    if (valueProblem) report.error('vs-header-value-invalid', at(path, name), valueProblem);
  }
}

function checkRemove(value: unknown, path: Path, report: Report): void {
  arr(value).forEach((name, i) => {
    if (typeof name !== 'string') return;
    const problem = headerOperationProblem(name);
    if (problem) report.error('vs-header-invalid', at(path, i), problem);
  });
}

export function checkHeaderOperations(value: unknown, path: Path, report: Report): void {
  const headers = obj(value);
  if (!headers) return;
  const request = obj(headers.request);
  if (request) {
    checkMap(request.add, at(path, 'request', 'add'), report, requestSetHeaderProblem);
    checkMap(request.set, at(path, 'request', 'set'), report, requestSetHeaderProblem);
    checkRemove(request.remove, at(path, 'request', 'remove'), report);
  }
  const response = obj(headers.response);
  if (response) {
    checkMap(response.add, at(path, 'response', 'add'), report, headerOperationProblem);
    checkMap(response.set, at(path, 'response', 'set'), report, headerOperationProblem);
    checkRemove(response.remove, at(path, 'response', 'remove'), report);
  }
}

/**
 * `validateAuthorityRewrite`: the authority may be rewritten in one place only (rewrite.authority
 * or a request `set`/`add` of `:authority`/`host`).
 */
export function checkAuthorityRewrite(route: Plain, path: Path, report: Report): void {
  let current = textOr(obj(route.rewrite)?.authority);
  const request = obj(obj(route.headers)?.request);
  for (const op of ['set', 'add'] as const) {
    for (const [name, raw] of entriesOf(request?.[op])) {
      if (!isAuthorityHeader(name)) continue;
      const value = textOr(raw);
      if (current !== '') {
        report.error(
          'vs-authority-set-twice',
          at(path, 'headers', 'request', op, name),
          `the authority is already set to "${current}": set it only once (rewrite.authority or one header)`,
        );
        return;
      }
      current = value;
    }
  }
}
