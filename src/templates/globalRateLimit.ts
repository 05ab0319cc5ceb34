import { stringify } from 'yaml';
import { fail } from '../edit/command.ts';
import { rateLimitHeaderField, rateLimitKeyField } from '../forms/validators.ts';
import { outboundCluster } from '../model/envoyCluster.ts';
import { serviceFqdn } from '../model/hosts.ts';
import { resourceId } from '../model/resource.ts';
import { portField } from '../rules/fields.ts';
import { findEntry } from '../workspace/workspace.ts';
import { addManifests } from './additions.ts';
import { gatewayParameters, gatewayPods } from './gatewayPods.ts';
import { type ConfigMapManifest, gatewayHttpFilter, type Manifest } from './manifests.ts';
import { integerIn, namespaceParam, numberParam, resourceName, textParam } from './parameters.ts';
import {
  defineScenario,
  num,
  type ParameterValidator,
  type ResolvedParams,
  type Scenario,
  text,
} from './scenario.ts';

const FILTER_SUFFIX = '-ratelimit';
const ACTIONS_SUFFIX = '-ratelimit-actions';
/** The name the rate limit service of Istio's sample (samples/ratelimit) reads its rules from. */
const CONFIG_NAME = 'ratelimit-config';
/** A descriptor value that stands for every value, each counted on its own. */
const EVERY_VALUE = '*';
const UNITS = ['second', 'minute', 'hour', 'day'];
/**
 * How long a request waits for the service's answer: Envoy's default (20ms) is tight for a
 * call across the cluster, Istio's task (10s) would hold requests for as long.
 */
const TIMEOUT = '1s';

/**
 * The descriptor key a header's values are counted under: `:path` gives `PATH` (the key of
 * Istio's task), `x-api-key` gives `X_API_KEY`.
 */
export function descriptorKey(header: string): string {
  return header.replace(/^:/, '').replace(/-/g, '_').toUpperCase();
}

interface RateLimitService {
  readonly namespace: string;
  readonly name: string;
  readonly port: number;
}

/**
 * The rules the rate limit service enforces (envoyproxy/ratelimit's configuration format),
 * in the ConfigMap Istio's sample Deployment mounts. A descriptor without `value` matches
 * every value of its key, each value with its own counter.
 */
function rateLimitConfig(service: RateLimitService, params: ResolvedParams): ConfigMapManifest {
  const value = text(params, 'value');
  const descriptor = {
    key: descriptorKey(text(params, 'header')),
    ...(value === EVERY_VALUE ? {} : { value }),
    rate_limit: { unit: text(params, 'unit'), requests_per_unit: num(params, 'requestsPerUnit') },
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CONFIG_NAME, namespace: service.namespace },
    data: {
      'config.yaml': stringify({ domain: text(params, 'domain'), descriptors: [descriptor] }),
    },
  };
}

/**
 * Envoy's global rate limit filter (`envoy.filters.http.ratelimit`) before the router of the
 * gateway's HTTP connection manager, asking the rate limit service over gRPC. Istio's task
 * writes the same; the timeout is shorter (every request waits for the answer) and failing
 * closed is a choice, since with it an outage of the service stops all gateway traffic.
 */
function rateLimitFilter(
  name: string,
  namespace: string,
  selector: Readonly<Record<string, string>>,
  service: RateLimitService,
  params: ResolvedParams,
): Manifest {
  const host = serviceFqdn(service.name, service.namespace);
  return gatewayHttpFilter(name, namespace, selector, {
    name: 'envoy.filters.http.ratelimit',
    typed_config: {
      '@type': 'type.googleapis.com/envoy.extensions.filters.http.ratelimit.v3.RateLimit',
      domain: text(params, 'domain'),
      ...(text(params, 'failureMode') === 'deny' ? { failure_mode_deny: true } : {}),
      timeout: TIMEOUT,
      rate_limit_service: {
        grpc_service: {
          // Istio's cluster for the Service port; the authority is the Service's
          // host rather than the cluster name Envoy would send by default.
          envoy_grpc: {
            cluster_name: outboundCluster(service.port, host),
            authority: host,
          },
        },
        transport_api_version: 'V3',
      },
    },
  });
}

/**
 * The descriptor each request sends: the value of one request header under the key the
 * configuration counts. On every virtual host of the gateway (no `routeConfiguration` match);
 * MERGE appends to the virtual host's `rate_limits`, so it is not a relative patch.
 */
function rateLimitActions(
  name: string,
  namespace: string,
  selector: Readonly<Record<string, string>>,
  header: string,
): Manifest {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name, namespace },
    spec: {
      workloadSelector: { labels: { ...selector } },
      configPatches: [
        {
          applyTo: 'VIRTUAL_HOST',
          match: { context: 'GATEWAY' },
          patch: {
            operation: 'MERGE',
            value: {
              rate_limits: [
                {
                  actions: [
                    {
                      request_headers: {
                        header_name: header,
                        descriptor_key: descriptorKey(header),
                      },
                    },
                  ],
                },
              ],
            },
          },
        },
      ],
    },
  };
}

/** A path for `:path` (Envoy sends the path as the request has it, query included). */
const limitedValue: ParameterValidator = (value, params) =>
  params.header === ':path' && value !== EVERY_VALUE && !String(value).startsWith('/')
    ? 'A path starts with /, or write * for every path'
    : undefined;

export const GLOBAL_RATE_LIMIT: Scenario = defineScenario({
  id: 'global-rate-limit',
  title: 'Global rate limit at the gateway',
  description:
    'Envoy\u2019s global rate limit at the ingress gateway, as in Istio\u2019s task "Enabling Rate Limits using Envoy": an EnvoyFilter inserting the rate limit filter, which asks a rate limit service about every request; an EnvoyFilter sending the value of a request header (the path by default) as the descriptor; and the ConfigMap ratelimit-config with the limit, counted across all gateway pods. Requests over it get 429. The rate limit service itself (Envoy\u2019s ratelimit Deployment and Redis, Istio\u2019s samples/ratelimit/rate-limit-service.yaml) is not added: it must run in the cluster, in the namespace given, and reads the ConfigMap.',
  parameters: [
    ...gatewayParameters(ACTIONS_SUFFIX),
    { ...namespaceParam('default', 'Rate limit service namespace'), key: 'serviceNamespace' },
    textParam(
      'service',
      'Rate limit service',
      'ratelimit',
      resourceName(''),
      'The Service of the rate limit Deployment (ratelimit in Istio\u2019s sample)',
    ),
    numberParam('port', 'Rate limit service gRPC port', 8081, portField),
    textParam(
      'domain',
      'Domain',
      'ratelimit',
      rateLimitKeyField,
      'Names the set of rules in the rate limit service: the filter and the ConfigMap must agree',
    ),
    textParam(
      'header',
      'Request header',
      ':path',
      rateLimitHeaderField,
      'What is counted: :path limits by path, a header such as x-api-key by its value',
    ),
    {
      ...textParam(
        'value',
        'Limited value',
        '/',
        limitedValue,
        'The exact path (or header value) the limit applies to; * counts each value on its own',
      ),
      // A path for the path; for another header, each of its values (each API key…).
      default: (params) => (params.header === ':path' ? '/' : EVERY_VALUE),
    },
    numberParam('requestsPerUnit', 'Requests per unit', 100, integerIn(1, 1_000_000_000)),
    {
      key: 'unit',
      label: 'Unit',
      type: 'choice',
      options: UNITS,
      default: 'minute',
      validate: () => undefined,
    },
    {
      key: 'failureMode',
      label: 'When the service is unreachable',
      help: 'allow: requests pass unlimited; deny: the gateway answers 500 (failure_mode_deny)',
      type: 'choice',
      options: ['allow', 'deny'],
      default: 'allow',
      validate: () => undefined,
    },
  ],
  create(params, workspace) {
    const pods = gatewayPods(text(params, 'name'), text(params, 'namespace'));
    const service: RateLimitService = {
      namespace: text(params, 'serviceNamespace'),
      name: text(params, 'service'),
      port: num(params, 'port'),
    };
    // The sample's Deployment mounts the ConfigMap by this name: another name would not be read.
    if (findEntry(workspace, resourceId('ConfigMap', service.namespace, CONFIG_NAME)))
      return fail(
        `ConfigMap ${service.namespace}/${CONFIG_NAME} already exists: add the descriptor to its config.yaml, or run the rate limit service in another namespace`,
      );
    // In the order a request meets them: the filter, the descriptor it sends, the rules.
    return addManifests(workspace, [
      rateLimitFilter(
        `${pods.name}${FILTER_SUFFIX}`,
        pods.namespace,
        pods.selector,
        service,
        params,
      ),
      rateLimitActions(
        `${pods.name}${ACTIONS_SUFFIX}`,
        pods.namespace,
        pods.selector,
        text(params, 'header'),
      ),
      rateLimitConfig(service, params),
    ]);
  },
});
