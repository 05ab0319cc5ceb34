/**
 * Fault injection as Istio validates it (`validateHTTPFaultInjection`, pkg/config/validation/
 * validation.go): an abort and/or a delay, percentages of 0 or 0.0001..100, known statuses.
 */
import type { Path } from '../../yaml/path.ts';
import { checkDuration } from './common.ts';
import { at, type Report } from './report.ts';
import { int, isSet, number, obj, type Plain, textOr, wrapped } from './values.ts';

/** gRPC status names Istio accepts for `fault.abort.grpcStatus` (pkg/util/grpc). */
const GRPC_STATUS = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);

/** Istio's `validatePercentage`: 0, or from 0.0001 to 100. */
function checkPercentage(value: unknown, path: Path, report: Report, code: string): void {
  const percent = wrapped(value);
  if (percent === undefined) return;
  if (percent < 0 || percent > 100 || (percent > 0 && percent < 0.0001)) {
    report.error(
      code,
      at(path, 'value'),
      `percentage ${percent} is out of range: use 0, or a value from 0.0001 to 100`,
    );
  }
}

export function checkFault(fault: Plain, path: Path, report: Report): void {
  const abort = isSet(fault, 'abort') ? obj(fault.abort) : undefined;
  const delay = isSet(fault, 'delay') ? obj(fault.delay) : undefined;
  if (!isSet(fault, 'abort') && !isSet(fault, 'delay')) {
    report.error(
      'vs-fault-empty',
      path,
      'fault has neither abort nor delay: add one, or remove fault',
    );
  }
  if (abort) {
    const abortPath = at(path, 'abort');
    checkPercentage(
      abort.percentage,
      at(abortPath, 'percentage'),
      report,
      'vs-fault-percentage-invalid',
    );
    if (isSet(abort, 'grpcStatus')) {
      const status = textOr(abort.grpcStatus);
      if (!GRPC_STATUS.has(status)) {
        report.error(
          'vs-fault-grpc-status-invalid',
          at(abortPath, 'grpcStatus'),
          `gRPC status "${status}" is not supported: use a name such as NOT_FOUND or UNAVAILABLE`,
        );
      }
    } else if (isSet(abort, 'http2Error')) {
      report.error(
        'vs-fault-http2-unsupported',
        at(abortPath, 'http2Error'),
        'http2Error aborts are not supported: use httpStatus or grpcStatus',
      );
    } else if (isSet(abort, 'httpStatus')) {
      const status = int(abort.httpStatus);
      if (number(abort.httpStatus) !== undefined && (status < 200 || status > 600)) {
        report.error(
          'vs-fault-abort-status-invalid',
          at(abortPath, 'httpStatus'),
          `HTTP status ${status} is out of range: use a status from 200 to 599`,
        );
      }
    } else {
      report.warning(
        'vs-fault-abort-type-missing',
        abortPath,
        'abort has no error type, so it does nothing: set httpStatus (or grpcStatus)',
      );
    }
  }
  if (delay) {
    const delayPath = at(path, 'delay');
    checkPercentage(
      delay.percentage,
      at(delayPath, 'percentage'),
      report,
      'vs-fault-percentage-invalid',
    );
    checkDuration(delay.fixedDelay, at(delayPath, 'fixedDelay'), report, 'vs-duration-invalid');
    if (isSet(delay, 'exponentialDelay')) {
      checkDuration(
        delay.exponentialDelay,
        at(delayPath, 'exponentialDelay'),
        report,
        'vs-duration-invalid',
      );
      report.error(
        'vs-fault-exponential-delay-unsupported',
        at(delayPath, 'exponentialDelay'),
        'exponentialDelay is not supported yet: use fixedDelay',
      );
    }
  }
}
