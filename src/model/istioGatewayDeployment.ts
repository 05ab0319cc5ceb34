/**
 * What Istio's gateway deployment controller makes of a Gateway API Gateway, offline
 * (pilot/pkg/config/kube/gatewaycommon: deploymentcontroller.go, gateway_utils.go, classinfo.go):
 * for class `istio`, a Deployment and a Service named `<gateway>-<class>` in the Gateway's
 * namespace, selecting pods labelled `gateway.networking.k8s.io/gateway-name: <gateway>`, of type
 * LoadBalancer unless the `networking.istio.io/service-type` annotation says otherwise, with
 * `status-port` 15021 and one port per distinct listener port. A Gateway whose `addresses` holds one
 * Hostname names an existing Service instead (manual deployment): nothing is generated.
 */
import type { GatewayClass, K8sGateway } from './gatewayApi.ts';
import { CLUSTER_DOMAIN } from './hosts.ts';
import type { Dict } from './read.ts';

export const ISTIO_GATEWAY_CONTROLLER = 'istio.io/gateway-controller';

/** Istio's built-in classes and their controllers (`GetBuiltinGatewayClasses`). */
export const ISTIO_BUILTIN_CLASSES: Dict<string> = {
  istio: ISTIO_GATEWAY_CONTROLLER,
  'istio-remote': 'istio.io/unmanaged-gateway',
  'istio-waypoint': 'istio.io/mesh-controller',
  'istio-east-west': 'istio.io/eastwest-controller',
};

export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
export const SERVICE_TYPE_ANNOTATION = 'networking.istio.io/service-type';
export const NAME_OVERRIDE_ANNOTATION = 'gateway.istio.io/name-override';

/**
 * The controller of a Gateway's class: the GatewayClass the workspace holds, else Istio's
 * built-in class of that name; undefined when neither names it.
 */
export function gatewayController(
  gateway: K8sGateway,
  classes: readonly GatewayClass[],
): string | undefined {
  const held = classes.find((c) => c.metadata.name === gateway.gatewayClassName);
  if (held) return held.controllerName;
  return Object.hasOwn(ISTIO_BUILTIN_CLASSES, gateway.gatewayClassName)
    ? ISTIO_BUILTIN_CLASSES[gateway.gatewayClassName]
    : undefined;
}

export interface GatewayServicePort {
  readonly name: string;
  readonly port: number;
  /** The gateway pods listen on the listener's own port. */
  readonly targetPort: number;
}

export type GatewayDeployment =
  | {
      /** Istio creates the Service and Deployment. */
      readonly managed: true;
      readonly namespace: string;
      readonly serviceName: string;
      readonly deploymentName: string;
      readonly serviceType: string;
      readonly selector: Dict<string>;
      readonly ports: readonly GatewayServicePort[];
      /** The generated objects' labels and annotations (`spec.infrastructure`, else none). */
      readonly labels: Dict<string>;
      readonly annotations: Dict<string>;
    }
  | {
      /** `spec.addresses` names an existing Service: the user deploys the gateway. */
      readonly managed: false;
      readonly namespace: string;
      readonly serviceName: string;
    };

/** What Istio deploys for a Gateway whose class is Istio's gateway controller's. */
export function istioGatewayDeployment(gateway: K8sGateway): GatewayDeployment {
  const { name, namespace, annotations } = gateway.metadata;
  const manual = manualService(gateway);
  if (manual) return { managed: false, ...manual };
  const defaultName = `${name}-${gateway.gatewayClassName}`;
  const deploymentName = annotations[NAME_OVERRIDE_ANNOTATION] || defaultName;
  return {
    managed: true,
    namespace,
    serviceName: deploymentName,
    deploymentName,
    serviceType: annotations[SERVICE_TYPE_ANNOTATION] || 'LoadBalancer',
    selector: { [GATEWAY_NAME_LABEL]: name },
    ports: servicePorts(gateway),
    labels: gateway.infrastructure?.labels ?? {},
    annotations: gateway.infrastructure?.annotations ?? {},
  };
}

/** `IsManaged`: one address of type Hostname names the Service; IPs and nothing are managed. */
function manualService(
  gateway: K8sGateway,
): { namespace: string; serviceName: string } | undefined {
  const { addresses } = gateway;
  if (addresses.length !== 1) return undefined;
  const [address] = addresses as [K8sGateway['addresses'][number]];
  if (address.type !== 'Hostname') return undefined;
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  const value = address.value.toLowerCase();
  if (value.endsWith(suffix)) {
    const [serviceName = '', namespace = gateway.metadata.namespace] = value
      .slice(0, -suffix.length)
      .split('.');
    return { namespace, serviceName };
  }
  if (!value.includes('.')) return { namespace: gateway.metadata.namespace, serviceName: value };
  const [serviceName = '', namespace = gateway.metadata.namespace] = value.split('.');
  return { namespace, serviceName };
}

/** `extractServicePorts`: status-port 15021, then the first listener of each distinct port. */
function servicePorts(gateway: K8sGateway): GatewayServicePort[] {
  const ports: GatewayServicePort[] = [{ name: 'status-port', port: 15021, targetPort: 15021 }];
  const used = new Set(['status-port']);
  gateway.listeners.forEach((listener, i) => {
    const port = listener.port;
    if (port === undefined || ports.some((p) => p.port === port)) return;
    let name = listener.name || `${listener.protocol.toLowerCase()}-${i}`;
    if (used.has(name)) name = `${name}-${port}`;
    used.add(name);
    ports.push({ name, port, targetPort: port });
  });
  return ports;
}
