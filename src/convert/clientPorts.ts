import { listenPort } from '../model/gatewayPorts.ts';
import type { ResourceId } from '../model/resource.ts';
import { gatewayProxies } from '../simulate/gatewayProxies.ts';
import type { Catalog } from '../workspace/catalog.ts';

/**
 * The port clients use to reach an Istio Gateway server. A server's port is the gateway pods'
 * (through the Service's targetPort, `resolvePorts`), so bookinfo's server 8080 is reached on the
 * load balancer's 80; a Gateway API listener's port is the one clients use (Istio deploys a
 * Service with that port). Without a known load balancer the port is the server's own.
 */
export function clientPort(catalog: Catalog): (gateway: ResourceId, serverPort: number) => number {
  const proxies = gatewayProxies(catalog);
  return (gateway, serverPort) => {
    const proxy = proxies.find((p) => p.gateways.some((g) => g.id === gateway));
    if (!proxy?.ports.entry) return serverPort;
    const pods = listenPort(serverPort, proxy.ports);
    const entry = proxy.ports.entry;
    return (
      (
        entry.find((m) => m.port === serverPort && m.targetPort === pods) ??
        entry.find((m) => m.targetPort === pods)
      )?.port ?? serverPort
    );
  };
}
