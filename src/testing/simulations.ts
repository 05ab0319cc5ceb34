import type { SimRequest, Simulation, Step } from '../simulate/types.ts';
import { loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { simulated } from './simulated.ts';

export { dedent as yaml } from './dedent.ts';

/**
 * Test helpers for the simulator (not a test file itself): a workspace from inline YAML, a
 * simulation from it, and small views of the trace.
 */

export function workspaceOf(...texts: string[]): Workspace {
  return loadWorkspace(
    texts.map((text, i) => ({ name: `${String.fromCharCode(97 + i)}.yaml`, text })),
  );
}

/** Simulates a request (a URL, or a full request) against texts loaded as one workspace. */
export function sim(texts: string | readonly string[], request: string | SimRequest): Simulation {
  const workspace = workspaceOf(...(typeof texts === 'string' ? [texts] : texts));
  return simulated(workspace, typeof request === 'string' ? { url: request } : request);
}

/** `VirtualService/ns/name http[i]` of the winning rule, or the outcome when none won. */
export function winner(simulation: Simulation): string {
  const { rule, virtualService } = simulation;
  return rule ? `${virtualService} ${rule.section}[${rule.index}]` : simulation.outcome;
}

/** Destinations as `host subset @probability`. */
export function targets(simulation: Simulation): string[] {
  return simulation.destinations.map(
    (d) => `${d.host}${d.subset ? ` ${d.subset}` : ''} @${Math.round(d.probability * 1000) / 1000}`,
  );
}

export function stepsOf(simulation: Simulation, kind: Step['kind']): Step[] {
  return simulation.steps.filter((s) => s.kind === kind);
}

/** The default ingress Gateway in istio-system with an HTTP server on 80 for `hosts`. */
export function httpGateway(hosts: readonly string[] = ['*'], name = 'gw'): string {
  return `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: istio-system }
spec:
  selector: { istio: ingressgateway }
  servers:
    - port: { number: 80, name: http, protocol: HTTP }
      hosts: ${JSON.stringify(hosts)}
`;
}

/** A VirtualService in `web` bound to istio-system/gw with the given `http` rules (YAML flow text). */
export function webVs(name: string, hosts: readonly string[], http: string): string {
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name}, namespace: web }
spec:
  hosts: ${JSON.stringify(hosts)}
  gateways: [istio-system/gw]
  http: ${http}
`;
}

/** Joins manifests into one multi-document text. */
export function docs(...texts: string[]): string {
  return texts.map((t) => t.replace(/\n*$/, '\n')).join('---\n');
}
