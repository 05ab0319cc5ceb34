import { describe, expect, it } from 'vitest';
import {
  generateGatewayApiWorkspaceText,
  generateIssueWorkspaceText,
} from '../../../scripts/generateWorkspace.ts';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { focusPath, nodeHosts, routeHosts } from './focus.ts';
import { groupElements, groupKeys } from './grouping.ts';
import { toFlowElements } from './toFlow.ts';

/** Ten teams (`team-0`…`team-9`), each a Gateway, a VirtualService, subsets and pods. */
function teams(count = 50) {
  const workspace = loadWorkspace([{ name: 'a.yaml', text: generateIssueWorkspaceText(count) }]);
  const graph = deriveGraph(workspace);
  const elements = toFlowElements(graph, workspace);
  const hosts = nodeHosts(graph, workspace);
  return { graph, elements, hosts };
}

describe('groupElements', () => {
  it('draws each collapsed namespace as one node with its counts, the shared path outside', () => {
    const { graph, elements, hosts } = teams();
    const keys = groupKeys(graph, 'namespace', hosts);
    const grouped = groupElements(elements, keys, () => false, true);
    const groups = grouped.nodes.filter((n) => n.type === 'group');
    expect(groups.map((g) => g.data.group?.key)).toEqual(
      Array.from({ length: 10 }, (_, i) => `namespace:team-${i}`),
    );
    const team3 = groups[3];
    expect(team3?.ariaLabel).toBe('Namespace team-3, 5 resources');
    expect(team3?.data.lines.join(' · ')).toContain('Subset ×2');
    // The client, load balancer and gateway pods every host shares stay drawn as they are.
    expect(grouped.nodes.filter((n) => n.type !== 'group').map((n) => n.type)).toEqual([
      'client',
      'loadBalancer',
      'gatewayWorkload',
    ]);
  });

  it('redraws edges to a collapsed group once per neighbour, counting what it stands for', () => {
    const { graph, elements, hosts } = teams();
    const keys = groupKeys(graph, 'namespace', hosts);
    const grouped = groupElements(elements, keys, () => false, true);
    const ids = new Set(grouped.nodes.map((n) => n.id));
    for (const edge of grouped.edges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
    const pairs = grouped.edges.map((e) => `${e.source}->${e.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Each team's Gateway is bound by the gateway pods: one edge into each group.
    const intoTeam3 = grouped.edges.filter((e) => e.target === 'group:namespace:team-3');
    expect(intoTeam3).toHaveLength(1);
  });

  it('says on the gateway pods how many groups they lead to, rather than draw a fan of edges', () => {
    const { graph, elements, hosts } = teams(100);
    const keys = groupKeys(graph, 'namespace', hosts);
    const grouped = groupElements(elements, keys, () => false, true);
    const pods = grouped.nodes.find((n) => n.type === 'gatewayWorkload');
    expect(pods?.data.lines).toContain('→ 20 collapsed groups (edges not drawn)');
    expect(grouped.edges.filter((e) => e.source === pods?.id)).toEqual([]);
    // Opening one group draws its own edges again.
    const open = groupElements(elements, keys, (key) => key === 'namespace:team-3', true);
    expect(open.edges.some((e) => e.source === pods?.id && e.target.includes('team-3'))).toBe(true);
  });

  it('shows an open group as its nodes under a header, and leaves a small graph as it was', () => {
    const { graph, elements, hosts } = teams();
    const keys = groupKeys(graph, 'namespace', hosts);
    const open = groupElements(elements, keys, (key) => key === 'namespace:team-2', true);
    const team2 = elements.nodes.filter((n) => keys.get(n.id) === 'namespace:team-2');
    expect(team2.length).toBeGreaterThan(3);
    for (const node of team2) expect(open.nodes).toContain(node);
    const header = open.nodes.find((n) => n.id === 'group:namespace:team-2');
    expect(header?.data.group?.open).toBe(true);
    expect(groupElements(elements, keys, () => true, false)).toBe(elements);
  });

  it('groups by host: a route, the services and subsets it sends to, their pods', () => {
    const { graph, elements, hosts } = teams();
    const keys = groupKeys(graph, 'host', hosts);
    const grouped = groupElements(elements, keys, () => false, true);
    const host4 = grouped.nodes.find((n) => n.id === 'group:host:app-4.example.com');
    expect(host4?.ariaLabel).toBe('Host app-4.example.com, 5 resources');
  });
});

describe('focusPath', () => {
  it("keeps one host's path, from the client to its pods, and nothing of the other hosts", () => {
    const { graph, hosts } = teams();
    expect(routeHosts(graph, hosts)).toContain('app-7.example.com');
    const path = focusPath(graph, { kind: 'host', key: 'app-7.example.com' }, hosts);
    const kinds = graph.nodes.filter((n) => path.has(n.id)).map((n) => n.kind);
    for (const kind of ['client', 'loadBalancer', 'gatewayWorkload', 'gateway', 'subset', 'pods'])
      expect(kinds).toContain(kind);
    const namespaces = new Set(
      graph.nodes.filter((n) => path.has(n.id) && n.resource).map((n) => n.resource?.split('/')[1]),
    );
    expect(namespaces).toEqual(new Set(['team-7']));
  });

  it("keeps a Gateway's path: what leads to it, the routes it binds and where they send", () => {
    const { graph, hosts } = teams();
    const path = focusPath(graph, { kind: 'gateway', key: 'gateway:Gateway/team-3/gw-3' }, hosts);
    expect(path.has('virtualService:VirtualService/team-3/vs-3')).toBe(true);
    expect(path.has('virtualService:VirtualService/team-4/vs-4')).toBe(false);
    expect(graph.nodes.filter((n) => path.has(n.id) && n.kind === 'client')).toHaveLength(1);
  });

  it("keeps a Gateway API host's path: the shared Gateway, its route, its services", () => {
    const workspace = loadWorkspace([
      { name: 'a.yaml', text: generateGatewayApiWorkspaceText(20) },
    ]);
    const graph = deriveGraph(workspace);
    const hosts = nodeHosts(graph, workspace);
    const path = focusPath(graph, { kind: 'host', key: 'app-3.g0.example.com' }, hosts);
    const resources = graph.nodes.filter((n) => path.has(n.id)).map((n) => n.resource);
    expect(resources).toContain('HTTPRoute/team-3/route-3');
    expect(resources).toContain(`${K8S_GATEWAY}/infra/shared-0`);
    expect(resources).toContain('Service/team-3/svc-3-v1');
    expect(resources).not.toContain('HTTPRoute/team-4/route-4');
  });
});
