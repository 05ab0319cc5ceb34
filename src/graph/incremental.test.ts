import { describe, expect, it } from 'vitest';
import { generateWorkspaceText } from '../../scripts/generateWorkspace.ts';
import { applyCommand } from '../edit/applyCommand.ts';
import type { Command } from '../edit/command.ts';
import { loadWorkspace, serializeWorkspace, type Workspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';

/** The graph of the same texts loaded afresh: nothing of an earlier derivation can be reused. */
const fresh = (workspace: Workspace) => deriveGraph(loadWorkspace(serializeWorkspace(workspace)));

const set = (target: string, path: (string | number)[], value: unknown): Command => ({
  type: 'setValue',
  target,
  path,
  value,
});

/** A 5xx alert on one workload's requests, as Istio's metrics report them from a gateway. */
const errorsOf = (workload: string) =>
  `sum(rate(istio_requests_total{source_workload="${workload}", source_workload_namespace="istio-system", response_code=~"5.."}[5m])) > 1`;

const ALERT_EXPR = ['spec', 'groups', 0, 'rules', 0, 'expr'];

/** Alert rules on the ingress gateway every team's Gateway selects (Istio's default one). */
const GATEWAY_ALERTS = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'gateway-alerts', namespace: 'istio-system' },
  spec: {
    groups: [
      {
        name: 'gateway',
        rules: [{ alert: 'GatewayErrors', expr: errorsOf('istio-ingressgateway'), for: '5m' }],
      },
    ],
  },
};

/**
 * Edits of every kind the graph reads, each one a keystroke might make: what a fragment of the
 * graph looked up (Gateways, Services, subsets, pods, names) changes under the fragments that
 * are kept.
 */
const EDITS: readonly [string, Command][] = [
  ['a weight', set('VirtualService/team-1/vs-1', ['spec', 'http', 0, 'route', 0, 'weight'], 70)],
  [
    'a destination host',
    set(
      'VirtualService/team-2/vs-2',
      ['spec', 'http', 0, 'route', 1, 'destination', 'host'],
      'svc-3.team-3.svc.cluster.local',
    ),
  ],
  ['a subset name', set('DestinationRule/team-3/dr-3', ['spec', 'subsets', 1, 'name'], 'v3')],
  [
    'a subset label',
    set('DestinationRule/team-1/dr-1', ['spec', 'subsets', 0, 'labels', 'version'], 'v9'),
  ],
  ['a Service selector', set('Service/team-2/svc-2', ['spec', 'selector', 'app'], 'other')],
  [
    'a pod label',
    set('Deployment/team-1/svc-1-v1', ['spec', 'template', 'metadata', 'labels', 'version'], 'v2'),
  ],
  ['a Gateway selector', set('Gateway/team-0/gw-0', ['spec', 'selector', 'istio'], 'internal')],
  ['a bound Gateway', set('VirtualService/team-0/vs-0', ['spec', 'gateways', 0], 'team-1/gw-1')],
  ['a renamed Gateway', { type: 'renameResource', target: 'Gateway/team-1/gw-1', name: 'edge' }],
  ['a deleted Service', { type: 'removeResource', target: 'Service/team-3/svc-3' }],
  ['a deleted DestinationRule', { type: 'removeResource', target: 'DestinationRule/team-2/dr-2' }],
  ['a deleted Deployment', { type: 'removeResource', target: 'Deployment/team-0/svc-0-v1' }],
  ['an added PrometheusRule', { type: 'addResource', value: GATEWAY_ALERTS }],
  [
    'a PrometheusRule that no longer watches the gateway',
    set('PrometheusRule/istio-system/gateway-alerts', ALERT_EXPR, errorsOf('orders')),
  ],
  [
    'a PrometheusRule that watches it again',
    set('PrometheusRule/istio-system/gateway-alerts', ALERT_EXPR, errorsOf('istio-ingressgateway')),
  ],
  [
    'a restored weight',
    set('VirtualService/team-1/vs-1', ['spec', 'http', 0, 'route', 0, 'weight'], 90),
  ],
];

describe('the graph derived after an edit', () => {
  it('is the graph derived from scratch, edit after edit', () => {
    let workspace = loadWorkspace([{ name: 'teams.yaml', text: generateWorkspaceText(40) }]);
    deriveGraph(workspace);
    for (const [what, command] of EDITS) {
      const result = applyCommand(workspace, command);
      if (!result.ok) throw new Error(`${what}: ${result.error}`);
      workspace = result.value;
      expect(deriveGraph(workspace), what).toEqual(fresh(workspace));
    }
  });

  it('attaches alert rules to the gateway pods, and lets go of them when the rule looks elsewhere', () => {
    let workspace = loadWorkspace([{ name: 'teams.yaml', text: generateWorkspaceText(5) }]);
    const rules = () =>
      deriveGraph(workspace)
        .edges.filter((e) => e.kind === 'attach' && e.target.startsWith('alertRules:'))
        .map((e) => `${e.source} -> ${e.target}`);
    expect(rules()).toEqual([]);
    for (const [what, command] of EDITS.filter(([what]) => what.includes('PrometheusRule'))) {
      const result = applyCommand(workspace, command);
      if (!result.ok) throw new Error(`${what}: ${result.error}`);
      workspace = result.value;
      const watching = !what.includes('no longer');
      expect(rules(), what).toEqual(
        watching
          ? [
              'gatewayWorkload:implied:istio-system/istio-ingressgateway -> alertRules:PrometheusRule/istio-system/gateway-alerts',
            ]
          : [],
      );
    }
  });

  it('keeps the very node objects of what the edit did not touch', () => {
    const before = loadWorkspace([{ name: 'teams.yaml', text: generateWorkspaceText(40) }]);
    const old = deriveGraph(before);
    const result = applyCommand(before, EDITS[0]?.[1] as Command);
    if (!result.ok) throw new Error(result.error);
    const next = deriveGraph(result.value);
    const byId = new Map(old.nodes.map((n) => [n.id, n]));
    const kept = next.nodes.filter((n) => byId.get(n.id) === n);
    // Only vs-1's own nodes (the VirtualService and its rules) are new objects.
    const renewed = next.nodes.filter((n) => byId.get(n.id) !== n).map((n) => n.id);
    expect(renewed.filter((id) => !id.includes('VirtualService/team-1/vs-1'))).toEqual([]);
    expect(kept.length).toBeGreaterThan(next.nodes.length - 10);
  });
});
