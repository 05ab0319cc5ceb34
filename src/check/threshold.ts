import type { Severity } from '../workspace/diagnostics.ts';

/**
 * `--failure-threshold` and `--output-threshold`, as istioctl analyze has them
 * (istioctl/pkg/util/formatting/msg_threshold.go): a level named case-insensitively, Info <
 * Warning < Error. istioctl's defaults: fail at Error, print from Info.
 */
export const LEVELS: readonly { readonly name: string; readonly severity: Severity }[] = [
  { name: 'Info', severity: 'info' },
  { name: 'Warning', severity: 'warning' },
  { name: 'Error', severity: 'error' },
];

/** The severity a level name stands for; undefined for anything else. */
export function parseLevel(text: string): Severity | undefined {
  return LEVELS.find((level) => level.name.toUpperCase() === text.toUpperCase())?.severity;
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** Whether `severity` is as bad as `threshold` or worse (istioctl's `IsWorseThanOrEqualTo`). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
