/**
 * `retries.retryOn` as Istio validates it (`validateHTTPRetry`, pkg/config/validation): a comma
 * separated list where each token is an Envoy retry policy Istio supports or an HTTP status
 * code that Go's `http.StatusText` knows. Tokens are not trimmed: `5xx, reset` has an invalid
 * token " reset".
 */

export const RETRY_ON_POLICIES: readonly string[] = [
  // x-envoy-retry-on
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  // x-envoy-retry-grpc-on
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
];

const POLICIES = new Set(RETRY_ON_POLICIES);

/** The status codes Go's `net/http` names (status.go); 306 is unused there. */
const KNOWN_STATUS = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
  305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
  416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
  506, 507, 508, 510, 511,
]);

/** Go's `strconv.Atoi` on a token, then `http.StatusText(i) != ""`. */
function isStatusToken(token: string): boolean {
  return /^[+-]?[0-9]+$/.test(token) && KNOWN_STATUS.has(Number(token));
}

/** The tokens Istio rejects, in order. */
export function invalidRetryOnTokens(retryOn: string): string[] {
  return retryOn.split(',').filter((token) => !POLICIES.has(token) && !isStatusToken(token));
}

/** A message for a `retryOn` value, or undefined when every token is accepted. */
export function retryOnProblem(retryOn: string): string | undefined {
  const bad = invalidRetryOnTokens(retryOn);
  if (bad.length === 0) return undefined;
  const list = bad.map((token) => `"${token}"`).join(', ');
  const spaced = bad.some((token) => token !== token.trim()) ? ' (no spaces after commas)' : '';
  return `${list} ${bad.length === 1 ? 'is not a retry condition' : 'are not retry conditions'}${spaced}: use HTTP status codes or 5xx, gateway-error, reset, connect-failure, retriable-4xx, refused-stream, retriable-status-codes, …`;
}
