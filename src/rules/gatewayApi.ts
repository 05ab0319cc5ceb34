/**
 * The Kubernetes Gateway API's field rules, as its CRDs state them (kubernetes-sigs/gateway-api
 * apis/v1/*.go: `+kubebuilder:validation` patterns, ranges and enums, and the CEL
 * `XValidation` rules). Each returns a short message, or undefined when the API server would
 * accept the value. The forms refuse a bad value as it is typed, the checks report it: both
 * call these, so they never disagree.
 */
import { regexProblem } from '../model/regex.ts';
import { isIpAddress } from './names.ts';

/** `Hostname` (shared_types.go): lower-case RFC 1123 labels, optionally led by `*.`. */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `PreciseHostname` and `SectionName` share this pattern: a Hostname without the wildcard. */
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `Namespace`: a DNS-1123 label. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** `Kind`: a CamelCase name. */
const KIND = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** `Group`: empty (the core group) or a DNS subdomain. */
const GROUP = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `HeaderName`: an RFC 7230 token. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/** `Duration` (GEP-2257): up to four whole numbers of h, m, s or ms, such as `1h30m` or `500ms`. */
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
// `ms` first: a part is read greedily, and `500ms` is not 500 minutes and an `s`.
const DURATION_PART = /([0-9]{1,5})(ms|h|m|s)/g;
/** `HTTPPathMatch` CEL: the characters a path of type Exact or PathPrefix may hold. */
const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
/** `GRPCMethodMatch` CEL (Exact): a protobuf package-qualified service, and a method. */
const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const GRPC_METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** The path match types of `HTTPPathMatch.type`. */
export const PATH_MATCH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'] as const;
/** `HTTPRequestRedirectFilter.statusCode`'s enum. */
export const REDIRECT_STATUS_CODES = [301, 302, 303, 307, 308] as const;
/** `HTTPBackendRef.weight`'s maximum. */
export const MAX_BACKEND_WEIGHT = 1_000_000;

function lengthProblem(what: string, text: string, min: number, max: number): string | undefined {
  if (text.length < min) return `${what} cannot be empty`;
  return text.length > max ? `${what} is too long (at most ${max} characters)` : undefined;
}

/**
 * A listener's or route's `hostname`: a lower-case DNS name, `*.` allowed at the start only,
 * no IP address (the API reference: "IPs are not allowed") and no port.
 */
export function gatewayHostnameProblem(hostname: string): string | undefined {
  const length = lengthProblem('A hostname', hostname, 1, 253);
  if (length) return length;
  if (isIpAddress(hostname)) return `"${hostname}" is an IP address: a hostname must be a name`;
  if (hostname.includes(':')) return `"${hostname}" has a port: write the hostname alone`;
  if (HOSTNAME.test(hostname)) return undefined;
  if (HOSTNAME.test(hostname.toLowerCase())) return `"${hostname}" must be lower case`;
  if (hostname.includes('*'))
    return `"${hostname}" has a wildcard that is not a leading "*.": write *.example.com`;
  return `"${hostname}" is not a hostname: use lower-case letters, digits, "-" and "."`;
}

/** A redirect's or rewrite's `hostname` (`PreciseHostname`): a DNS name, no wildcard. */
export function preciseHostnameProblem(hostname: string): string | undefined {
  if (hostname.includes('*')) return `"${hostname}" cannot be a wildcard here`;
  return gatewayHostnameProblem(hostname);
}

/**
 * A `SectionName`: a listener's name, a rule's name, a parentRef's `sectionName`. Lower-case
 * DNS labels joined by dots, at most 253 characters.
 */
export function sectionNameProblem(name: string): string | undefined {
  return (
    lengthProblem('A name', name, 1, 253) ??
    (PRECISE_HOSTNAME.test(name)
      ? undefined
      : `"${name}" is not a valid name: use lower-case letters, digits, "-" and "."`)
  );
}

/** A reference's `namespace`. */
export function gatewayNamespaceProblem(namespace: string): string | undefined {
  return (
    lengthProblem('A namespace', namespace, 1, 63) ??
    (NAMESPACE.test(namespace)
      ? undefined
      : `"${namespace}" is not a namespace name: use lower-case letters, digits and inner "-"`)
  );
}

/** An `ObjectName` (`gatewayClassName`, a reference's `name`): 1 to 253 characters. */
export function objectNameProblem(name: string): string | undefined {
  return lengthProblem('A name', name, 1, 253);
}

/** A reference's `kind`. */
export function kindProblem(kind: string): string | undefined {
  return (
    lengthProblem('A kind', kind, 1, 63) ??
    (KIND.test(kind) ? undefined : `"${kind}" is not a kind: write it as Service or HTTPRoute`)
  );
}

/** A reference's `group`: empty for the core group (Services, Secrets), else a DNS name. */
export function groupProblem(group: string): string | undefined {
  if (group.length > 253) return 'A group is too long (at most 253 characters)';
  return GROUP.test(group)
    ? undefined
    : `"${group}" is not an API group such as gateway.networking.k8s.io`;
}

/** An `HTTPHeaderName` (header matches, query parameter names, header modifiers). */
export function gatewayHeaderNameProblem(name: string): string | undefined {
  return (
    lengthProblem('A header name', name, 1, 256) ??
    (HEADER_NAME.test(name)
      ? undefined
      : `"${name}" is not a valid header name: use letters, digits and - (no spaces or ":")`)
  );
}

/** A header match's or header modifier's `value`: 1 to 4096 characters. */
export function headerMatchValueProblem(value: string): string | undefined {
  return lengthProblem('A header value', value, 1, 4096);
}

/** A query parameter match's `value`: 1 to 1024 characters. */
export function queryParamValueProblem(value: string): string | undefined {
  return lengthProblem('A query parameter value', value, 1, 1024);
}

/** A Gateway API `Duration` (GEP-2257), such as `10s`, `1h30m` or `500ms`; `0s` is allowed. */
export function gatewayDurationProblem(duration: string): string | undefined {
  return DURATION.test(duration)
    ? undefined
    : `"${duration}" is not a Gateway API duration: write whole numbers with h, m, s or ms, such as 10s, 1m30s or 500ms`;
}

/** A valid `Duration` in milliseconds; undefined when it is not one. */
export function gatewayDurationMs(duration: string): number | undefined {
  if (!DURATION.test(duration)) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, amount, suffix] of duration.matchAll(DURATION_PART))
    total += Number(amount) * (unit[suffix ?? ''] ?? 0);
  return total;
}

/**
 * `HTTPRouteTimeouts` CEL: "backendRequest timeout cannot be longer than request timeout"
 * (unless the request timeout is `0s`, which disables it).
 */
export function timeoutsProblem(
  request: string | undefined,
  backendRequest: string | undefined,
): string | undefined {
  if (request === undefined || backendRequest === undefined) return undefined;
  const whole = gatewayDurationMs(request);
  const backend = gatewayDurationMs(backendRequest);
  if (whole === undefined || backend === undefined || whole === 0) return undefined;
  return backend > whole
    ? `The backend request timeout (${backendRequest}) cannot be longer than the request timeout (${request})`
    : undefined;
}

/**
 * An `HTTPPathMatch` value for its type. Exact and PathPrefix values follow the CRD's CEL rules
 * (an absolute path without `//`, `/./`, `/../`, encoded slashes or `#`, not ending in `/.` or
 * `/..`, only URL path characters); a RegularExpression must compile as RE2, Istio's syntax.
 */
export function pathMatchProblem(type: string, value: string): string | undefined {
  const length = lengthProblem('A path', value, 1, 1024);
  if (length) return length;
  if (type === 'RegularExpression') return regexProblem(value);
  if (type !== 'Exact' && type !== 'PathPrefix') return undefined;
  if (!value.startsWith('/')) return 'A path must start with "/"';
  for (const part of ['//', '/./', '/../', '%2f', '%2F', '#'])
    if (value.includes(part)) return `A path must not contain "${part}"`;
  for (const end of ['/..', '/.'])
    if (value.endsWith(end)) return `A path must not end with "${end}"`;
  return PATH_CHARACTERS.test(value)
    ? undefined
    : `"${value}" has characters a URL path cannot hold: encode them as %XX`;
}

/** A redirect's or rewrite's `replaceFullPath` / `replacePrefixMatch`: at most 1024 characters. */
export function replacePathProblem(value: string): string | undefined {
  return value.length > 1024 ? 'A path is too long (at most 1024 characters)' : undefined;
}

/** A port number: 1 to 65535 (`PortNumber`). */
export function gatewayPortProblem(port: number): string | undefined {
  if (!Number.isInteger(port)) return 'Port must be a whole number from 1 to 65535';
  return port < 1 || port > 65535 ? 'Port must be from 1 to 65535' : undefined;
}

/** `HTTPBackendRef.weight`: a whole number from 0 to 1,000,000 (0 sends nothing). */
export function backendWeightProblem(weight: number): string | undefined {
  if (!Number.isInteger(weight) || weight < 0 || weight > MAX_BACKEND_WEIGHT)
    return 'Weight must be a whole number from 0 to 1000000';
  return undefined;
}

/** `HTTPRequestRedirectFilter.statusCode`: 301, 302, 303, 307 or 308. */
export function redirectStatusProblem(code: number): string | undefined {
  return (REDIRECT_STATUS_CODES as readonly number[]).includes(code)
    ? undefined
    : 'A redirect status must be 301, 302, 303, 307 or 308';
}

/** `HTTPRequestMirrorFilter.percent`: a whole number from 0 to 100. */
export function mirrorPercentProblem(percent: number): string | undefined {
  return Number.isInteger(percent) && percent >= 0 && percent <= 100
    ? undefined
    : 'Percent must be a whole number from 0 to 100';
}

/** `GRPCMethodMatch.service` of an Exact match: a package-qualified protobuf service. */
export function grpcServiceProblem(service: string): string | undefined {
  return (
    lengthProblem('A service', service, 1, 1024) ??
    (GRPC_SERVICE.test(service)
      ? undefined
      : `"${service}" is not a gRPC service name such as helloworld.Greeter`)
  );
}

/** `GRPCMethodMatch.method` of an Exact match: a protobuf method name. */
export function grpcMethodProblem(method: string): string | undefined {
  return (
    lengthProblem('A method', method, 1, 1024) ??
    (GRPC_METHOD.test(method)
      ? undefined
      : `"${method}" is not a gRPC method name such as SayHello`)
  );
}

/**
 * The Gateway's CEL rules on one listener's protocol, TLS and hostname: no `tls` on HTTP, TCP
 * or UDP; an HTTPS listener terminates; a TLS listener says its mode; no hostname on TCP or
 * UDP. `tlsMode` is the written mode ('' when `tls` has none).
 */
export function listenerProtocolProblem(
  protocol: string,
  tls: { readonly mode: string } | undefined,
  hostname: string | undefined,
): string | undefined {
  if (tls && ['HTTP', 'TCP', 'UDP'].includes(protocol))
    return `A ${protocol} listener has no TLS settings`;
  if (protocol === 'HTTPS' && tls && tls.mode !== '' && tls.mode !== 'Terminate')
    return 'An HTTPS listener terminates TLS: its mode must be Terminate';
  if (protocol === 'TLS' && (!tls || tls.mode === ''))
    return 'A TLS listener needs a TLS mode (Terminate or Passthrough)';
  if (hostname && (protocol === 'TCP' || protocol === 'UDP'))
    return `A ${protocol} listener has no hostname`;
  return undefined;
}

/** Filters written at most once in a rule (`HTTPRouteRule.filters` CEL). */
const UNREPEATABLE = [
  'CORS',
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'URLRewrite',
];

/**
 * A rule's filter types as a whole (HTTPRouteRule CEL): the filters above are not repeated,
 * and RequestRedirect and URLRewrite are not used together. `hasBackends`: a RequestRedirect
 * answers the request itself, so it is not used with backendRefs.
 */
export function routeFiltersProblem(
  types: readonly string[],
  hasBackends: boolean,
): string | undefined {
  for (const type of UNREPEATABLE)
    if (types.filter((t) => t === type).length > 1) return `${type} filter cannot be repeated`;
  if (types.includes('RequestRedirect') && types.includes('URLRewrite'))
    return 'A rule cannot both redirect (RequestRedirect) and rewrite (URLRewrite)';
  if (types.includes('RequestRedirect') && hasBackends)
    return 'A RequestRedirect filter answers the request: it cannot be used with backendRefs';
  return undefined;
}
