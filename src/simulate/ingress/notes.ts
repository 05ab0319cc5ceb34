/**
 * Why no Ingress controller took a connection, for the trace of a request nothing answers: the
 * port each controller's load balancer exposes.
 */
import { loadBalancerHop } from '../listener.ts';
import type { SimulationIndex } from '../simulationIndex.ts';
import type { Step } from '../types.ts';

export function ingressNotes(index: SimulationIndex, port: number): Step[] {
  const steps: Step[] = index.ingressControllers.map((c) => ({
    kind: 'server',
    matched: false,
    detail: loadBalancerHop(c.proxy, port)
      ? `${c.name} (${c.proxy.label}) does not serve port ${port}: the connection fails`
      : `the load balancer of ${c.name} (${c.proxy.label}) has no port ${port}: the connection fails`,
    ...(c.proxy.workload ? { resource: c.proxy.workload } : {}),
  }));
  return steps;
}
