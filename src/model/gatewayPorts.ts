import { DEFAULT_INGRESS } from './defaultIngress.ts';
import { isEmptySelector, selects } from './labels.ts';
import type { Dict } from './read.ts';
import type { Service } from './service.ts';
import type { Workload } from './workload.ts';

/**
 * Which port of the gateway pods a connection lands on: the one answer the simulator, the graph
 * and the checks share. A cluster routes a request in two hops: the external load balancer (a
 * Service of type LoadBalancer or NodePort) carries the URL's port to its `targetPort` on the
 * pods, and each Gateway server listens on the port `resolvePorts` gives it
 * (pilot/pkg/model/gateway.go): a server port that is a `port` of a Service selecting the pods
 * listens on that port's `targetPort`, any other on its own number.
 */

/** One port of a Service in front of gateway pods. */
export interface PortMapping {
  readonly port: number;
  /** Where the connection lands on the pods; a named targetPort resolved to the container's. */
  readonly targetPort: number;
  readonly name?: string;
  /** `namespace/name` of the Service that carries it. */
  readonly service: string;
  /** True for istioctl's implied `istio-ingressgateway`, which the workspace does not hold. */
  readonly implied?: true;
}

/**
 * The ports of the default ingress Service as `istioctl install` creates it (the istio-ingress
 * chart, manifests/charts/gateways/istio-ingress/values.yaml: 15021, 80→8080, 443→8443), plus
 * the `tcp` 31400 and `tls` 15443 ports that `istioctl analyze` also assumes (defaults.go).
 * `istioctl analyze`'s own stand-in (80→80, 443→443) stays in `DEFAULT_INGRESS.servicePorts`
 * for the checks that report as it does.
 */
export const IMPLIED_INGRESS_PORTS: readonly PortMapping[] = [
  ['status-port', 15021, 15021],
  ['http2', 80, 8080],
  ['https', 443, 8443],
  ['tcp', 31400, 31400],
  ['tls', 15443, 15443],
].map(([name, port, targetPort]) => ({
  name: name as string,
  port: port as number,
  targetPort: targetPort as number,
  service: `${DEFAULT_INGRESS.namespace}/${DEFAULT_INGRESS.serviceName}`,
  implied: true,
}));

/** A Service as the catalog holds it. */
export interface ServiceItem {
  readonly id: string;
  readonly object: Service;
}

/**
 * A Service's TCP ports with their targetPort: a number as written, a name resolved against the
 * named container ports of `pods`, else (unresolved, or unset) the port itself, which is also
 * what `istioctl analyze` counts for a named targetPort (`IntValue()` is 0).
 */
export function servicePortMappings(
  service: Service,
  pods: readonly Workload[] = [],
): PortMapping[] {
  const out: PortMapping[] = [];
  const serviceName = `${service.metadata.namespace}/${service.metadata.name}`;
  for (const p of service.ports) {
    if (p.port === undefined || p.protocol.toUpperCase() !== 'TCP') continue;
    out.push({
      port: p.port,
      targetPort: targetNumber(p.targetPort, pods) ?? p.port,
      ...(p.name !== undefined ? { name: p.name } : {}),
      service: serviceName,
    });
  }
  return out;
}

function targetNumber(target: number | string | undefined, pods: readonly Workload[]) {
  if (typeof target === 'number') return target > 0 ? target : undefined;
  if (target === undefined) return undefined;
  if (/^\d+$/.test(target)) return Number(target) || undefined;
  for (const pod of pods)
    for (const container of pod.containers)
      for (const port of container.ports)
        if (port.name === target && port.containerPort !== undefined) return port.containerPort;
  return undefined;
}

/** Gateway pods as far as the workspace knows them. */
export interface GatewayPodsRef {
  /** Undefined when only the labels are known (pods implied by a selector). */
  readonly namespace: string | undefined;
  readonly labels: Dict<string>;
  /** The workloads the pods come from: their container ports name targetPorts. */
  readonly workloads: readonly Workload[];
  /** istioctl's implied default ingress: its Service is assumed when the workspace has none. */
  readonly isDefault: boolean;
}

/** The Services in front of some gateway pods, and what each hop does with a port. */
export interface GatewayPorts {
  /** Services of type LoadBalancer selecting the pods, else those of type NodePort. */
  readonly balancers: readonly ServiceItem[];
  /**
   * The external entry's ports: the balancers', or the implied default ingress's; undefined when
   * nothing is known (the port reaches the pods as it is).
   */
  readonly entry: readonly PortMapping[] | undefined;
  /** Every Service selecting the pods (any type): what `resolvePorts` reads. */
  readonly targets: readonly PortMapping[];
}

/**
 * The Services in front of gateway pods. A Service with an empty or absent selector selects no
 * pods (Kubernetes manages no endpoints for it); Services select pods of their own namespace.
 */
export function gatewayPorts(services: readonly ServiceItem[], pods: GatewayPodsRef): GatewayPorts {
  const selecting = services.filter((item) => {
    const s = item.object;
    if (pods.namespace !== undefined && s.metadata.namespace !== pods.namespace) return false;
    return (
      s.selector !== undefined && !isEmptySelector(s.selector) && selects(s.selector, pods.labels)
    );
  });
  const loadBalancers = selecting.filter((s) => s.object.type === 'LoadBalancer');
  const balancers =
    loadBalancers.length > 0
      ? loadBalancers
      : selecting.filter((s) => s.object.type === 'NodePort');
  const mappings = (items: readonly ServiceItem[]) =>
    items.flatMap((s) => servicePortMappings(s.object, pods.workloads));
  const implied = pods.isDefault ? IMPLIED_INGRESS_PORTS : undefined;
  return {
    balancers,
    entry: balancers.length > 0 ? mappings(balancers) : implied,
    targets: selecting.length > 0 ? mappings(selecting) : (implied ?? []),
  };
}

/**
 * `resolvePorts` with a label selector (legacy gateway selection): the targetPort of the first
 * Service port equal to the server's port, else the server's port as it is.
 */
export function listenPort(serverPort: number, ports: GatewayPorts): number {
  return ports.targets.find((m) => m.port === serverPort)?.targetPort ?? serverPort;
}

/**
 * Where the load balancer carries a connection to `port`: the mapping that exposes it; `direct`
 * when no Service is known (the port reaches the pods unchanged); undefined when the Service
 * does not expose the port (the connection fails).
 */
export function entryMapping(
  port: number,
  ports: GatewayPorts,
): PortMapping | 'direct' | undefined {
  if (ports.entry === undefined) return 'direct';
  return ports.entry.find((m) => m.port === port);
}

/** `80 → 8080`, or `15021` when the port is carried unchanged. */
export function formatMapping(m: Pick<PortMapping, 'port' | 'targetPort'>): string {
  return m.port === m.targetPort ? `${m.port}` : `${m.port} → ${m.targetPort}`;
}
