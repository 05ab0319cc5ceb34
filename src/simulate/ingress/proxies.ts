/**
 * The controllers that answer Ingresses, as proxies the simulator can reach through a load
 * balancer (`listener.ts` `loadBalancerHop`), like Istio's gateways:
 *
 * - ingress-nginx: the controller pods (`app.kubernetes.io/name: ingress-nginx`,
 *   `app.kubernetes.io/component: controller`) behind their LoadBalancer Service; when the
 *   workspace holds neither, the chart's `ingress-nginx-controller` in `ingress-nginx`, ports 80
 *   and 443 carried as they are (implied).
 * - Istio: the ingress gateway Istio's Ingress support selects (`istio: ingressgateway`, mesh
 *   `ingressService` `istio-ingressgateway`; ingress/gateways.go `getIngressGatewaySelector`),
 *   with the same Services and implied default as Istio's own Gateways.
 * - Any other class (or none): a controller the designer does not model, simulated with the
 *   Kubernetes Ingress spec's semantics behind an implied load balancer on 80 and 443.
 */

import { DEFAULT_INGRESS } from '../../model/defaultIngress.ts';
import { type GatewayPorts, gatewayPorts, type PortMapping } from '../../model/gatewayPorts.ts';
import { NGINX_INSTALL } from '../../model/ingressNginx.ts';
import type { IngressReading } from '../../model/ingressPaths.ts';
import { selects } from '../../model/labels.ts';
import { type Catalog, inNamespace } from '../../workspace/catalog.ts';
import type { GatewayProxy } from '../gatewayProxies.ts';

const NGINX_CONTROLLER_POD_LABELS = NGINX_INSTALL.podLabels;
const NGINX_NAMESPACE = NGINX_INSTALL.namespace;
const NGINX_SERVICE = NGINX_INSTALL.name;

/** The ports the controller serves plain HTTP and HTTPS on, inside its pods. */
export interface ControllerProxy {
  /** `spec` for a controller the designer does not model. */
  readonly reading: IngressReading;
  /** For `spec`: the class it serves (`''` for Ingresses naming none). */
  readonly className?: string;
  readonly proxy: GatewayProxy;
  /** What the trace calls it. */
  readonly name: string;
  readonly httpPort: number;
  readonly httpsPort: number;
}

export function controllerProxy(catalog: Catalog, reading: 'nginx' | 'istio'): ControllerProxy {
  return reading === 'nginx' ? nginxProxy(catalog) : istioProxy(catalog);
}

/** The controller of a class the designer does not model: the spec's semantics, ports implied. */
export function specProxy(className: string): ControllerProxy {
  const name =
    className === '' ? 'the Ingress controller (no class)' : `the ${className} Ingress controller`;
  return {
    reading: 'spec',
    className,
    name,
    proxy: {
      key: `ingress-class:${className}`,
      label: `${name} (not modelled: Kubernetes Ingress semantics)`,
      namespace: '',
      labels: {},
      gateways: [],
      // No Service known: ports reach the controller as they are (it serves 80 and 443).
      ports: { balancers: [], entry: undefined, targets: [] },
    },
    httpPort: 80,
    httpsPort: 443,
  };
}

function nginxProxy(catalog: Catalog): ControllerProxy {
  const workload = catalog.workloads.find((w) =>
    selects(NGINX_CONTROLLER_POD_LABELS, w.object.podLabels),
  );
  const namespace = workload?.object.metadata.namespace ?? NGINX_NAMESPACE;
  const labels = workload?.object.podLabels ?? NGINX_CONTROLLER_POD_LABELS;
  const held = gatewayPorts(inNamespace(catalog.servicesByNamespace, namespace), {
    namespace,
    labels,
    workloads: workload ? [workload.object] : [],
    isDefault: false,
  });
  const implied: PortMapping[] = [
    ['http', 80],
    ['https', 443],
  ].map(([name, port]) => ({
    name: name as string,
    port: port as number,
    targetPort: port as number,
    // Not `implied`: that flag names istioctl's default ingress in the load balancer step.
    service: `${NGINX_NAMESPACE}/${NGINX_SERVICE}`,
  }));
  const ports: GatewayPorts =
    held.balancers.length > 0 ? held : { balancers: [], entry: implied, targets: implied };
  return {
    reading: 'nginx',
    name: 'ingress-nginx',
    proxy: {
      key: 'ingress-nginx',
      label: workload
        ? workload.id
        : `${NGINX_NAMESPACE}/${NGINX_SERVICE} (ingress-nginx controller, implied)`,
      ...(workload ? { workload: workload.id } : {}),
      namespace,
      labels,
      gateways: [],
      ports,
    },
    httpPort: ports.targets.find((m) => m.port === 80)?.targetPort ?? 80,
    httpsPort: ports.targets.find((m) => m.port === 443)?.targetPort ?? 443,
  };
}

function istioProxy(catalog: Catalog): ControllerProxy {
  const selector = DEFAULT_INGRESS.podLabels;
  const workload = catalog.workloads.find((w) => selects(selector, w.object.podLabels));
  const namespace = workload?.object.metadata.namespace ?? DEFAULT_INGRESS.namespace;
  const ports = gatewayPorts(inNamespace(catalog.servicesByNamespace, namespace), {
    namespace,
    labels: workload?.object.podLabels ?? DEFAULT_INGRESS.installLabels,
    workloads: workload ? [workload.object] : [],
    isDefault: workload === undefined,
  });
  // Istio's generated Gateway has servers on 80 and 443, listening where a Service carries them.
  const listen = (port: number) => ports.targets.find((m) => m.port === port)?.targetPort ?? port;
  return {
    reading: 'istio',
    name: 'Istio ingress gateway',
    proxy: {
      key: 'istio-ingress',
      label: workload
        ? workload.id
        : `${DEFAULT_INGRESS.namespace}/${DEFAULT_INGRESS.deploymentName} (implied default ingress)`,
      ...(workload ? { workload: workload.id } : {}),
      namespace,
      labels: workload?.object.podLabels ?? DEFAULT_INGRESS.installLabels,
      gateways: [],
      ports,
    },
    httpPort: listen(80),
    httpsPort: listen(443),
  };
}
