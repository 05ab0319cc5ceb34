import { parseOutboundCluster } from '../model/envoyCluster.ts';
import { isRecord, valueAt } from '../model/read.ts';
import { durationField, type FieldValidator } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import { setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { clusterNameField } from './envoyCluster.ts';
import type { FormSection } from './types.ts';
import {
  protoDurationField,
  rateLimitHeaderField,
  rateLimitKeyField,
  wholeNumber,
} from './validators.ts';

/**
 * The rate limit parts of an EnvoyFilter patch that forms edit: the local rate limit's token
 * buckets, the global rate limit filter (domain, failure mode, timeout, service cluster) and
 * the descriptors the gateway sends (`rate_limits` actions reading request headers). The rest
 * of a patch is raw Envoy configuration, edited in the text.
 */

const GLOBAL_FILTER = 'envoy.filters.http.ratelimit';
const GLOBAL_TYPE = 'envoy.extensions.filters.http.ratelimit.v3.RateLimit';

/** A patch value: where it is in the document and what it holds. */
export interface PatchValue {
  readonly path: Path;
  readonly value: unknown;
}

/**
 * Where a filter's own configuration is: in `typed_config`, or in its `value` when written as
 * a `TypedStruct`, which Envoy converts itself (so its durations are protobuf JSON, not Go).
 */
function filterConfig(patch: PatchValue): { path: Path; typedStruct: boolean } {
  const typed = valueAt(patch.value, ['typed_config']);
  const type = String(valueAt(typed, ['@type']) ?? '');
  return type.endsWith('.TypedStruct')
    ? { path: [...patch.path, 'typed_config', 'value'], typedStruct: true }
    : { path: [...patch.path, 'typed_config'], typedStruct: false };
}

/** Durations of a filter's configuration, as whoever reads them reads them. */
function durationOf(typedStruct: boolean): FieldValidator {
  return typedStruct ? protoDurationField : durationField;
}

function numbered(title: string, index: number, count: number): string {
  return count === 1 ? title : `${title} ${index + 1}`;
}

/** The local rate limit's token buckets (`envoy.filters.http.local_ratelimit`). */
export function localRateLimitSections(ctx: FormContext, patches: readonly PatchValue[]) {
  const buckets = patches.flatMap((patch) => {
    if (!JSON.stringify(patch.value ?? null).includes('local_ratelimit')) return [];
    const { typedStruct } = filterConfig(patch);
    return keyPaths(patch.value, 'token_bucket', isRecord).map((at) => ({
      path: [...patch.path, ...at],
      typedStruct,
    }));
  });
  return buckets.map(({ path, typedStruct }, i) =>
    section(
      `bucket-${i}`,
      numbered('Local rate limit', i, buckets.length),
      [
        field(ctx, {
          label: 'Max tokens',
          type: 'number',
          path: [...path, 'max_tokens'],
          integer: true,
          required: true,
          validate: wholeNumber('Max tokens', 1),
          help: 'The burst: requests allowed at once.',
        }),
        field(ctx, {
          label: 'Tokens per fill',
          type: 'number',
          path: [...path, 'tokens_per_fill'],
          integer: true,
          validate: wholeNumber('Tokens per fill', 1),
        }),
        field(ctx, {
          label: 'Fill interval',
          type: 'duration',
          path: [...path, 'fill_interval'],
          required: true,
          validate: durationOf(typedStruct),
          placeholder: '60s',
        }),
      ],
      'Each gateway pod allows this many requests per interval; the rest get 429.',
    ),
  );
}

/** A patch value configuring the global filter (not one that only names it, as REMOVE does). */
function isGlobalFilter(value: unknown): boolean {
  const typed = valueAt(value, ['typed_config']);
  if (!isRecord(typed)) return false;
  if (valueAt(value, ['name']) === GLOBAL_FILTER) return true;
  const type = String(valueAt(typed, ['type_url']) ?? valueAt(typed, ['@type']) ?? '');
  return type.endsWith(GLOBAL_TYPE);
}

/** Envoy's global rate limit filter: one section per patch that adds or changes it. */
export function globalRateLimitSections(
  ctx: FormContext,
  patches: readonly PatchValue[],
): FormSection[] {
  const filters = patches.filter((patch) => isGlobalFilter(patch.value));
  return filters.map((patch, i) => {
    const { path, typedStruct } = filterConfig(patch);
    const service = [...path, 'rate_limit_service', 'grpc_service'];
    const viaGoogleGrpc = valueAt(ctx.plain, [...service, 'google_grpc']) !== undefined;
    return section(
      `globalRateLimit-${i}`,
      numbered('Global rate limit', i, filters.length),
      [
        field(ctx, {
          label: 'Domain',
          type: 'text',
          path: [...path, 'domain'],
          required: true,
          validate: rateLimitKeyField,
          help: 'The set of rules the rate limit service applies: the domain of its configuration (ConfigMap ratelimit-config).',
        }),
        field(ctx, {
          label: 'Deny when the service fails',
          type: 'boolean',
          path: [...path, 'failure_mode_deny'],
          help: 'Off: requests pass when the rate limit service cannot be reached. On: they get 500, so an outage of the service stops the gateway’s traffic.',
        }),
        field(ctx, {
          label: 'Timeout',
          type: 'duration',
          path: [...path, 'timeout'],
          validate: durationOf(typedStruct),
          placeholder: typedStruct ? '0.02s' : '20ms',
          help: 'How long each request waits for the service’s answer (Envoy’s default: 20ms).',
        }),
        viaGoogleGrpc ? undefined : serviceCluster(ctx, [...service, 'envoy_grpc']),
      ],
      'Asks the rate limit service about every request; over the limit, the gateway answers 429.',
    );
  });
}

/**
 * The Envoy cluster of the rate limit service. An `authority` naming the old cluster's host
 * follows it to the new one, or the service would be asked under the old name.
 */
function serviceCluster(ctx: FormContext, envoyGrpc: Path) {
  const clusterPath = [...envoyGrpc, 'cluster_name'];
  const authorityPath = [...envoyGrpc, 'authority'];
  const before = valueAt(ctx.plain, clusterPath);
  const authority = valueAt(ctx.plain, authorityPath);
  const oldHost = typeof before === 'string' ? parseOutboundCluster(before)?.host : undefined;
  return field(ctx, {
    label: 'Rate limit service cluster',
    type: 'text',
    path: clusterPath,
    required: true,
    validate: clusterNameField,
    placeholder: 'outbound|8081||ratelimit.default.svc.cluster.local',
    help: 'Istio names a Service port’s cluster outbound|<port>||<Service host>.',
    write: (target, value) => {
      if (typeof value !== 'string' || value === before) return [];
      const newHost = parseOutboundCluster(value)?.host;
      const follows =
        oldHost !== undefined && authority === oldHost && newHost !== undefined && newHost !== '';
      return [
        setAt(target, clusterPath, value),
        ...(follows && newHost !== oldHost ? [setAt(target, authorityPath, newHost)] : []),
      ];
    },
  });
}

/**
 * The descriptors the gateway sends: each `rate_limits` entry of a patch (on a virtual host or
 * a route) is one descriptor, and each of its `request_headers` actions one entry of it.
 */
export function rateLimitActionSections(
  ctx: FormContext,
  patches: readonly PatchValue[],
): FormSection[] {
  const entries = patches.flatMap((patch) =>
    keyPaths(patch.value, 'rate_limits', Array.isArray).flatMap((at) => {
      const list = valueAt(patch.value, at);
      return Array.isArray(list) ? list.map((_, i) => [...patch.path, ...at, i]) : [];
    }),
  );
  return entries.flatMap((entry, i) => {
    const actions = valueAt(ctx.plain, [...entry, 'actions']);
    if (!Array.isArray(actions)) return [];
    const headers = actions.flatMap((action, j) =>
      isRecord(valueAt(action, ['request_headers']))
        ? [[...entry, 'actions', j, 'request_headers']]
        : [],
    );
    if (headers.length === 0) return [];
    return [
      section(
        `rateLimitDescriptor-${i}`,
        numbered('Rate limit descriptor', i, entries.length),
        headers.flatMap((path, j) => [
          field(ctx, {
            label: numbered('Request header', j, headers.length),
            type: 'text',
            path: [...path, 'header_name'],
            required: true,
            validate: rateLimitHeaderField,
            placeholder: ':path',
            help: 'Its value is sent to the rate limit service; without the header, the descriptor is not sent.',
          }),
          field(ctx, {
            label: numbered('Descriptor key', j, headers.length),
            type: 'text',
            path: [...path, 'descriptor_key'],
            required: true,
            validate: rateLimitKeyField,
            placeholder: 'PATH',
            help: 'The key the rate limit service’s descriptors name (its ConfigMap is edited in the text).',
          }),
        ]),
        'What each request is counted by: the rate limit service limits the descriptors its configuration lists.',
      ),
    ];
  });
}

/** Paths (relative to `value`) of every `key` below it whose value passes `accept`. */
function keyPaths(value: unknown, key: string, accept: (child: unknown) => boolean): Path[] {
  const walk = (node: unknown, at: Path): Path[] => {
    if (Array.isArray(node)) return node.flatMap((item, i) => walk(item, [...at, i]));
    if (!isRecord(node)) return [];
    return Object.entries(node).flatMap(([k, child]) =>
      k === key && accept(child) ? [[...at, k]] : walk(child, [...at, k]),
    );
  };
  return walk(value, []);
}
