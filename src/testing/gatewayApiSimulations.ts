import type { Simulation } from '../simulate/types.ts';
import { dedent as yaml } from './dedent.ts';

/**
 * Gateway API fixtures for the simulator's tests, in our own YAML: a Gateway of class `istio` in
 * `web`, HTTPRoutes attached to it, and Services with pods so endpoints are known.
 */

/** A Gateway `gw` in `web` with the given listeners (YAML flow items). */
export function k8sGateway(listeners: readonly string[], name = 'gw', namespace = 'web'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  gatewayClassName: istio
  listeners:
${listeners.map((l) => `    - ${l}`).join('\n')}
`;
}

/** One HTTP listener on port 80 that takes any host. */
export const HTTP_LISTENER = '{ name: http, port: 80, protocol: HTTP }';

/** An HTTPRoute in `web` attached to `web/gw` (unless `spec` writes its own `parentRefs`). */
export function httpRoute(
  name: string,
  spec: string,
  extra: { created?: string; namespace?: string } = {},
): string {
  const created = extra.created ? `, creationTimestamp: "${extra.created}"` : '';
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: ${extra.namespace ?? 'web'}${created} }
spec:
${spec.includes('parentRefs:') ? '' : '  parentRefs: [{ name: gw, namespace: web }]\n'}${spec
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;
}

/** A Service `name` in `namespace` on port 8080 and a Deployment whose pods it selects. */
export function backend(name: string, namespace = 'web'): string {
  return yaml`
    apiVersion: v1
    kind: Service
    metadata: { name: ${name}, namespace: ${namespace} }
    spec:
      selector: { app: ${name} }
      ports: [{ name: http, port: 8080 }]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: ${name}, namespace: ${namespace} }
    spec:
      selector: { matchLabels: { app: ${name} } }
      template:
        metadata: { labels: { app: ${name} } }
        spec: { containers: [{ name: app, image: echo }] }
  `;
}

/** `HTTPRoute/web/r rules[1]`, or the outcome when no rule answered. */
export function answeredBy(simulation: Simulation): string {
  const { rule, httpRoute } = simulation;
  return rule && httpRoute ? `${httpRoute} rules[${rule.index}]` : simulation.outcome;
}

/** The Service names (first DNS label) the request can reach, with their share. */
export function backends(simulation: Simulation): string[] {
  return simulation.destinations
    .filter((d) => d.probability > 0)
    .map((d) => `${d.host.split('.')[0]} ${Math.round(d.probability * 1000) / 10}%`);
}
