import { describe, expect, it } from 'vitest';
import { generateIssueWorkspaceText } from '../../../scripts/generateWorkspace.ts';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { dedent as yaml } from '../../testing/dedent.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { nodeWidth } from './kindLook.ts';
import { compactNameWidth, nameWidth } from './nameWidth.ts';
import { reuseUnchanged } from './reuseUnchanged.ts';
import { toFlowElements } from './toFlow.ts';

function elementsOf(text: string) {
  const workspace = loadWorkspace([{ name: 'a.yaml', text }]);
  return toFlowElements(deriveGraph(workspace), workspace);
}

const SPLIT = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: shop, namespace: web}
  spec:
    hosts: [shop.example.com]
    http:
    - name: api
      match:
      - uri: {prefix: /api}
        headers: {x-beta: {exact: "true"}}
      route:
      - destination: {host: api, subset: v1}
        weight: 90
      - destination: {host: api, subset: v2}
        weight: 10
      mirror: {host: shadow}
      mirrorPercentage: {value: 5}
    - route:
      - destination: {host: web}
`;

describe('toFlowElements', () => {
  it('draws rules as rows of their VirtualService, never as nodes of their own', () => {
    const { nodes } = elementsOf(SPLIT);
    expect(nodes.some((n) => n.data.node.kind === 'route')).toBe(false);
    const vs = nodes.find((n) => n.type === 'virtualService');
    expect(vs?.data.rules.map((r) => [r.label, r.match])).toEqual([
      ['api', 'prefix /api · x-beta=true'],
      ['http[1]', 'any request'],
    ]);
    expect(vs?.domAttributes).toEqual({
      'data-kind': 'virtualService',
      'data-resource': 'VirtualService/web/shop',
    });
    expect(vs?.ariaLabel).toBe('VirtualService shop');
  });

  it('lets route and mirror edges leave from the rule row, with percentages', () => {
    const { edges } = elementsOf(SPLIT);
    const row = 'route:VirtualService/web/shop:http[0]';
    const fromRow = edges.filter((e) => e.sourceHandle === row);
    expect(fromRow.map((e) => [e.source, e.data?.kind, e.label])).toEqual([
      ['virtualService:VirtualService/web/shop', 'route', '90%'],
      ['virtualService:VirtualService/web/shop', 'route', '10%'],
      ['virtualService:VirtualService/web/shop', 'mirror', 'mirror 5%'],
    ]);
    expect(edges.some((e) => e.data?.kind === 'rule')).toBe(false);
  });

  it('describes the example: servers, autoscaler, budget, implied gateway pods', () => {
    const workspace = loadWorkspace(EXAMPLE);
    const { nodes } = toFlowElements(deriveGraph(workspace), workspace);
    const byKind = (kind: string) => nodes.find((n) => n.type === kind);
    expect(byKind('gateway')?.data.servers).toEqual([
      { port: '80 HTTP', hosts: 'myapp.example.com', tls: undefined, httpsRedirect: false },
    ]);
    expect(byKind('autoscaler')?.data.lines).toEqual(['min 2 · max 10 · CPU 70%']);
    expect(byKind('disruptionBudget')?.data.lines).toEqual(['minAvailable 1']);
    expect(byKind('gatewayWorkload')?.data.node.implied).toBe(true);
    // The example rewrites nothing (prefix /myapp rewritten to / would send //api: issue 10).
    expect(byKind('virtualService')?.data.rules[0]?.tags).toEqual([]);
  });
});

describe('subset nodes', () => {
  it('name the service they are a subset of, not only their namespace', () => {
    const { nodes } = elementsOf(`${SPLIT}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: api-versions, namespace: web}
spec:
  host: api
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
`);
    const subsets = nodes.filter((n) => n.type === 'subset');
    expect(subsets.map((n) => `${n.data.service} / ${n.data.node.label}`)).toEqual([
      'api / v1',
      'api / v2',
    ]);
  });
});

describe('reuseUnchanged', () => {
  it('keeps the objects of nodes and edges an edit did not touch', () => {
    const before = elementsOf(SPLIT);
    const after = elementsOf(SPLIT.replace('weight: 10', 'weight: 30'));
    const next = reuseUnchanged(before, after);
    const vsBefore = before.nodes.find((n) => n.type === 'virtualService');
    expect(next.nodes.find((n) => n.type === 'virtualService')).toBe(vsBefore);
    const changed = next.edges.filter((e) => !before.edges.includes(e)).map((e) => e.label);
    expect(changed).toEqual(['75%', '25%']);
    expect(reuseUnchanged(before, elementsOf(SPLIT)).nodes).toBe(before.nodes);
  });
});

describe('shared nodes of a big graph', () => {
  it('are wide enough for their name in the compact font, pieces broken only after hyphens', () => {
    const big = loadWorkspace([{ name: 'teams.yaml', text: generateIssueWorkspaceText(200) }]);
    const { nodes } = toFlowElements(deriveGraph(big), big);
    const client = nodes.find((n) => n.data.node.kind === 'client');
    const pods = nodes.find((n) => n.data.node.kind === 'gatewayWorkload');
    expect(client?.data.width).toBeGreaterThanOrEqual(compactNameWidth('client') + 16);
    expect(pods?.data.width).toBeGreaterThanOrEqual(compactNameWidth('ingressgateway') + 16);
    // Not as wide as the whole name on one line.
    expect(pods?.data.width).toBeLessThan((nameWidth('istio-ingressgateway') * 36) / 14);
  });

  it('keep their kind’s width in a graph drawn whole', () => {
    const { nodes } = elementsOf(SPLIT);
    const client = nodes.find((n) => n.data.node.kind === 'client');
    expect(client?.data.width).toBe(nodeWidth(client?.data.node ?? { kind: 'client' }));
  });
});
