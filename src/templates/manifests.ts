/**
 * The manifests scenarios are made of, written as an Istio expert writes them: current API
 * versions (`networking.istio.io/v1`), explicit namespaces, named ports, named rules, and no
 * field that only repeats a default.
 */

export const NETWORKING_V1 = 'networking.istio.io/v1';

/** What every manifest has: what `addManifests` names and checks for clashes. */
export interface ManifestHeader {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

export interface Manifest extends ManifestHeader {
  readonly spec: Readonly<Record<string, unknown>>;
}

/** A ConfigMap: `data` rather than a `spec`. */
export interface ConfigMapManifest extends ManifestHeader {
  readonly kind: 'ConfigMap';
  readonly data: Readonly<Record<string, string>>;
}

type Labels = Readonly<Record<string, string>>;
type Value = Readonly<Record<string, unknown>>;

/** The labels of Istio's default ingress gateway pods, which scenario Gateways select. */
export const INGRESS_SELECTOR: Labels = { istio: 'ingressgateway' };

/** The port the scenario's application containers listen on. */
export const APP_PORT = 8080;

export function gateway(name: string, namespace: string, servers: readonly Value[]): Manifest {
  return {
    apiVersion: NETWORKING_V1,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: { selector: { ...INGRESS_SELECTOR }, servers },
  };
}

/** Plain HTTP on port 80. */
export function httpServer(host: string): Value {
  return { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [host] };
}

/** Port 80 answering every request with a 301 to https (Envoy `require_tls: ALL`). */
export function redirectServer(host: string): Value {
  return { ...httpServer(host), tls: { httpsRedirect: true } };
}

/**
 * HTTPS on port 443 terminated at the gateway with the certificate of Secret `credentialName`,
 * which Istio reads in the namespace of the gateway pods (not of the Gateway resource).
 */
export function httpsServer(
  host: string,
  mode: 'SIMPLE' | 'MUTUAL',
  credentialName: string,
): Value {
  return {
    port: { number: 443, name: 'https', protocol: 'HTTPS' },
    hosts: [host],
    tls: { mode, credentialName },
  };
}

export function virtualService(
  name: string,
  namespace: string,
  host: string,
  gatewayRef: string,
  http: readonly Value[],
): Manifest {
  return {
    apiVersion: NETWORKING_V1,
    kind: 'VirtualService',
    metadata: { name, namespace },
    spec: { hosts: [host], gateways: [gatewayRef], http },
  };
}

/**
 * One route destination. The Services scenarios add have one port, so the destination names
 * none (Istio needs it only when the Service has several: IST0112).
 */
export function destination(host: string, subset?: string, weight?: number): Value {
  return {
    destination: subset === undefined ? { host } : { host, subset },
    ...(weight === undefined ? {} : { weight }),
  };
}

export function destinationRule(
  name: string,
  namespace: string,
  host: string,
  subsets: readonly { readonly name: string; readonly labels: Labels }[],
): Manifest {
  return {
    apiVersion: NETWORKING_V1,
    kind: 'DestinationRule',
    metadata: { name, namespace },
    spec: { host, subsets: subsets.map((s) => ({ name: s.name, labels: { ...s.labels } })) },
  };
}

/** A ClusterIP Service on port 80 named `http`, so Istio knows the protocol (IST0118). */
export function service(name: string, namespace: string, selector: Labels): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: {
      selector: { ...selector },
      ports: [{ name: 'http', port: 80, targetPort: APP_PORT }],
    },
  };
}

/** An application Deployment; the image is a placeholder the user replaces. */
export function deployment(
  name: string,
  namespace: string,
  labels: Labels,
  container: string,
  image: string,
): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            { name: container, image, ports: [{ name: 'http', containerPort: APP_PORT }] },
          ],
        },
      },
    },
  };
}

/**
 * An EnvoyFilter (v1alpha3, the only version EnvoyFilter has) that inserts one HTTP filter
 * before the router of the ingress gateway's HTTP connection manager, as Istio's rate limit
 * tasks write it. The `priority` gives the relative insertion a defined order after the default
 * (0) patches; without one `istioctl analyze` warns that it may not apply (IST0151).
 */
export function gatewayHttpFilter(
  name: string,
  namespace: string,
  selector: Readonly<Record<string, string>>,
  filter: { readonly name: string; readonly typed_config: Readonly<Record<string, unknown>> },
): Manifest {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name, namespace },
    spec: {
      workloadSelector: { labels: { ...selector } },
      priority: 10,
      configPatches: [
        {
          applyTo: 'HTTP_FILTER',
          match: {
            context: 'GATEWAY',
            listener: {
              filterChain: {
                filter: {
                  name: 'envoy.filters.network.http_connection_manager',
                  subFilter: { name: 'envoy.filters.http.router' },
                },
              },
            },
          },
          patch: { operation: 'INSERT_BEFORE', value: filter },
        },
      ],
    },
  };
}
