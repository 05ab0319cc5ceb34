import type { FieldValidator } from '../check/structure/fields.ts';
import { parseGoDuration } from '../check/structure/goDuration.ts';
import {
  corsHeaderNameProblem,
  headerOperationProblem,
  headerValueProblem,
  requestSetHeaderProblem,
} from '../check/structure/headers.ts';
import { isDnsLabel } from '../check/structure/names.ts';

/**
 * Validators the forms need beyond `check/structure/fields.ts`: whole-number ranges, header
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
