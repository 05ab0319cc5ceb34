import { RETRY_ON_POLICIES } from '../rules/retryOn.ts';
import { choices } from './build.ts';
import type { FieldOption } from './types.ts';

/**
 * The enumerations the forms offer, as Istio's and Kubernetes' APIs spell them. A select also
 * shows any other value the document holds (see `field`), so none of these hides what is written.
 */

/** gateway.proto `Port.protocol`. */
export const SERVER_PROTOCOLS = choices([
  'HTTP',
  'HTTPS',
  'HTTP2',
  'GRPC',
  'GRPC-WEB',
  'TCP',
  'TLS',
  'MONGO',
]);

/** gateway.proto `ServerTLSSettings.TLSmode`. */
export const SERVER_TLS_MODES = choices([
  'SIMPLE',
  'MUTUAL',
  'PASSTHROUGH',
  'ISTIO_MUTUAL',
  'OPTIONAL_MUTUAL',
  'AUTO_PASSTHROUGH',
]);

/** gateway.proto `ServerTLSSettings.TLSProtocol`. */
export const TLS_VERSIONS = choices(['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3']);

/** destination_rule.proto `ClientTLSSettings.TLSmode`. */
export const CLIENT_TLS_MODES = choices(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']);

/** destination_rule.proto `LoadBalancerSettings.SimpleLB` (LEAST_CONN is deprecated). */
export const SIMPLE_LB = choices(['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'PASSTHROUGH']);

/** Retry conditions Istio accepts in `retryOn` (validation.go), Envoy's and gRPC's. */
export const RETRY_ON = choices(RETRY_ON_POLICIES);

/** Methods a CORS policy may allow (Istio's supported set). */
export const HTTP_METHODS = choices([
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'HEAD',
  'OPTIONS',
  'CONNECT',
  'TRACE',
]);

export const REDIRECT_SCHEMES = choices(['http', 'https']);

/** virtual_service.proto `HTTPRedirect.RedirectPortSelection`. */
export const DERIVE_PORT = choices(['FROM_PROTOCOL_DEFAULT', 'FROM_REQUEST_PORT']);

export const SERVICE_TYPES = choices(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

export const SERVICE_PORT_PROTOCOLS = choices(['TCP', 'UDP', 'SCTP']);

/** How a `StringMatch` compares; `present` (written `{}`) only asks for the header to exist. */
export const MATCH_KINDS: readonly FieldOption[] = [
  { value: 'exact', label: 'exact' },
  { value: 'prefix', label: 'prefix' },
  { value: 'regex', label: 'regex' },
];

export const KEYED_MATCH_KINDS: readonly FieldOption[] = [
  ...MATCH_KINDS,
  { value: 'present', label: 'present' },
];

/** Gateway API `Listener.protocol`: the core protocols (an implementation may define more). */
export const LISTENER_PROTOCOLS = choices(['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP']);

/** Gateway API `ListenerTLSConfig.mode`. */
export const LISTENER_TLS_MODES = choices(['Terminate', 'Passthrough']);

/** Gateway API `RouteNamespaces.from` (a listener's `allowedRoutes`). */
export const ROUTE_NAMESPACES_FROM = choices(['Same', 'All', 'Selector']);

/** Gateway API route kinds a listener may allow. */
export const ROUTE_KIND_CHOICES = choices(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);

/** Gateway API `GatewaySpecAddress.type`. */
export const ADDRESS_TYPES = choices(['IPAddress', 'Hostname', 'NamedAddress']);

/** Gateway API `HTTPPathMatch.type`. */
export const PATH_MATCH_CHOICES = choices(['Exact', 'PathPrefix', 'RegularExpression']);

/** Gateway API header, query parameter and gRPC method match types. */
export const VALUE_MATCH_TYPES = choices(['Exact', 'RegularExpression']);

/** Gateway API `HTTPMethod`. */
export const GATEWAY_HTTP_METHODS = choices([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

/** The HTTPRoute filters the forms edit (ExtensionRef, CORS and ExternalAuth are edited as text). */
export const HTTP_FILTER_TYPES = choices([
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'URLRewrite',
  'RequestMirror',
]);

/** Gateway API `HTTPRequestRedirectFilter.statusCode`. */
export const REDIRECT_STATUS_CHOICES = choices(['301', '302', '303', '307', '308']);

/** Gateway API `HTTPPathModifier.type`. */
export const PATH_MODIFIER_TYPES = choices(['ReplaceFullPath', 'ReplacePrefixMatch']);
