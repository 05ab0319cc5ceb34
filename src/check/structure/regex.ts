import { RE2JS } from 're2js';

/** Envoy's program size limit, approximated by length as Istio does (`validateStringRegexp`). */
export const MAX_REGEX_LENGTH = 1024;

const cache = new Map<string, string | undefined>();
const CACHE_LIMIT = 2000;

/**
 * Istio's `validateStringRegexp`: at most 1024 characters and valid RE2 syntax (Go's regexp,
 * compiled here with re2js). Returns the message or undefined. Results are cached, since the
 * same patterns come back on every keystroke.
 */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return `regex is too long (${pattern.length} characters): Istio allows at most ${MAX_REGEX_LENGTH}`;
  }
  if (cache.has(pattern)) return cache.get(pattern);
  let problem: string | undefined;
  try {
    RE2JS.compile(pattern);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    problem = `invalid RE2 regex: ${detail}`;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, problem);
  return problem;
}
