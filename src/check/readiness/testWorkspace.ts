import { applyCommand } from '../../edit/applyCommand.ts';
import type { Command } from '../../edit/command.ts';
import { loadWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { checkContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { readinessChecks } from './checks.ts';

/**
 * Test manifests of one gateway: the Gateway `edge` in namespace `edge` selecting `istio: edge`,
 * its Deployment `istio-edge`, and an autoscaler and a budget for it, each replaceable.
 */

export interface GatewayParts {
  readonly deployment?: string;
  readonly hpa?: string;
  readonly pdb?: string;
  readonly extra?: string;
}

export const GATEWAY = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: edge}
spec:
  selector: {istio: edge}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
`;

/** The gateway Deployment; `spec` lines (indented by 2) go before the template. */
export function deployment(
  spec = '',
  resources = '{requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: "1", memory: 1Gi}}',
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: istio-edge, namespace: edge}
spec:
${spec}  selector: {matchLabels: {istio: edge}}
  template:
    metadata: {labels: {istio: edge, app: istio-edge}}
    spec:
      containers:
      - name: istio-proxy
        image: auto
        resources: ${resources}
`;
}

/** An autoscaler of the gateway Deployment; `spec` lines (indented by 2) after the target. */
export function hpa(
  spec = '  minReplicas: 2\n  maxReplicas: 5\n',
  name = 'istio-edge',
  target = 'istio-edge',
) {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${name}, namespace: edge}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}
${spec}`;
}

export function pdb(budget = 'minAvailable: 1', selector = '{istio: edge}', name = 'istio-edge') {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}, namespace: edge}
spec:
  ${budget}
  selector: {matchLabels: ${selector}}
`;
}

/** A PodMonitor scraping the gateway pods' Envoy, as Istio's prometheus-operator sample does. */
export const MONITOR = `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: istio-edge, namespace: edge}
spec:
  selector: {matchLabels: {istio: edge}}
  podMetricsEndpoints:
  - port: http-envoy-prom
    path: /stats/prometheus
`;

/** A workspace of the given manifests and the PodMonitor, so monitoring is not what is missing. */
export function monitored(...docs: string[]): Workspace {
  return workspaceOf(...docs, MONITOR);
}

/** A workspace of the given manifests, in one file. */
export function workspaceOf(...docs: string[]): Workspace {
  return loadWorkspace([{ name: 'gateway.yaml', text: docs.join('---\n') }]);
}

/** The readiness findings of a workspace, or only those with `code`. */
export function readinessFindings(workspace: Workspace, code?: string): Finding[] {
  const found = [...readinessChecks(checkContext(workspace))];
  return code ? found.filter((f) => f.code === code) : found;
}

/** The workspace after a finding's first fix. */
export function fixed(workspace: Workspace, finding: Finding | undefined): Workspace {
  const command: Command | undefined = finding?.fixes?.[0]?.command;
  if (!command) throw new Error('the finding has no fix');
  const result = applyCommand(workspace, command);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
