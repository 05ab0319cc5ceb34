/** A CORS policy as Istio validates it (`validateCORSPolicy`, pkg/config/validation/validation.go). */

import { regexProblem } from '../../model/regex.ts';
import { durationNs } from '../../rules/goDuration.ts';
import { corsHeaderNameProblem } from '../../rules/headers.ts';
import type { Path } from '../../yaml/path.ts';
import { checkDuration } from './common.ts';
import { at, type Report } from './report.ts';
import { arr, isTemplated, obj, type Plain, text, textOr } from './values.ts';

const CORS_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  '*',
]);

export function checkCors(cors: Plain, path: Path, report: Report): void {
  arr(cors.allowOrigins).forEach((origin, i) => {
    const match = obj(origin);
    if (!match) return;
    const value = textOr(match.exact) || textOr(match.prefix) || textOr(match.regex);
    const originPath = at(path, 'allowOrigins', i);
    if (value === '') {
      report.error(
        'vs-cors-origin-invalid',
        originPath,
        'allowOrigins entry is empty: give it an exact, prefix or regex value',
      );
      return;
    }
    const regex = text(match.regex);
    const problem = regex !== undefined && !isTemplated(regex) ? regexProblem(regex) : undefined;
    if (problem)
      report.error(
        'vs-cors-origin-invalid',
        at(originPath, 'regex'),
        `allowOrigins regex: ${problem}`,
      );
  });
  arr(cors.allowMethods).forEach((method, i) => {
    if (typeof method === 'string' && !CORS_METHODS.has(method)) {
      report.error(
        'vs-cors-method-invalid',
        at(path, 'allowMethods', i),
        `"${method}" is not an HTTP method: use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, CONNECT, TRACE or *`,
      );
    }
  });
  for (const key of ['allowHeaders', 'exposeHeaders'] as const) {
    arr(cors[key]).forEach((name, i) => {
      if (typeof name !== 'string') return;
      const problem = corsHeaderNameProblem(name);
      if (problem) report.error('vs-cors-header-invalid', at(path, key, i), problem);
    });
  }
  if (typeof cors.maxAge === 'string') {
    checkDuration(cors.maxAge, at(path, 'maxAge'), report, 'vs-duration-invalid');
    const ns = durationNs(cors.maxAge);
    if (ns !== undefined && ns % 1_000_000_000n !== 0n) {
      report.error(
        'vs-cors-max-age-invalid',
        at(path, 'maxAge'),
        `maxAge ${cors.maxAge} is not whole seconds: CORS max age is precise to the second`,
      );
    }
  }
}
