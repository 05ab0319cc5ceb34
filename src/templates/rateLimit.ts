import { protoDurationField } from '../forms/validators.ts';
import { addManifests } from './additions.ts';
import { gatewayParameters, gatewayPods } from './gatewayPods.ts';
import { gatewayHttpFilter, type Manifest } from './manifests.ts';
import { all, durationAtLeast, integerIn, numberParam, textParam } from './parameters.ts';
import { defineScenario, num, type Scenario, text } from './scenario.ts';

const SUFFIX = '-local-ratelimit';

/**
 * Envoy's local rate limit at the ingress gateway, in the form of Istio's task "Enabling Rate
 * Limits using Envoy": an EnvoyFilter (v1alpha3, the only version EnvoyFilter has) inserting
 * `envoy.filters.http.local_ratelimit` before the router of the gateway's HTTP connection
 * manager, with a `priority` so the relative insertion has a defined order. Each gateway pod
 * keeps its own token bucket, so the limit is per pod.
 */
function rateLimitFilter(
  name: string,
  namespace: string,
  selector: Readonly<Record<string, string>>,
  tokens: number,
  fillInterval: string,
): Manifest {
  const always = { numerator: 100, denominator: 'HUNDRED' };
  return gatewayHttpFilter(name, namespace, selector, {
    name: 'envoy.filters.http.local_ratelimit',
    typed_config: {
      '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
      type_url:
        'type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit',
      value: {
        stat_prefix: 'http_local_rate_limiter',
        // The bucket holds one interval's worth: no burst above the rate.
        token_bucket: {
          max_tokens: tokens,
          tokens_per_fill: tokens,
          fill_interval: fillInterval,
        },
        filter_enabled: {
          runtime_key: 'local_rate_limit_enabled',
          default_value: always,
        },
        filter_enforced: {
          runtime_key: 'local_rate_limit_enforced',
          default_value: always,
        },
        response_headers_to_add: [
          {
            append_action: 'OVERWRITE_IF_EXISTS_OR_ADD',
            header: { key: 'x-local-rate-limit', value: 'true' },
          },
        ],
      },
    },
  });
}

export const RATE_LIMIT: Scenario = defineScenario({
  id: 'local-rate-limit',
  title: 'Local rate limit at the gateway',
  description:
    'An EnvoyFilter that adds Envoy\u2019s local rate limit to the ingress gateway pods: each pod lets through the given number of requests per fill interval and answers the rest with 429 and the header x-local-rate-limit: true. The limit is per gateway pod; a limit across pods needs Envoy\u2019s global rate limit service.',
  parameters: [
    ...gatewayParameters(SUFFIX),
    numberParam('tokensPerFill', 'Requests per interval', 100, integerIn(1, 1_000_000)),
    // Envoy reads the TypedStruct itself: protobuf durations (`0.5s`), at least 50ms.
    textParam('fillInterval', 'Fill interval', '1s', all(protoDurationField, durationAtLeast(50))),
  ],
  create(params, workspace) {
    const pods = gatewayPods(text(params, 'name'), text(params, 'namespace'));
    return addManifests(workspace, [
      rateLimitFilter(
        `${pods.name}${SUFFIX}`,
        pods.namespace,
        pods.selector,
        num(params, 'tokensPerFill'),
        text(params, 'fillInterval'),
      ),
    ]);
  },
});
