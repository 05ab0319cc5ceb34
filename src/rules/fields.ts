/**
 * Field validators for editing forms, run as the user types: each takes what the field holds
 * (text, or a number) and returns a short message, or undefined when Istio accepts it. An empty
 * field is left to the form (`required` makes one mandatory). They apply the same rules as the
 * lint checks of this folder, so a form and the Problems panel never disagree.
 */

import { regexProblem } from '../model/regex.ts';
import { durationProblem } from './goDuration.ts';
import { matchHeaderNameProblem } from './headers.ts';
import {
  gatewayHostProblems,
  isDnsLabel,
  labelKeyProblem,
  labelValueProblem,
  wildcardDomainProblem,
} from './names.ts';
import { retryOnProblem } from './retryOn.ts';

export type FieldValidator = (value: unknown) => string | undefined;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** Text validators see the text; a number typed into a text field is read as its digits. */
export function textual(check: (text: string) => string | undefined): FieldValidator {
  return (value) => {
    if (isEmpty(value)) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return 'Enter text';
    return check(String(value));
  };
}

/** A number from a number input or from text (`"80"`); undefined when it is not one. */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)\s*$/.test(value))
    return Number(value);
  return undefined;
}

function integerIn(min: number, max: number, what: string): FieldValidator {
  return (value) => {
    if (isEmpty(value)) return undefined;
    const n = numeric(value);
    if (n === undefined || !Number.isInteger(n))
      return `${what} must be a whole number from ${min} to ${max}`;
    return n < min || n > max ? `${what} must be from ${min} to ${max}` : undefined;
  };
}

/** Makes a field mandatory: empty gives "Required", anything else goes to `validator`. */
export function required(validator: FieldValidator): FieldValidator {
  return (value) => (isEmpty(value) ? 'Required' : validator(value));
}

/** A duration (`timeout`, `perTryTimeout`, `fixedDelay`…): Go syntax, at least 1ms, whole ms. */
export const durationField: FieldValidator = textual(durationProblem);

/** A port number: 1 to 65535 (`ValidatePort`). */
export const portField: FieldValidator = integerIn(1, 65535, 'Port');

/** A percentage (`percentage.value`, `mirrorPercentage.value`): 0 to 100, fractions allowed. */
export const percentageField: FieldValidator = (value) => {
  if (isEmpty(value)) return undefined;
  const n = numeric(value);
  if (n === undefined) return 'Percentage must be a number from 0 to 100';
  return n < 0 || n > 100 ? 'Percentage must be from 0 to 100' : undefined;
};

/** An RE2 regular expression (`regex` matches, `uriRegexRewrite.match`), at most 1024 characters. */
export const regexField: FieldValidator = textual(regexProblem);

/** A DNS-1123 label (subset names, namespaces, gateway names). */
export const dnsLabelField: FieldValidator = textual((text) =>
  isDnsLabel(text)
    ? undefined
    : 'Use letters, digits and inner dashes, at most 63 characters (no dots)',
);

/** A host: a DNS name whose first label may be `*` (`ValidateWildcardDomain`). */
export const hostField: FieldValidator = textual(wildcardDomainProblem);

/** A Gateway server host: `[namespace/]dnsName`, e.g. `*.example.com` or `prod/shop.example.com`. */
export const gatewayHostField: FieldValidator = textual((text) => gatewayHostProblems(text)[0]);

/** A header name to match on: letters, digits, `-` and the other RFC 7230 token characters. */
export const headerNameField: FieldValidator = textual(matchHeaderNameProblem);

/** `fault.abort.httpStatus`: an HTTP status from 200 to 599. */
export const abortStatusField: FieldValidator = integerIn(200, 599, 'HTTP status');

/** `redirect.redirectCode`: a 3xx status. */
export const redirectCodeField: FieldValidator = integerIn(300, 399, 'Redirect code');

/** `retries.retryOn`: comma separated Envoy retry conditions and HTTP status codes. */
export const retryOnField: FieldValidator = textual(retryOnProblem);

/** A label key, such as `app` or `app.kubernetes.io/name`. */
export const labelKeyField: FieldValidator = textual(labelKeyProblem);

/** A label value: empty, or letters and digits with inner `-`, `_` and `.`. */
export const labelValueField: FieldValidator = (value) => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return 'Enter text';
  }
  return labelValueProblem(String(value));
};
