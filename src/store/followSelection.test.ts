import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { dedent as yaml } from '../testing/dedent.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { followSelection } from './followSelection.ts';

const GATEWAY = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: gw, namespace: istio-system}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
`;

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: istio-ingressgateway, namespace: istio-system}
  spec:
    selector:
      matchLabels: {istio: ingressgateway}
    template:
      metadata:
        labels: {istio: ingressgateway, app: istio-ingressgateway}
      spec:
        containers: [{name: istio-proxy, image: auto}]
`;

const graphOf = (...docs: string[]) =>
  deriveGraph(loadWorkspace([{ name: 'a.yaml', text: docs.join('---\n') }]));

describe('followSelection', () => {
  const implied = graphOf(GATEWAY);
  const written = graphOf(GATEWAY, DEPLOYMENT);
  const pods = (graph: typeof implied) =>
    graph.nodes.find((node) => node.kind === 'gatewayWorkload')?.id ?? '';

  it('follows the implied gateway pods to the Deployment written for them', () => {
    expect(pods(implied)).not.toBe(pods(written));
    expect(followSelection(pods(implied), implied, written)).toBe(pods(written));
  });

  it('keeps a node the edit kept, and nothing selected as nothing', () => {
    const gateway = written.nodes.find((node) => node.kind === 'gateway')?.id ?? '';
    expect(followSelection(gateway, implied, written)).toBe(gateway);
    expect(followSelection(null, implied, written)).toBeNull();
  });

  it('keeps a removed node’s id when nothing of its kind replaced it', () => {
    expect(followSelection(pods(written), written, implied)).toBe(pods(implied));
    const gone = graphOf(DEPLOYMENT);
    const gateway = written.nodes.find((node) => node.kind === 'gateway')?.id ?? '';
    expect(followSelection(gateway, written, gone)).toBe(gateway);
  });
});
