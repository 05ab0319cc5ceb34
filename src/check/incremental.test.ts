import { describe, expect, it } from 'vitest';
import { generateWorkspaceText } from '../../scripts/generateWorkspace.ts';
import { applyCommand } from '../edit/applyCommand.ts';
import type { Command } from '../edit/command.ts';
import { dedent } from '../testing/dedent.ts';
import { loadWorkspace, serializeWorkspace, type Workspace } from '../workspace/workspace.ts';
import { lint } from './lint.ts';

/** Kinds the checks of workloads read besides the generated teams: each gets edited below. */
const EXTRA = dedent`
  apiVersion: v1
  kind: Secret
  metadata: {name: cert-1, namespace: istio-system}
  type: kubernetes.io/tls
  data: {tls.crt: "", tls.key: ""}
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: team-2, labels: {istio-injection: enabled}}
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: {name: limits, namespace: istio-system}
  spec:
    configPatches:
    - applyTo: HTTP_FILTER
      patch: {operation: INSERT_BEFORE, value: {name: envoy.filters.http.local_ratelimit}}
  ---
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: payments, namespace: team-3}
  spec: {hosts: [payments.example.com], ports: [{number: 443, name: https, protocol: TLS}], resolution: DNS}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ingress, namespace: istio-system}
  spec:
    selector: {matchLabels: {istio: ingressgateway}}
    template: {metadata: {labels: {istio: ingressgateway}}}
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: ingress, namespace: istio-system}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ingress}
    minReplicas: 1
    maxReplicas: 3
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: ingress, namespace: istio-system}
  spec: {minAvailable: 1, selector: {matchLabels: {istio: ingressgateway}}}
  ---
  apiVersion: monitoring.coreos.com/v1
  kind: PodMonitor
  metadata: {name: ingress, namespace: istio-system}
  spec: {selector: {matchLabels: {app: other}}, podMetricsEndpoints: [{port: http-envoy-prom}]}
`;

const set = (target: string, path: (string | number)[], value: unknown): Command => ({
  type: 'setValue',
  target,
  path,
  value,
});

/** An edit of every kind the checks read, routes first (the edit that reuses the most). */
const EDITS: readonly [string, Command][] = [
  ['a weight', set('VirtualService/team-1/vs-1', ['spec', 'http', 0, 'route', 0, 'weight'], 70)],
  [
    'a route host',
    set(
      'VirtualService/team-2/vs-2',
      ['spec', 'http', 1, 'route', 0, 'destination', 'host'],
      'nowhere',
    ),
  ],
  [
    'a Gateway credential',
    set('Gateway/team-1/gw-1', ['spec', 'servers', 0, 'tls', 'credentialName'], 'cert-x'),
  ],
  ['a Gateway selector', set('Gateway/team-0/gw-0', ['spec', 'selector', 'istio'], 'nothing')],
  ['a Secret name', set('Secret/istio-system/cert-1', ['metadata', 'name'], 'cert-x')],
  ['a Service port name', set('Service/team-2/svc-2', ['spec', 'ports', 0, 'name'], 'web')],
  ['a Service selector', set('Service/team-3/svc-3', ['spec', 'selector', 'app'], 'none')],
  [
    'a pod label',
    set('Deployment/team-1/svc-1-v1', ['spec', 'template', 'metadata', 'labels', 'version'], 'v7'),
  ],
  // The readiness checks (issue 15): the gateway's autoscaler, budget and monitor.
  [
    'an autoscaler minimum',
    set('HorizontalPodAutoscaler/istio-system/ingress', ['spec', 'minReplicas'], 2),
  ],
  [
    'a budget minimum',
    set('PodDisruptionBudget/istio-system/ingress', ['spec', 'minAvailable'], 2),
  ],
  [
    'a monitor selector',
    set('PodMonitor/istio-system/ingress', ['spec', 'selector', 'matchLabels'], {
      istio: 'ingressgateway',
    }),
  ],
  ['a deleted Deployment', { type: 'removeResource', target: 'Deployment/istio-system/ingress' }],
  [
    'a subset label',
    set('DestinationRule/team-0/dr-0', ['spec', 'subsets', 0, 'labels', 'version'], 'v5'),
  ],
  [
    'a second rule for a host',
    set('DestinationRule/team-2/dr-2', ['spec', 'host'], 'svc-1.team-1.svc.cluster.local'),
  ],
  [
    'a Namespace label',
    set('Namespace/default/team-2', ['metadata', 'labels', 'istio-injection'], 'disabled'),
  ],
  [
    'an EnvoyFilter patch',
    set('EnvoyFilter/istio-system/limits', ['spec', 'configPatches', 0, 'applyTo'], 'CLUSTER'),
  ],
  ['a ServiceEntry port', set('ServiceEntry/team-3/payments', ['spec', 'ports', 0, 'name'], 'tls')],
  ['a deleted Service', { type: 'removeResource', target: 'Service/team-1/svc-1' }],
];

const fresh = (workspace: Workspace) => lint(loadWorkspace(serializeWorkspace(workspace)));

describe('lint after an edit', () => {
  it('reports what a lint from scratch reports, edit after edit', () => {
    let workspace = loadWorkspace([
      { name: 'teams.yaml', text: generateWorkspaceText(25) },
      { name: 'extra.yaml', text: EXTRA },
    ]);
    lint(workspace);
    // Every lint after an edit first, as typing makes them (a lint from scratch in between
    // would leave nothing to reuse), then each compared with a lint of the texts loaded afresh.
    const steps: { what: string; workspace: Workspace; found: ReturnType<typeof lint> }[] = [];
    for (const [what, command] of EDITS) {
      const result = applyCommand(workspace, command);
      if (!result.ok) throw new Error(`${what}: ${result.error}`);
      workspace = result.value;
      steps.push({ what, workspace, found: lint(workspace) });
    }
    for (const step of steps) expect(step.found, step.what).toEqual(fresh(step.workspace));
  });
});
