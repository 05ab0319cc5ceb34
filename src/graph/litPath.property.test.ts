import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { simulate } from '../simulate/simulate.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';
import { resourceNodeId } from './ids.ts';
import { tracePath } from './tracePath.ts';

/**
 * The graph lights exactly the pods that receive a simulated request: the simulator's
 * destinations (with a share) name the workloads, the graph lights their pods nodes and no
 * others, and lights no pods at all behind a destination Envoy has no endpoints for.
 */

const VERSIONS = ['v1', 'v2', 'v3'] as const;

const workspaceArb = fc.record({
  service: fc.constantFrom('selector', 'none', 'absent'),
  otherService: fc.boolean(),
  workloads: fc.array(
    fc.record({ app: fc.constantFrom('myapp', 'shop'), version: fc.constantFrom(...VERSIONS) }),
    { maxLength: 4 },
  ),
  subsets: fc.subarray([...VERSIONS]),
  route: fc.array(
    fc.record({
      subset: fc.constantFrom(...VERSIONS, undefined),
      weight: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

type Shape = typeof workspaceArb extends fc.Arbitrary<infer T> ? T : never;

function manifests(w: Shape): string {
  const docs: object[] = [
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
      },
    },
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'myapp', namespace: 'default' },
      spec: {
        hosts: ['myapp.example.com'],
        gateways: ['istio-system/gw'],
        http: [
          {
            route: w.route.map((d) => ({
              destination: { host: 'myapp', ...(d.subset ? { subset: d.subset } : {}) },
              weight: d.weight,
            })),
          },
        ],
      },
    },
  ];
  if (w.subsets.length > 0)
    docs.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'myapp', namespace: 'default' },
      spec: { host: 'myapp', subsets: w.subsets.map((v) => ({ name: v, labels: { version: v } })) },
    });
  if (w.service !== 'absent')
    docs.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'myapp', namespace: 'default' },
      spec: {
        ...(w.service === 'selector' ? { selector: { app: 'myapp' } } : {}),
        ports: [{ name: 'http', port: 8080 }],
      },
    });
  if (w.otherService)
    docs.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shop', namespace: 'default' },
      spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80 }] },
    });
  w.workloads.forEach((labels, i) => {
    docs.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `${labels.app}-${i}`, namespace: 'default' },
      spec: { template: { metadata: { labels } } },
    });
  });
  return docs.map((d) => JSON.stringify(d)).join('\n---\n');
}

describe("the simulator's path is the graph's lit path", () => {
  test('property: lit pods are exactly the pods that receive the request', () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        const workspace = loadWorkspace([{ name: 'a.yaml', text: manifests(w) }]);
        const graph = deriveGraph(workspace);
        const simulation = simulate(workspace, { url: 'http://myapp.example.com/' });
        const lit = tracePath(graph, simulation);
        const taken = simulation.destinations.filter((d) => d.probability > 0);
        const receiving = new Set(
          taken.flatMap((d) => d.pods.map((p) => resourceNodeId('pods', p))),
        );
        const litPods = graph.nodes
          .filter((n) => n.kind === 'pods' && !n.implied && lit.nodes.has(n.id))
          .map((n) => n.id);
        expect(new Set(litPods)).toEqual(receiving);
        // No pods at all light up when Envoy has endpoints for none of the destinations.
        if (simulation.status === 503)
          expect(graph.nodes.some((n) => n.kind === 'pods' && lit.nodes.has(n.id))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
