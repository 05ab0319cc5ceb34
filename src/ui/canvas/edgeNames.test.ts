import { describe, expect, test } from 'vitest';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { resourceEntries } from '../commands/GoToResource.tsx';
import { filterEntries } from '../commands/Palette.tsx';
import { nodeHosts } from './focus.ts';
import { toFlowElements } from './toFlow.ts';
import { pathOrder } from './useCanvasTabOrder.ts';

const CANARY = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: web}
spec:
  hosts: [shop.example.com]
  http:
  - route:
    - destination: {host: shop, subset: v1}
      weight: 80
    - destination: {host: shop, subset: v2}
      weight: 20
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: shop, namespace: web}
spec:
  host: shop
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
`;

function elementsOf(files: readonly { name: string; text: string }[]) {
  const workspace = loadWorkspace(files);
  return toFlowElements(deriveGraph(workspace), workspace);
}

describe('what the canvas says about its edges and nodes', () => {
  test('an edge is named by its kind, its label and what it joins', () => {
    const labels = elementsOf([{ name: 'a.yaml', text: CANARY }]).edges.map((e) => e.ariaLabel);
    expect(labels).toContain('route 80% from shop http[0] to shop v1');
    expect(labels).toContain('route 20% from shop http[0] to shop v2');
  });

  test('Tab order: nodes along the request path, then edges from the first node on', () => {
    const elements = elementsOf(EXAMPLE);
    const order = pathOrder(elements, () => 0);
    const nodes = [...order.nodes].sort((a, b) => a[1] - b[1]).map(([id]) => id.split(':')[0]);
    expect(nodes.slice(0, 3)).toEqual(['client', 'loadBalancer', 'gatewayWorkload']);
    expect(nodes.indexOf('gateway')).toBeLessThan(nodes.indexOf('virtualService'));
    expect(nodes.indexOf('virtualService')).toBeLessThan(nodes.indexOf('service'));
    expect(nodes.indexOf('service')).toBeLessThan(nodes.indexOf('pods'));
    const [first] = [...order.edges].sort((a, b) => a[1] - b[1]);
    const edge = elements.edges.find((e) => e.id === first?.[0]);
    expect(edge?.ariaLabel).toBe('flow from client to istio-ingressgateway');
  });

  test('Go to resource lists a subset by its DestinationRule and name, a rule by where it is', () => {
    const workspace = loadWorkspace([{ name: 'a.yaml', text: CANARY }]);
    const entries = resourceEntries(deriveGraph(workspace));
    expect(entries.find((e) => e.title === 'shop v2')).toMatchObject({
      group: 'Subset',
      detail: 'web',
    });
    expect(entries.find((e) => e.group === 'Rule')?.detail).toBe('shop http[0] · web');
    // Typing a host finds the routes and Gateways that serve it.
    const graph = deriveGraph(workspace);
    const withHosts = resourceEntries(graph, nodeHosts(graph, workspace));
    const vs = withHosts.find((e) => e.group === 'VirtualService');
    expect(vs?.detail).toBe('web · shop.example.com');
    expect(filterEntries(withHosts, 'shop.example.com')).toEqual([vs]);
  });
});
