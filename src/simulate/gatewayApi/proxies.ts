/**
 * The gateway proxy Istio runs for each Gateway API Gateway, with the Service in front of it, so
 * the simulator can carry a connection from the load balancer to a listener as it does for
 * Istio's Gateways (`listener.ts` `loadBalancerHop`).
 */

import {
  type GatewayPorts,
  type PortMapping,
  type ServiceItem,
  servicePortMappings,
} from '../../model/gatewayPorts.ts';
import { GATEWAY_NAME_LABEL } from '../../model/istioGatewayDeployment.ts';
import { selects } from '../../model/labels.ts';
import { resourceId } from '../../model/resource.ts';
import type { Catalog } from '../../workspace/catalog.ts';
import type { IndexedGateway } from '../../workspace/gatewayApiIndex.ts';
import type { GatewayProxy } from '../gatewayProxies.ts';

/** A Gateway API Gateway that Istio programs, as the proxy that serves it. */
export interface K8sGatewayProxy {
  readonly indexed: IndexedGateway;
  /** `Gateway.gateway.networking.k8s.io/ns/name`. */
  readonly id: string;
  /** The pods and Service in front of them, in the shape Istio's Gateways use. */
  readonly proxy: GatewayProxy;
}

/**
 * One proxy per Gateway whose class is Istio's gateway controller's. Istio deploys a Service and
 * Deployment named `<name>-istio` (the workspace's own when it holds them, else the generated
 * ports, each listener port carried to the same port on the pods); a Gateway whose address names
 * a Service (manual deployment) is reached through that Service and the pods it selects.
 */
export function k8sGatewayProxies(
  catalog: Catalog,
  gateways: readonly IndexedGateway[],
): K8sGatewayProxy[] {
  const out: K8sGatewayProxy[] = [];
  for (const indexed of gateways) {
    const deployment = indexed.deployment;
    if (!deployment) continue;
    const { name } = indexed.gateway.metadata;
    const serviceId = resourceId('Service', deployment.namespace, deployment.serviceName);
    const held = catalog.services.find((s) => s.id === serviceId);
    const labels = deployment.managed
      ? deployment.selector
      : (held?.object.selector ?? { [GATEWAY_NAME_LABEL]: name });
    const workload = catalog.workloads.find(
      (w) =>
        w.object.metadata.namespace === deployment.namespace && selects(labels, w.object.podLabels),
    );
    const ports: GatewayPorts = held
      ? servicePorts(held, workload ? [workload.object] : [])
      : deployment.managed
        ? generatedPorts(deployment.ports, `${deployment.namespace}/${deployment.serviceName}`)
        : { balancers: [], entry: undefined, targets: [] };
    out.push({
      indexed,
      id: indexed.entry.id,
      proxy: {
        key: indexed.entry.id,
        label: workload
          ? workload.id
          : `${deployment.namespace}/${deployment.managed ? deployment.deploymentName : deployment.serviceName} (${deployment.managed ? 'deployed by Istio' : 'pods not in this workspace'})`,
        ...(workload ? { workload: workload.id } : {}),
        namespace: deployment.namespace,
        labels,
        gateways: [],
        ports,
      },
    });
  }
  return out;
}

function servicePorts(service: ServiceItem, pods: Parameters<typeof servicePortMappings>[1]) {
  const mappings = servicePortMappings(service.object, pods);
  return { balancers: [service], entry: mappings, targets: mappings };
}

function generatedPorts(
  ports: readonly { name: string; port: number; targetPort: number }[],
  service: string,
): GatewayPorts {
  const mappings: PortMapping[] = ports.map((p) => ({ ...p, service }));
  return { balancers: [], entry: mappings, targets: mappings };
}
