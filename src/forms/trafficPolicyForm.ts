import { isRecord, valueAt } from '../model/read.ts';
import { durationField, headerNameField, portField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import { deleteAt, setAt } from './commands.ts';
import { clearPath, type FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { CLIENT_TLS_MODES, SIMPLE_LB } from './options.ts';
import type { FieldOption, FormEntry, FormGroup, FormSection } from './types.ts';
import { wholeNumber, zeroOrMoreDurationField } from './validators.ts';

/**
 * A DestinationRule `trafficPolicy` (at the top, in a subset, or for one port): load balancer,
 * connection pool, outlier detection and client TLS.
 */
export function trafficPolicySections(ctx: FormContext, policy: Path): FormSection[] {
  return [
    loadBalancerSection(ctx, [...policy, 'loadBalancer']),
    connectionPoolSection(ctx, [...policy, 'connectionPool']),
    outlierSection(ctx, [...policy, 'outlierDetection']),
    clientTlsSection(ctx, [...policy, 'tls']),
  ];
}

const HASH_KEYS: readonly FieldOption[] = [
  { value: 'httpHeaderName', label: 'HTTP header' },
  { value: 'httpCookie', label: 'Cookie' },
  { value: 'useSourceIp', label: 'Source IP' },
  { value: 'httpQueryParameterName', label: 'Query parameter' },
];

/** What a hash key starts as: the name fields wait for the user to type one. */
const HASH_START: Readonly<Record<string, unknown>> = {
  httpHeaderName: '',
  httpCookie: { name: '' },
  useSourceIp: true,
  httpQueryParameterName: '',
};

const nonEmpty =
  (what: string) =>
  (value: unknown): string | undefined =>
    value === '' ? `Enter ${what}` : undefined;

/**
 * `simple` and `consistentHash` are one choice in Istio's API (a oneof): choosing one deletes the
 * other, and choosing another hash key replaces the one written.
 */
function loadBalancerSection(ctx: FormContext, lb: Path): FormSection {
  const simplePath = [...lb, 'simple'];
  const hashPath = [...lb, 'consistentHash'];
  const simple = valueAt(ctx.plain, simplePath);
  const hash = valueAt(ctx.plain, hashPath);
  const hashKey = isRecord(hash)
    ? HASH_KEYS.map((o) => o.value).find((key) => hash[key] !== undefined)
    : undefined;
  const entries: FormEntry[] = [
    field(ctx, {
      label: 'Load balancer',
      type: 'select',
      path: simplePath,
      options: SIMPLE_LB,
      write: (target, next) => {
        if (next === simple) return [];
        if (next === undefined) return [deleteAt(target, clearPath(ctx.plain, simplePath))];
        return [
          setAt(target, simplePath, next),
          ...(hash !== undefined ? [deleteAt(target, hashPath)] : []),
        ];
      },
    }),
    field(ctx, {
      id: `${formatPath(hashPath)}#key`,
      label: 'Consistent hash by',
      type: 'select',
      path: hashPath,
      value: hashKey ?? '',
      options: HASH_KEYS,
      help: 'Sends requests with the same key to the same pod (session affinity).',
      write: (target, next) => {
        if (next === hashKey || (next === undefined && hash === undefined)) return [];
        if (next === undefined) return [deleteAt(target, clearPath(ctx.plain, hashPath))];
        const key = next as string;
        return [
          setAt(target, [...hashPath, key], HASH_START[key] ?? ''),
          ...(hashKey ? [deleteAt(target, [...hashPath, hashKey])] : []),
          ...(simple !== undefined ? [deleteAt(target, simplePath)] : []),
        ];
      },
    }),
  ];
  if (hashKey === 'httpHeaderName')
    entries.push(
      field(ctx, {
        label: 'Hash header',
        type: 'text',
        path: [...hashPath, 'httpHeaderName'],
        required: true,
        validate: (v) => nonEmpty('a header name')(v) ?? headerNameField(v),
        placeholder: 'x-user-id',
      }),
    );
  if (hashKey === 'httpCookie')
    entries.push(
      field(ctx, {
        label: 'Hash cookie name',
        type: 'text',
        path: [...hashPath, 'httpCookie', 'name'],
        required: true,
        validate: nonEmpty('a cookie name'),
        placeholder: 'session',
      }),
      field(ctx, {
        label: 'Hash cookie TTL',
        type: 'duration',
        path: [...hashPath, 'httpCookie', 'ttl'],
        validate: zeroOrMoreDurationField,
        placeholder: '0s',
        help: 'With a TTL, Envoy sets the cookie when a request has none.',
      }),
    );
  if (hashKey === 'httpQueryParameterName')
    entries.push(
      field(ctx, {
        label: 'Hash query parameter',
        type: 'text',
        path: [...hashPath, 'httpQueryParameterName'],
        required: true,
        validate: nonEmpty('a query parameter name'),
      }),
    );
  return section(`${formatPath(lb)}#section`, 'Load balancer', entries);
}

function count(ctx: FormContext, label: string, path: Path, placeholder?: string) {
  return field(ctx, {
    label,
    type: 'number',
    path,
    integer: true,
    validate: wholeNumber(label, 0),
    ...(placeholder ? { placeholder } : {}),
  });
}

function duration(ctx: FormContext, label: string, path: Path, placeholder: string) {
  return field(ctx, { label, type: 'duration', path, validate: durationField, placeholder });
}

function connectionPoolSection(ctx: FormContext, pool: Path): FormSection {
  const tcp = [...pool, 'tcp'];
  const http = [...pool, 'http'];
  return section(`${formatPath(pool)}#section`, 'Connection pool', [
    count(ctx, 'Max connections', [...tcp, 'maxConnections'], '1024'),
    duration(ctx, 'Connect timeout', [...tcp, 'connectTimeout'], '10s'),
    count(ctx, 'Max pending HTTP/1.1 requests', [...http, 'http1MaxPendingRequests'], '1024'),
    count(ctx, 'Max HTTP/2 requests', [...http, 'http2MaxRequests'], '1024'),
    count(ctx, 'Max requests per connection', [...http, 'maxRequestsPerConnection']),
    count(ctx, 'Max concurrent retries', [...http, 'maxRetries']),
    duration(ctx, 'Idle timeout', [...http, 'idleTimeout'], '1h'),
  ]);
}

function outlierSection(ctx: FormContext, outlier: Path): FormSection {
  return section(
    `${formatPath(outlier)}#section`,
    'Outlier detection',
    [
      count(ctx, 'Consecutive 5xx errors', [...outlier, 'consecutive5xxErrors'], '5'),
      count(ctx, 'Consecutive gateway errors', [...outlier, 'consecutiveGatewayErrors']),
      duration(ctx, 'Interval', [...outlier, 'interval'], '10s'),
      duration(ctx, 'Base ejection time', [...outlier, 'baseEjectionTime'], '30s'),
      field(ctx, {
        label: 'Max ejection (%)',
        type: 'number',
        path: [...outlier, 'maxEjectionPercent'],
        integer: true,
        validate: wholeNumber('Max ejection', 0, 100),
        placeholder: '10',
      }),
    ],
    'Takes pods that keep failing out of the pool for a while.',
  );
}

function clientTlsSection(ctx: FormContext, tls: Path): FormSection {
  return section(`${formatPath(tls)}#section`, 'Client TLS', [
    field(ctx, {
      label: 'TLS mode',
      type: 'select',
      path: [...tls, 'mode'],
      options: CLIENT_TLS_MODES,
    }),
    field(ctx, {
      label: 'Credential name',
      type: 'text',
      path: [...tls, 'credentialName'],
      help: 'The Secret with the client certificate (MUTUAL) or CA (SIMPLE).',
    }),
    field(ctx, {
      label: 'SNI',
      type: 'text',
      path: [...tls, 'sni'],
      placeholder: 'backend.example.com',
    }),
  ]);
}

/** `portLevelSettings`: a policy per destination port, replacing (not merged with) the top one. */
export function portLevelGroup(ctx: FormContext, policy: Path): FormGroup {
  const path = [...policy, 'portLevelSettings'];
  const portId = `${formatPath(path)}#new-port`;
  const lbId = `${formatPath(path)}#new-lb`;
  return listGroup(ctx, {
    title: 'Port-level settings',
    noun: 'port setting',
    path,
    help: 'Fields left out here take Istio’s defaults, not the policy above.',
    item: (itemPath, index, value) => ({
      title: `Port ${String(valueAt(value, ['port', 'number']) ?? index + 1)}`,
      entries: [
        field(ctx, {
          label: 'Port',
          type: 'number',
          path: [...itemPath, 'port', 'number'],
          integer: true,
          required: true,
          validate: portField,
        }),
        ...trafficPolicySections(ctx, itemPath),
      ],
    }),
    addFields: [
      inputField(portId, {
        label: 'New port setting port',
        type: 'number',
        integer: true,
        required: true,
        validate: portField,
      }),
      inputField(lbId, {
        label: 'New port setting load balancer',
        type: 'select',
        options: SIMPLE_LB,
        required: true,
        value: 'LEAST_REQUEST',
      }),
    ],
    newItem: (values) => ({
      value: { port: { number: values[portId] }, loadBalancer: { simple: values[lbId] } },
    }),
  });
}
