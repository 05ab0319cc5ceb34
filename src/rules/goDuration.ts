/**
 * Durations as Istio reads them. Istio decodes `google.protobuf.Duration` fields with Go's
 * `time.ParseDuration` (golang/protobuf jsonpb), so `10s`, `1.5s`, `100ms` and `1m30s` are all
 * accepted, and then requires at least 1ms at millisecond precision (`ValidateDuration`,
 * pkg/config/validation/agent/validation.go).
 */

const NS_PER: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MS = 1_000_000n;

/** A duration in nanoseconds, or why Go's `time.ParseDuration` rejects it. */
export type ParsedDuration = { readonly ns: bigint } | { readonly error: string };

/** Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or a bare `0`. */
export function parseGoDuration(input: string): ParsedDuration {
  const invalid = {
    error: `"${input}" is not a duration: write a number with a unit (h, m, s, ms, us, ns), like 10s, 1.5s or 1m30s`,
  };
  let s = input;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return { ns: 0n };
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    const head = /^([0-9]*)(?:\.([0-9]*))?/.exec(s) as RegExpExecArray;
    const whole = head[1] ?? '';
    const fraction = head[2];
    if (whole === '' && (fraction === undefined || fraction === '')) return invalid;
    s = s.slice(head[0].length);
    // Go takes every character up to the next digit or dot as the unit.
    const unitMatch = /^[^0-9.]*/.exec(s) as RegExpExecArray;
    const unit = unitMatch[0];
    if (unit === '') {
      return { error: `"${input}" has no unit: add one (h, m, s, ms, us, ns), like 10s` };
    }
    const scale = NS_PER[unit];
    if (scale === undefined) {
      return { error: `"${input}" has an unknown unit "${unit}": use h, m, s, ms, us or ns` };
    }
    s = s.slice(unit.length);
    total += BigInt(whole === '' ? '0' : whole) * scale;
    if (fraction) {
      // Go truncates the fractional part to whole nanoseconds.
      total += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    }
  }
  return { ns: negative ? -total : total };
}

/**
 * Istio's `ValidateDuration` on a written duration: the message to show, or undefined when
 * Istio accepts it.
 */
export function durationProblem(input: string): string | undefined {
  const parsed = parseGoDuration(input);
  if ('error' in parsed) return parsed.error;
  if (parsed.ns < MS) return `duration ${input} is shorter than 1ms: use 1ms or more`;
  if (parsed.ns % MS !== 0n) {
    return `duration ${input} is more precise than a millisecond: Istio supports whole milliseconds only`;
  }
  return undefined;
}

/** The duration in nanoseconds when it parses (for checks such as "0s disables it"). */
export function durationNs(input: string): bigint | undefined {
  const parsed = parseGoDuration(input);
  return 'ns' in parsed ? parsed.ns : undefined;
}
