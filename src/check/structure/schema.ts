/**
 * The CRD schema (IST0106): wrong types, unknown enum values, missing required fields and
 * out-of-range numbers, found by the validators `@kubernetes-models/istio` compiles from
 * Istio's CRDs. Unknown fields are not reported: Istio's CRDs preserve them. Nulls are pruned
 * first, as the Kubernetes API server does for fields that are not nullable.
 */
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { valueAt } from '../../model/read.ts';
import { formatPath, type Path } from '../../yaml/path.ts';

/** A schema problem at a path; `type` problems make the rules at and below that path moot. */
export interface SchemaIssue {
  readonly path: Path;
  readonly message: string;
  readonly keyword: string;
  /** For a missing required field, the path of that field. */
  readonly missing?: Path;
}

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export type Validate = (this: unknown) => void;

/** The v1 validators serve every served version: the three schemas differ only in apiVersion. */
const VALIDATORS: Readonly<Record<string, Validate>> = {
  Gateway: Gateway.prototype.validate,
  VirtualService: VirtualService.prototype.validate,
  DestinationRule: DestinationRule.prototype.validate,
};

/** Fields set in more than one member of a proto `oneof` (the CRD's oneOf), by member sets. */
const ONE_OF_GROUPS: readonly (readonly string[])[] = [
  ['exact', 'prefix', 'regex'],
  ['port', 'derivePort'],
  ['fixedDelay', 'exponentialDelay'],
  ['httpStatus', 'grpcStatus', 'http2Error'],
  ['string', 'bytes'],
  ['simple', 'consistentHash'],
  ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'],
  ['ringHash', 'maglev'],
  ['credentialName', 'credentialNames', 'tlsCertificates'],
];

export function schemaIssues(
  kind: string,
  document: Readonly<Record<string, unknown>>,
): SchemaIssue[] {
  const validate = VALIDATORS[kind];
  if (!validate) return [];
  return validatorIssues(validate, document, 'networking.istio.io/v1');
}

/**
 * What one of `@kubernetes-models`' compiled validators finds in a document, read as `apiVersion`
 * (the version the validator was compiled for), nulls pruned first.
 */
export function validatorIssues(
  validate: Validate,
  document: Readonly<Record<string, unknown>>,
  apiVersion: string,
): SchemaIssue[] {
  const pruned = withoutNulls(document) as Record<string, unknown>;
  const subject = { ...pruned, apiVersion };
  let errors: readonly AjvError[];
  try {
    validate.call(subject);
    return [];
  } catch (error) {
    // Anything but a validation error is the validator's own failure: say nothing.
    const found = (error as { errors?: unknown } | null)?.errors;
    if (!Array.isArray(found)) return [];
    errors = found as AjvError[];
  }
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = toPath(error.instancePath, subject);
    const value = valueAt(subject, path);
    const message = issueMessage(error, path, value);
    const key = `${formatPath(path)}\u0000${error.keyword === 'not' ? 'oneOf' : error.keyword}`;
    if (message === undefined || seen.has(key)) continue;
    seen.add(key);
    const missing = error.params.missingProperty;
    out.push({
      path,
      message,
      keyword: error.keyword,
      ...(typeof missing === 'string' ? { missing: [...path, missing] } : {}),
    });
  }
  return out;
}

/** A copy without null-valued map fields, sharing every subtree that has none. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const pruned = withoutNulls(item);
      if (pruned === item) return;
      copy ??= [...value];
      copy[i] = pruned;
    });
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    if (item === null) {
      copy ??= { ...value };
      delete copy[key];
      continue;
    }
    const pruned = withoutNulls(item);
    if (pruned === item) continue;
    copy ??= { ...value };
    copy[key] = pruned;
  }
  return copy ?? value;
}

/** JSON pointer to path: list indexes become numbers where the document has a list. */
function toPath(pointer: string, document: unknown): Path {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      out.push(index);
      node = node[index];
    } else {
      out.push(segment);
      node =
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[segment]
          : undefined;
    }
  }
  return out;
}

function shown(value: unknown): string {
  if (typeof value === 'string')
    return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a map';
  return String(value);
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
};

/** Duration fields of the three kinds: a bare number there is a missing unit. */
const DURATION_FIELDS = new Set([
  'timeout',
  'perTryTimeout',
  'backoff',
  'fixedDelay',
  'exponentialDelay',
  'maxAge',
  'baseEjectionTime',
  'interval',
  'idleTimeout',
  'connectTimeout',
  'maxConnectionDuration',
  'time',
  'duration',
  'ttl',
]);

/** How to fix the most common type slips: quoted numbers and booleans, unitless durations. */
function typeHint(error: AjvError, path: Path, value: unknown): string {
  const want = error.params.type;
  if (
    typeof value === 'string' &&
    /^-?\d+(\.\d+)?$/.test(value) &&
    (want === 'integer' || want === 'number')
  ) {
    return ': remove the quotes';
  }
  if (typeof value === 'string' && (value === 'true' || value === 'false') && want === 'boolean') {
    return ': remove the quotes';
  }
  if (
    typeof value === 'number' &&
    want === 'string' &&
    DURATION_FIELDS.has(String(path[path.length - 1]))
  ) {
    return `: write a duration with a unit, such as ${value}s`;
  }
  return '';
}

function issueMessage(error: AjvError, path: Path, value: unknown): string | undefined {
  const field = formatPath(path) || 'the document';
  switch (error.keyword) {
    case 'type':
      return `${field} must be ${TYPE_NAMES[String(error.params.type)] ?? String(error.params.type)}, not ${shown(value)}${typeHint(error, path, value)}`;
    case 'enum': {
      const allowed =
        (error.params.allowedValues as unknown[] | undefined)?.map(String).join(', ') ?? '';
      return `${field} is ${shown(value)}, which is not one of ${allowed}`;
    }
    case 'required':
      return `${field} is missing the required field "${String(error.params.missingProperty)}"`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${field} is ${String(value)}: it must be ${String(error.params.comparison)} ${String(error.params.limit)}`;
    case 'format':
      return `${field} is ${shown(value)}, which is not a valid ${String(error.params.format)}`;
    case 'oneOf':
    case 'not':
      return exclusiveMessage(field, value);
    default:
      return `${field} ${error.message ?? 'does not match the schema'}`;
  }
}

function exclusiveMessage(field: string, value: unknown): string {
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  for (const group of ONE_OF_GROUPS) {
    const present = group.filter((key) => keys.includes(key));
    if (present.length > 1) {
      return `${field} sets ${present.join(' and ')}, but only one of ${group.join(', ')} may be set: keep one`;
    }
  }
  return `${field} sets fields that cannot be used together: keep one of them`;
}
