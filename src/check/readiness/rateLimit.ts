import { isRecord, valueAt } from '../../model/read.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { entryOf, findingOn } from '../workloads/resources.ts';
import type { ReadinessGateway } from './gateways.ts';

/** Envoy's global rate limit filter, which asks a rate limit service about every request. */
export const GLOBAL_RATE_LIMIT_FILTER = 'envoy.filters.http.ratelimit';
/** Envoy's local rate limit filter: a token bucket in each gateway pod. */
export const LOCAL_RATE_LIMIT_FILTER = 'envoy.filters.http.local_ratelimit';

/**
 * Where a patch's filter config sets `failure_mode_deny: true`: in `typed_config` itself (the
 * filter's own type, as globalRateLimit.ts writes it) or in a `TypedStruct`'s `value`.
 */
function failClosedPath(patch: unknown): Path | undefined {
  const value = valueAt(patch, ['patch', 'value']);
  if (!isRecord(value) || value.name !== GLOBAL_RATE_LIMIT_FILTER) return undefined;
  for (const path of [
    ['typed_config', 'failure_mode_deny'],
    ['typed_config', 'value', 'failure_mode_deny'],
  ])
    if (valueAt(value, path) === true) return ['patch', 'value', ...path];
  return undefined;
}

/**
 * A global rate limit on the gateway that fails closed: when the rate limit service is down or
 * slow, Envoy answers every request with an error instead of letting it through, so an outage of
 * that one service stops all ingress traffic.
 */
export function* failClosedFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  for (const filter of gateway.filters) {
    const entry = entryOf(context, filter.id);
    const patches = valueAt(entry?.plain, ['spec', 'configPatches']);
    if (!entry || !Array.isArray(patches)) continue;
    for (const [index, patch] of patches.entries()) {
      const at = failClosedPath(patch);
      if (!at) continue;
      const path = ['spec', 'configPatches', index, ...at];
      yield findingOn(entry, {
        code: 'readiness-ratelimit-fail-closed',
        severity: 'warning',
        message: `EnvoyFilter ${filter.object.metadata.name} makes the gateway's global rate limit fail closed (failure_mode_deny: true): when the rate limit service is down or does not answer in time, the gateway rejects every request, so an outage of the rate limit service is an outage of all ingress traffic. Remove it to fail open (requests pass unlimited while the service is away).`,
        path,
        fixes: [
          {
            title: 'Fail open: remove failure_mode_deny',
            command: { type: 'deleteValue', target: filter.id, path },
          },
        ],
      });
    }
  }
}
