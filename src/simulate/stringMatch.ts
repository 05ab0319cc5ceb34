import type { StringMatch } from '../model/match.ts';
import { fullMatch } from '../model/regex.ts';

/**
 * Istio `StringMatch` as Envoy evaluates it (route.go `translateHeaderMatch`,
 * `canBeConvertedToPresentMatch`): `{}` and `regex: "*"` become `present_match`; otherwise exact,
 * prefix or RE2 whole-value regex, case-sensitive. A manifest naming several kinds (invalid: the
 * proto has a oneof) is read as the first of exact, prefix, regex.
 */
export type MatchCondition =
  | { readonly kind: 'present' }
  | { readonly kind: 'exact' | 'prefix' | 'regex'; readonly value: string };

export function conditionOf(match: StringMatch): MatchCondition {
  if (match.exact !== undefined) return { kind: 'exact', value: match.exact };
  if (match.prefix !== undefined) return { kind: 'prefix', value: match.prefix };
  if (match.regex !== undefined && match.regex !== '*')
    return { kind: 'regex', value: match.regex };
  return { kind: 'present' };
}

export function describeCondition(condition: MatchCondition): string {
  return condition.kind === 'present'
    ? 'present'
    : `${condition.kind} ${JSON.stringify(condition.value)}`;
}

export interface ValueResult {
  readonly ok: boolean;
  /** Set when a regex does not compile: it then matches nothing. */
  readonly invalidRegex?: string;
}

/** Whether a present value satisfies an exact/prefix/regex condition (`present` always does). */
export function testValue(
  condition: MatchCondition,
  value: string,
  ignoreCase = false,
): ValueResult {
  switch (condition.kind) {
    case 'present':
      return { ok: true };
    case 'exact':
      return {
        ok: ignoreCase
          ? value.toLowerCase() === condition.value.toLowerCase()
          : value === condition.value,
      };
    case 'prefix':
      return {
        ok: ignoreCase
          ? value.toLowerCase().startsWith(condition.value.toLowerCase())
          : value.startsWith(condition.value),
      };
    case 'regex': {
      const result = fullMatch(condition.value, value);
      return result.error === undefined
        ? { ok: result.ok }
        : { ok: false, invalidRegex: result.error };
    }
  }
}

/**
 * Envoy `HeaderMatcher` (header_utility.cc `matchHeaders`) for one header or pseudo-header.
 * `invert` is a `withoutHeaders` entry: Istio sets `invert_match` and, unless the condition is a
 * presence check, `treat_missing_header_as_empty`, so a missing header counts as "" before the
 * inversion (and therefore satisfies `withoutHeaders: {x: {exact: "1"}}`).
 */
export function testHeader(
  condition: MatchCondition,
  value: string | undefined,
  invert: boolean,
): ValueResult {
  if (condition.kind === 'present') return { ok: (value !== undefined) !== invert };
  if (value === undefined && !invert) return { ok: false };
  const result = testValue(condition, value ?? '');
  // An invalid regex matches nothing, inverted or not (Envoy would refuse the whole route table).
  if (result.invalidRegex !== undefined) return result;
  return { ok: result.ok !== invert };
}
