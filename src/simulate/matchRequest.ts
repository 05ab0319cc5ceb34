import type { HttpMatch, StringMatch } from '../model/match.ts';
import type { Dict } from '../model/read.ts';
import { fullMatch } from '../model/regex.ts';
import type { ParsedRequest } from './request.ts';
import {
  conditionOf,
  describeCondition,
  type MatchCondition,
  testHeader,
  testValue,
  type ValueResult,
} from './stringMatch.ts';

/** What the route match is evaluated against. */
export interface MatchInput {
  readonly request: ParsedRequest;
  /** Decoded query parameters (`queryParams(request.query)`). */
  readonly query: ReadonlyMap<string, string>;
  /** `:scheme` at the gateway: `https` on a TLS-terminating server, else `http`. */
  readonly scheme: 'http' | 'https';
}

export interface MatchResult {
  readonly matched: boolean;
  /** The conditions that failed (or, when matched, the ones that held), for the trace. */
  readonly detail: string;
}

/**
 * Header keys the API says are ignored in `headers` (virtual_service.proto, HTTPMatchRequest:
 * "The keys uri, scheme, method, and authority will be ignored").
 */
const IGNORED_HEADER_KEYS = new Set(['uri', 'scheme', 'method', 'authority']);
const JWT_CLAIM_PREFIX = '@request.auth.claims';

/**
 * One `HTTPMatchRequest` against a request, as Envoy evaluates the route Istio builds from it
 * (route.go `TranslateRouteMatch`): every condition must hold. No match at all is Istio's
 * `prefix: /`, which every request satisfies. `port`, `gateways`, `sourceLabels` and
 * `sourceNamespace` are not here: they decide whether the route exists at all (`TranslateRoute`).
 */
export function evaluateMatch(match: HttpMatch | undefined, input: MatchInput): MatchResult {
  if (match === undefined) return { matched: true, detail: 'no match conditions: every request' };
  const passed: string[] = [];
  const failed: string[] = [];
  const note: Note = (label, condition, got, r, failure) => {
    if (r.invalidRegex !== undefined)
      failed.push(`${label}: invalid regex (${r.invalidRegex}), matches nothing`);
    else if (r.ok) passed.push(`${label} ${condition}`);
    else if (failure !== undefined) failed.push(`${label}: ${failure}`);
    else
      failed.push(
        got === undefined
          ? `${label}: absent`
          : `${label}: ${JSON.stringify(got)} is not ${condition}`,
      );
  };

  if (match.uri) uriCondition(match.uri, match.ignoreUriCase === true, input.request.path, note);

  const pseudo: [string, StringMatch | undefined, string][] = [
    ['method', match.method, input.request.method],
    ['authority', match.authority, input.request.authority],
    ['scheme', match.scheme, input.scheme],
  ];
  for (const [label, m, value] of pseudo) {
    if (!m) continue;
    const condition = conditionOf(m);
    note(label, describeCondition(condition), value, testHeader(condition, value, false));
  }

  headerConditions(match.headers, false, input, note);
  headerConditions(match.withoutHeaders, true, input, note);

  for (const [name, m] of entriesOf(match.queryParams)) {
    const condition = conditionOf(m);
    const value = input.query.get(name);
    const label = `query ${name}`;
    if (value === undefined) note(label, describeCondition(condition), undefined, { ok: false });
    else note(label, describeCondition(condition), value, testValue(condition, value));
  }

  if (failed.length > 0) return { matched: false, detail: failed.join('; ') };
  return {
    matched: true,
    detail: passed.length > 0 ? `matches: ${passed.join(', ')}` : 'no conditions: every request',
  };
}

/** Records a condition; `failure` replaces the default "got X, is not C" wording. */
type Note = (
  label: string,
  condition: string,
  got: string | undefined,
  r: ValueResult,
  failure?: string,
) => void;

/**
 * The path condition. `exact` is Envoy `path`, `prefix` is `prefix`, both case-insensitive with
 * `ignoreUriCase`; `regex` is `safe_regex` on the path without the query string, where case
 * sensitivity does not apply (the proto: "ignored ... only in the case of exact and prefix").
 * `uri: {}` sets no path specifier, leaving Istio's default `prefix: /`.
 */
function uriCondition(uri: StringMatch, ignoreCase: boolean, path: string, note: Note): void {
  const suffix = ignoreCase ? ' (ignoring case)' : '';
  if (uri.exact !== undefined) {
    const c: MatchCondition = { kind: 'exact', value: uri.exact };
    note('uri', describeCondition(c) + suffix, path, testValue(c, path, ignoreCase));
  } else if (uri.prefix !== undefined) {
    const c: MatchCondition = { kind: 'prefix', value: uri.prefix };
    note('uri', describeCondition(c) + suffix, path, testValue(c, path, ignoreCase));
  } else if (uri.regex !== undefined) {
    const r = fullMatch(uri.regex, path);
    note(
      'uri',
      `regex ${JSON.stringify(uri.regex)}`,
      path,
      r.error === undefined ? { ok: r.ok } : { ok: false, invalidRegex: r.error },
    );
  }
}

function headerConditions(
  headers: Dict<StringMatch> | undefined,
  invert: boolean,
  input: MatchInput,
  note: Note,
): void {
  for (const [rawName, m] of entriesOf(headers)) {
    const name = rawName.toLowerCase();
    if (IGNORED_HEADER_KEYS.has(name)) continue;
    const condition = conditionOf(m);
    const value = input.request.headers.get(name);
    const result = testHeader(condition, value, invert);
    // JWT claims are matched on the validated token's claims (dynamic metadata); a simulation
    // has no token, so a request header of the same name stands for the claim.
    const label = name.startsWith(JWT_CLAIM_PREFIX)
      ? `JWT claim ${name.slice(JWT_CLAIM_PREFIX.length).replace(/^[.[]/, '').replace(/]/g, '')}`
      : `${invert ? 'without header' : 'header'} ${name}`;
    if (!invert) {
      note(label, describeCondition(condition), value, result);
      continue;
    }
    const described = `not ${describeCondition(condition)}`;
    if (result.ok || result.invalidRegex !== undefined) note(label, described, value, result);
    else
      note(
        label,
        described,
        value,
        result,
        `${value === undefined ? 'absent (read as "")' : JSON.stringify(value)} is ${describeCondition(condition)}`,
      );
  }
}

function entriesOf<T>(dict: Dict<T> | undefined): [string, T][] {
  return dict ? Object.entries(dict) : [];
}

/** Whether a match has only the keys the API ignores in `headers` (used by catch-all detection). */
export function countedHeaderKeys(headers: Dict<StringMatch> | undefined): number {
  let n = 0;
  for (const name of Object.keys(headers ?? {}))
    if (!IGNORED_HEADER_KEYS.has(name.toLowerCase())) n++;
  return n;
}
