import { describe, expect, test } from 'vitest';
import { applyCommand } from '../edit/applyCommand.ts';
import type { Command } from '../edit/command.ts';
import { BOOKINFO_GATEWAY } from '../testing/gatewayApiSamples.ts';
import { edgeList, graphOf, invariantProblems, yaml } from '../testing/graphs.ts';
import { loadWorkspace, serializeWorkspace, type Workspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';

/** An Istio Gateway on its own pods in `shop`. */
const SHOP = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: shop-gw, namespace: shop }
  spec: { selector: { app: shop-gateway }, servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }] }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: shop-gateway, namespace: shop }
  spec: { template: { metadata: { labels: { app: shop-gateway, tier: edge } } } }
`;
const SHOP_PODS = 'gatewayWorkload:Deployment/shop/shop-gateway';

const budget = (name: string, selector: string, apiVersion = 'policy/v1') => yaml`
  apiVersion: ${apiVersion}
  kind: PodDisruptionBudget
  metadata: { name: ${name}, namespace: shop }
  spec:
    minAvailable: 1
    ${selector}
`;

const attached = (...texts: string[]) => {
  const graph = graphOf(...texts);
  expect(invariantProblems(graph)).toEqual([]);
  return edgeList(graph, 'attach');
};

describe('budgets hung off the gateway pods', () => {
  test('a budget selecting the pods by matchExpressions hangs off them; one selecting others does not', () => {
    expect(
      attached(
        SHOP,
        budget(
          'by-expression',
          'selector: { matchExpressions: [{ key: tier, operator: In, values: [edge] }] }',
        ),
        budget(
          'other-pods',
          'selector: { matchExpressions: [{ key: app, operator: In, values: [web] }] }',
        ),
        budget(
          'not-edge',
          'selector: { matchLabels: { app: shop-gateway }, matchExpressions: [{ key: tier, operator: NotIn, values: [edge] }] }',
        ),
      ),
    ).toEqual([`${SHOP_PODS} -> disruptionBudget:PodDisruptionBudget/shop/by-expression`]);
  });

  test('a budget without selector protects no pods; {} protects all of the namespace (policy/v1)', () => {
    expect(
      attached(
        SHOP,
        budget('no-selector', ''),
        budget('everything', 'selector: {}'),
        budget('old-empty', 'selector: {}', 'policy/v1beta1'),
      ),
    ).toEqual([`${SHOP_PODS} -> disruptionBudget:PodDisruptionBudget/shop/everything`]);
  });
});

const envoyFilter = (name: string, namespace: string, spec: string) => yaml`
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: { name: ${name}, namespace: ${namespace} }
  spec:
    ${spec}
    configPatches: []
`;
const TO_BOOKINFO =
  'targetRefs: [{ group: gateway.networking.k8s.io, kind: Gateway, name: bookinfo-gateway }]';

describe('EnvoyFilters with targetRefs', () => {
  test('one naming a Gateway API Gateway hangs off the pods Istio deploys for it, from its namespace only', () => {
    expect(
      attached(
        BOOKINFO_GATEWAY,
        envoyFilter('limit', 'shop', TO_BOOKINFO),
        envoyFilter('from-root', 'istio-system', TO_BOOKINFO),
        envoyFilter('other-gateway', 'shop', TO_BOOKINFO.replace('bookinfo-gateway', 'api')),
      ),
    ).toEqual([
      'gatewayWorkload:implied:Deployment/shop/bookinfo-gateway-istio -> envoyFilter:EnvoyFilter/shop/limit',
    ]);
  });

  test('one with targetRefs never applies to an Istio Gateway’s pods, even selecting them', () => {
    expect(
      attached(
        SHOP,
        envoyFilter(
          'targeted',
          'shop',
          `${TO_BOOKINFO}\n    workloadSelector: { labels: { app: shop-gateway } }`,
        ),
        envoyFilter('selected', 'shop', 'workloadSelector: { labels: { app: shop-gateway } }'),
      ),
    ).toEqual([`${SHOP_PODS} -> envoyFilter:EnvoyFilter/shop/selected`]);
  });
});

describe('after an edit', () => {
  const fresh = (workspace: Workspace) => deriveGraph(loadWorkspace(serializeWorkspace(workspace)));
  const budgets = (workspace: Workspace) =>
    edgeList(deriveGraph(workspace), 'attach').filter((e) => e.includes('disruptionBudget:'));

  test('a budget edited to select by an expression that misses the pods lets go of them', () => {
    let workspace = loadWorkspace([
      {
        name: 'shop.yaml',
        text: `${SHOP}---\n${budget('edge', 'selector: { matchLabels: { tier: edge } }')}`,
      },
    ]);
    expect(budgets(workspace)).toEqual([
      `${SHOP_PODS} -> disruptionBudget:PodDisruptionBudget/shop/edge`,
    ]);
    const edits: [Command, number][] = [
      [
        {
          type: 'setValue',
          target: 'PodDisruptionBudget/shop/edge',
          path: ['spec', 'selector'],
          value: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['core'] }] },
        },
        0,
      ],
      [
        {
          type: 'setValue',
          target: 'PodDisruptionBudget/shop/edge',
          path: ['spec', 'selector', 'matchExpressions', 0, 'values', 0],
          value: 'edge',
        },
        1,
      ],
    ];
    for (const [command, count] of edits) {
      const result = applyCommand(workspace, command);
      if (!result.ok) throw new Error(result.error);
      workspace = result.value;
      expect(budgets(workspace)).toHaveLength(count);
      expect(deriveGraph(workspace)).toEqual(fresh(workspace));
    }
  });
});
