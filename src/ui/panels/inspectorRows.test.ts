import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { templateOf } from './inspectorRows.ts';

describe('the Inspector\'s "from template" line', () => {
  const workspace = loadWorkspace([
    {
      name: 'rendered.yaml',
      text: '---\n# Source: shop/templates/vs.yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: shop}\nspec:\n  hosts: [shop]\n  http:\n  - route:\n    - destination: {host: shop}\n',
    },
  ]);
  const graph = deriveGraph(workspace);

  it('names the chart template of a resource and of its parts', () => {
    const vs = graph.nodes.find((n) => n.id === 'virtualService:VirtualService/default/shop');
    const rule = graph.nodes.find((n) => n.kind === 'route');
    expect(templateOf(workspace, vs)).toBe('shop/templates/vs.yaml');
    expect(templateOf(workspace, rule)).toBe('shop/templates/vs.yaml');
  });

  it('says nothing for a resource written by hand', () => {
    const plain = loadWorkspace([
      {
        name: 'a.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: shop}\n# Source: not a header\n',
      },
    ]);
    const service = deriveGraph(plain).nodes.find((n) => n.resource === 'Service/default/shop');
    expect(service).toBeDefined();
    expect(templateOf(plain, service)).toBeUndefined();
  });
});
