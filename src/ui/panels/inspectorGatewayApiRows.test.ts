import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { BOOKINFO_GATEWAY } from '../../testing/gatewayApiSamples.ts';
import { findEntry, loadWorkspace } from '../../workspace/workspace.ts';
import { inspectorRows } from './inspectorRows.ts';

describe('Inspector rows for the Gateway API', () => {
  const workspace = loadWorkspace([{ name: 'a.yaml', text: BOOKINFO_GATEWAY }]);
  const graph = deriveGraph(workspace);
  const rowsOf = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    if (!node?.resource) throw new Error(`no ${id}`);
    return inspectorRows(node, findEntry(workspace, node.resource)?.object);
  };
  const GW = 'Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway';

  it('a Gateway: its class and listeners; a listener row: its own facts', () => {
    expect(rowsOf(`gateway:${GW}`)).toEqual([
      ['class', 'istio'],
      ['listeners', 'http 80'],
    ]);
    expect(rowsOf(`listener:${GW}:listeners[0]`)).toEqual([
      ['listener', 'http'],
      ['port', '80 HTTP'],
      ['hostname', 'any hostname'],
      ['allowed routes', 'Same · HTTPRoute, GRPCRoute'],
    ]);
  });

  it('an HTTPRoute: hostnames, parents, rules; a rule row: matches and weighted backends', () => {
    expect(rowsOf('httpRoute:HTTPRoute/shop/bookinfo')).toEqual([
      ['hostnames', 'any'],
      ['parents', 'bookinfo-gateway'],
      ['rules', '1'],
    ]);
    expect(rowsOf('route:HTTPRoute/shop/bookinfo:rules[0]')).toEqual([
      ['rule', 'rules[0]'],
      ['matches', 'Exact /productpage, PathPrefix /static +3'],
      ['backends', 'productpage:9080 weight 1'],
    ]);
  });
});
