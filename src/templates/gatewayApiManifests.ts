/**
 * The Gateway API manifests scenarios are made of, as Istio's Gateway API samples
 * (samples/*\/gateway-api/) and the Gateway API guides write them: `gateway.networking.k8s.io/v1`,
 * a Gateway of class `istio` (Istio deploys its pods and LoadBalancer Service, `<name>-istio`),
 * listeners that say which namespaces may attach, and HTTPRoutes whose backendRefs name a
 * Service and its port (the CRD requires the port for a Service).
 */
import { GATEWAY_API_GROUP, NAMESPACE_NAME_LABEL } from '../model/gatewayApi.ts';
import type { Manifest } from './manifests.ts';

export const GATEWAY_API_V1 = `${GATEWAY_API_GROUP}/v1`;

/** Istio's built-in GatewayClass: its controller deploys a gateway per Gateway. */
export const ISTIO_GATEWAY_CLASS = 'istio';

/** The port of the Services scenarios add (manifests.ts `service`), which backendRefs name. */
export const SERVICE_PORT = 80;

type Value = Readonly<Record<string, unknown>>;

/** A Gateway of class `istio`. */
export function k8sGateway(name: string, namespace: string, listeners: readonly Value[]): Manifest {
  return {
    apiVersion: GATEWAY_API_V1,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: { gatewayClassName: ISTIO_GATEWAY_CLASS, listeners },
  };
}

/**
 * Which routes may attach: those of the Gateway's own namespace (`Same`, as Istio's samples
 * write it), else those of `routeNamespace` by its name label, as Istio's ingress tasks do for
 * a Gateway in istio-system.
 */
function allowedRoutes(gatewayNamespace: string, routeNamespace: string): Value {
  return {
    namespaces:
      gatewayNamespace === routeNamespace
        ? { from: 'Same' }
        : {
            from: 'Selector',
            selector: { matchLabels: { [NAMESPACE_NAME_LABEL]: routeNamespace } },
          },
  };
}

/** Who a listener serves: the host, and routes of the app's namespace. */
export interface ListenerScope {
  readonly hostname: string;
  readonly gatewayNamespace: string;
  readonly routeNamespace: string;
}

/** Plain HTTP on port 80, named `http`. */
export function httpListener(scope: ListenerScope): Value {
  return {
    name: 'http',
    hostname: scope.hostname,
    port: 80,
    protocol: 'HTTP',
    allowedRoutes: allowedRoutes(scope.gatewayNamespace, scope.routeNamespace),
  };
}

/**
 * HTTPS on port 443, named `https`, terminated with the certificate of Secret `secret`, which
 * the Gateway API reads in the Gateway's namespace (another needs a ReferenceGrant).
 */
export function httpsListener(scope: ListenerScope, secret: string): Value {
  return {
    name: 'https',
    hostname: scope.hostname,
    port: 443,
    protocol: 'HTTPS',
    tls: { mode: 'Terminate', certificateRefs: [{ name: secret }] },
    allowedRoutes: allowedRoutes(scope.gatewayNamespace, scope.routeNamespace),
  };
}

/** A parentRef to the scenario's Gateway, to one listener when `sectionName` is given. */
export function parentRef(
  gateway: { readonly name: string; readonly namespace: string },
  routeNamespace: string,
  sectionName?: string,
): Value {
  return {
    name: gateway.name,
    ...(gateway.namespace === routeNamespace ? {} : { namespace: gateway.namespace }),
    ...(sectionName === undefined ? {} : { sectionName }),
  };
}

export function httpRoute(
  name: string,
  namespace: string,
  parent: Value,
  hostname: string,
  rules: readonly Value[],
): Manifest {
  return {
    apiVersion: GATEWAY_API_V1,
    kind: 'HTTPRoute',
    metadata: { name, namespace },
    spec: { parentRefs: [parent], hostnames: [hostname], rules },
  };
}

/** A backendRef to a Service of the same namespace; a weight only where the rule splits. */
export function backendRef(service: string, weight?: number): Value {
  return { name: service, port: SERVICE_PORT, ...(weight === undefined ? {} : { weight }) };
}

/** A copy of `percent` of the requests to `service`; all of them when 100 (the API's default). */
export function mirrorFilter(service: string, percent: number): Value {
  return {
    type: 'RequestMirror',
    requestMirror: {
      backendRef: backendRef(service),
      ...(percent === 100 ? {} : { percent }),
    },
  };
}

/**
 * A permanent redirect to https (the port follows the scheme: 443), as the Gateway API's
 * HTTP-to-HTTPS guide writes it; without `statusCode` the API's default is 302.
 */
export const HTTPS_REDIRECT: Value = {
  type: 'RequestRedirect',
  requestRedirect: { scheme: 'https', statusCode: 301 },
};
