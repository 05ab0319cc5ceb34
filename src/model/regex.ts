import { RE2JS } from 're2js';

/**
 * Regular expressions from manifests, compiled once for the checks, the forms and the simulator.
 * They run with RE2 (re2js), as Envoy's `safe_regex` does (google_re2) and Istio validates them
 * (Go's regexp), never with JavaScript's RegExp: the syntax and the linear-time guarantee differ.
 * Compiled patterns are cached (the same ones come back on every keystroke and simulation); an
 * invalid pattern is cached as its error.
 */
const cache = new Map<string, RE2JS | string>();
const MAX_CACHED = 2000;

/** Envoy's program size limit, approximated by length as Istio does (`validateStringRegexp`). */
export const MAX_REGEX_LENGTH = 1024;

/** The compiled pattern, or the reason it does not compile. */
export function compileRegex(pattern: string): RE2JS | string {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RE2JS | string;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (error) {
    compiled = error instanceof Error ? error.message : String(error);
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Whole-value match (RE2 `FullMatch`), as Envoy's `safe_regex` matchers do. */
export function fullMatch(
  pattern: string,
  value: string,
): { readonly ok: boolean; readonly error?: string } {
  const re = compileRegex(pattern);
  if (typeof re === 'string') return { ok: false, error: re };
  return { ok: re.matches(value) };
}

/**
 * Envoy's `regex_rewrite` (RE2 `GlobalReplace`): every match is replaced by `substitution`, where
 * `\0`…`\9` name capture groups and `\\` is a backslash. Undefined when the pattern is invalid.
 */
export function regexReplaceAll(
  pattern: string,
  input: string,
  substitution: string,
): string | undefined {
  const re = compileRegex(pattern);
  if (typeof re === 'string') return undefined;
  const groups = re.groupCount();
  return re.matcher(input).replaceAll((...args: unknown[]) => {
    const captured = args.slice(0, groups + 1).map((g) => (typeof g === 'string' ? g : ''));
    return substitution.replace(/\\(\d|\\)/g, (_, ref: string) =>
      ref === '\\' ? '\\' : (captured[Number(ref)] ?? ''),
    );
  });
}

/**
 * Istio's `validateStringRegexp`: at most 1024 characters and valid RE2 syntax. Returns the
 * message or undefined.
 */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return `regex is too long (${pattern.length} characters): Istio allows at most ${MAX_REGEX_LENGTH}`;
  }
  const re = compileRegex(pattern);
  return typeof re === 'string' ? `invalid RE2 regex: ${re}` : undefined;
}
