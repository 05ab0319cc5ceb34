/**
 * Rules shared by VirtualService and DestinationRule validation (pkg/config/validation):
 * durations, ports, label maps and `exportTo`.
 */

import { durationProblem } from '../../rules/goDuration.ts';
import { isDnsLabel, labelKeyProblem, labelValueProblem } from '../../rules/names.ts';
import type { Path } from '../../yaml/path.ts';
import { at, type Report } from './report.ts';
import { arr, entriesOf, isTemplated } from './values.ts';

/** `agent.ValidateDuration` on a written duration field; a non-string is the schema's to report. */
export function checkDuration(value: unknown, path: Path, report: Report, code: string): void {
  if (typeof value !== 'string' || isTemplated(value)) return;
  const problem = durationProblem(value);
  if (problem) report.error(code, path, `${String(path[path.length - 1])}: ${problem}`);
}

/** `agent.ValidatePort`: 1 to 65535. */
export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

export function portMessage(what: string, port: number): string {
  return `${what} ${port} is out of range: use a port from 1 to 65535`;
}

/** `labels.Instance.Validate` on a label map: one finding per bad key or value. */
export function checkLabels(value: unknown, path: Path, report: Report, code: string): void {
  for (const [key, raw] of entriesOf(value)) {
    if (isTemplated(key)) continue;
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) report.error(code, at(path, key), keyProblem);
    if (typeof raw === 'string' && !isTemplated(raw)) {
      const valueProblem = labelValueProblem(raw);
      if (valueProblem) report.error(code, at(path, key), valueProblem);
    }
  }
}

/**
 * `validateExportTo`: `.`, `*` or namespace names, no repeats, `*` alone; a DestinationRule
 * with a workload selector may only export to its own namespace.
 */
export function checkExportTo(
  value: unknown,
  namespace: string,
  path: Path,
  report: Report,
  code: string,
  withSelector = false,
): void {
  const list = arr(value);
  if (list.length === 0) return;
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (typeof item !== 'string' || isTemplated(item)) return;
    const key = item === '.' ? namespace : item;
    if (seen.has(key)) {
      report.error(
        code,
        at(path, i),
        key !== item
          ? `exportTo lists both "." and the current namespace ${namespace}: keep one`
          : `exportTo lists "${item}" twice: remove the repeat`,
      );
    } else if (key === '~') {
      report.error(
        code,
        at(path, i),
        'exportTo "~" (no one) is not allowed here: use ".", "*" or namespaces',
      );
    } else if (key !== '*' && !isDnsLabel(key)) {
      report.error(code, at(path, i), `exportTo "${item}" is not ".", "*" or a namespace name`);
    } else {
      seen.add(key);
    }
  });
  if (withSelector && seen.size > 0) {
    if (!seen.has(namespace)) {
      report.error(
        code,
        path,
        'a DestinationRule with a workloadSelector can only be exported to its own namespace: use exportTo ["."]',
      );
    } else if (seen.size > 1) {
      report.error(
        code,
        path,
        'a DestinationRule with a workloadSelector can only list its own namespace in exportTo',
      );
    }
  }
  if (seen.has('*') && list.length > 1) {
    report.error(code, path, 'exportTo "*" already exports everywhere: remove the other entries');
  }
}
