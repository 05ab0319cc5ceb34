import type { FieldValidator } from '../rules/fields.ts';
import { parseGoDuration } from '../rules/goDuration.ts';
import {
  corsHeaderNameProblem,
  headerOperationProblem,
  headerValueProblem,
  isJwtClaimHeader,
  matchHeaderNameProblem,
  requestSetHeaderProblem,
} from '../rules/headers.ts';
import { isDnsLabel } from '../rules/names.ts';

/**
 * Validators the forms need beyond `rules/fields.ts`: whole-number ranges, header
 * operations (built on the same rule functions as the checks), and Kubernetes values (resource
 * quantities, int-or-percent) that Istio does not check.
 */

function textual(check: (text: string) => string | undefined): FieldValidator {
  return (value) => (value === undefined || value === '' ? undefined : check(String(value)));
}

/** A whole number from `min` (and up to `max`). */
export function wholeNumber(what: string, min: number, max?: number): FieldValidator {
  return (value) => {
    if (value === undefined) return undefined;
    const n = typeof value === 'number' ? value : Number(value);
    const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
    if (!Number.isInteger(n)) return `${what} must be a whole number ${range}`;
    return n < min || (max !== undefined && n > max) ? `${what} must be ${range}` : undefined;
  };
}

/** `exportTo` entries: `.` (this namespace), `*` (all) or a namespace name. */
export const exportToField: FieldValidator = textual((text) =>
  text === '.' || text === '*' || isDnsLabel(text)
    ? undefined
    : `"${text}" is not ".", "*" or a namespace name`,
);

/** A header a request `set` or `add` may write (`:authority`/`host` allowed, no other `:`). */
export const requestHeaderNameField: FieldValidator = textual(requestSetHeaderProblem);

/** A header a response operation or a `remove` may name (no `host`, no `:` headers). */
export const headerOperationNameField: FieldValidator = textual(headerOperationProblem);

export const headerValueField: FieldValidator = textual(headerValueProblem);

export const corsHeaderField: FieldValidator = textual(corsHeaderNameProblem);

const QUANTITY = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** A Kubernetes resource quantity: `500m`, `1`, `512Mi`, `2Gi`. */
export const quantityField: FieldValidator = textual((text) =>
  QUANTITY.test(text)
    ? undefined
    : `"${text}" is not a quantity: write e.g. 500m or 1 (CPU), 256Mi or 1Gi (memory)`,
);

/** PodDisruptionBudget `minAvailable` / `maxUnavailable`: a count or a percentage. */
export const intOrPercentField: FieldValidator = textual((text) =>
  /^\d+%?$/.test(text) && (!text.endsWith('%') || Number(text.slice(0, -1)) <= 100)
    ? undefined
    : 'Enter a number of pods (2) or a percentage (50%)',
);

/**
 * A rolling update's `maxSurge` or `maxUnavailable`: a count or a percentage. Kubernetes caps
 * `maxUnavailable` at 100%; a surge may exceed it.
 */
export function rolloutBoundField(key: 'maxSurge' | 'maxUnavailable'): FieldValidator {
  return textual((text) => {
    if (!/^\d+%?$/.test(text)) return 'Enter a number of pods (1) or a percentage (25%)';
    return key === 'maxUnavailable' && text.endsWith('%') && Number(text.slice(0, -1)) > 100
      ? 'At most 100%'
      : undefined;
  });
}

/** Whether a rolling update bound is zero (`0` or `0%`): both at zero, nothing could roll. */
export function isZeroBound(value: unknown): boolean {
  return value === 0 || value === '0' || value === '0%';
}

/** Parses an int-or-percent input the way Kubernetes reads it: `2` a number, `50%` a string. */
export function intOrPercent(value: unknown): unknown {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

/** A duration that may be zero (a cookie TTL of `0s` makes a session cookie). */
export const zeroOrMoreDurationField: FieldValidator = textual((text) => {
  const parsed = parseGoDuration(text);
  if ('error' in parsed) return parsed.error;
  return parsed.ns < 0n ? 'A duration cannot be negative' : undefined;
});

/**
 * A request header an Envoy rate limit action reads (`request_headers.header_name`): a header
 * name or request pseudo-header, as Istio matches them; not a JWT claim, which only Istio's own
 * routing reads, nor `:status`, which requests do not have.
 */
export const rateLimitHeaderField: FieldValidator = textual((text) => {
  if (isJwtClaimHeader(text))
    return 'Envoy reads request headers here: a JWT claim only works in Istio route matches';
  if (text === ':status') return 'Requests have no :status header';
  return matchHeaderNameProblem(text);
});

const RATE_LIMIT_KEY = /^[A-Za-z0-9._-]+$/;

/**
 * A rate limit domain or descriptor key: the rate limit service compares them as plain strings
 * with its configuration, so spaces (easy to type, hard to see) are refused.
 */
export const rateLimitKeyField: FieldValidator = textual((text) =>
  RATE_LIMIT_KEY.test(text) ? undefined : 'Use letters, digits, dots, dashes and underscores',
);

const PROTO_DURATION = /^\d+(?:\.\d{1,9})?s$/;

/**
 * A duration Envoy reads itself, from the JSON of a `TypedStruct`: protobuf's JSON form, whole
 * or fractional seconds with an `s` (`0.5s`, `60s`). Istio does not convert these, so the Go
 * forms its own fields accept (`500ms`, `1m`) make Envoy reject the filter.
 */
export const protoDurationField: FieldValidator = textual((text) =>
  PROTO_DURATION.test(text)
    ? undefined
    : `"${text}" is read by Envoy as a protobuf duration: write seconds, like 0.5s or 60s`,
);
