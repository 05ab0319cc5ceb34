import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findings } from '../check/lint.ts';
import { resolveGatewayRef } from '../model/gatewayNames.ts';
import { simulated } from '../testing/simulated.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';
import { resourceNodeId } from './ids.ts';
import { tracePath } from './tracePath.ts';

/**
 * The graph lights exactly the path of a simulated request: the Gateway that took it, its bind
 * edge to the VirtualService that routed it, and the pods that receive it (the simulator's
 * destinations with a share name the workloads; no pods light up behind a destination Envoy has
 * no endpoints for). The VirtualService binds its Gateway in any of the forms Istio reads
 * (`ns/name`, `./name`, a bare name, the legacy `name.ns[.svc…]`, `mesh`), from its namespace
 * or the Gateway's, and lint never calls "not found" a reference the simulator or the graph
 * resolves.
 */

const VERSIONS = ['v1', 'v2', 'v3'] as const;

/** `gateways` entries for Gateway istio-system/gw, some naming it only from istio-system. */
const GATEWAY_REFS = [
  'istio-system/gw',
  './gw',
  'gw',
  'gw.istio-system',
  'gw.istio-system.svc.cluster.local',
  'gw.default.svc.cluster.local',
  'mesh',
] as const;

const workspaceArb = fc.record({
  vsNamespace: fc.constantFrom('default', 'istio-system'),
  gatewayRefs: fc.uniqueArray(fc.constantFrom(...GATEWAY_REFS), { maxLength: 2 }),
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
      metadata: { name: 'myapp', namespace: w.vsNamespace },
      spec: {
        hosts: ['myapp.example.com'],
        ...(w.gatewayRefs.length > 0 ? { gateways: w.gatewayRefs } : {}),
        http: [
          {
            route: w.route.map((d) => ({
              destination: {
                host: 'myapp.default.svc.cluster.local',
                ...(d.subset ? { subset: d.subset } : {}),
              },
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

const GATEWAY = resourceNodeId('gateway', 'Gateway/istio-system/gw');

describe("the simulator's path is the graph's lit path", () => {
  test('property: lit pods are exactly the pods that receive the request', () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        const workspace = loadWorkspace([{ name: 'a.yaml', text: manifests(w) }]);
        const graph = deriveGraph(workspace);
        const simulation = simulated(workspace, { url: 'http://myapp.example.com/' });
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

  test('property: the Gateway and VirtualService the simulator takes are lit, and lint finds every Gateway either resolves', () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        const workspace = loadWorkspace([{ name: 'a.yaml', text: manifests(w) }]);
        const graph = deriveGraph(workspace);
        const simulation = simulated(workspace, { url: 'http://myapp.example.com/' });
        const lit = tracePath(graph, simulation);
        const vs = resourceNodeId('virtualService', `VirtualService/${w.vsNamespace}/myapp`);
        const bind = graph.edges.find(
          (e) => e.kind === 'bind' && e.source === GATEWAY && e.target === vs,
        );
        // Istio binds exactly when an entry resolves to istio-system/gw.
        const binds = w.gatewayRefs.some((ref) => {
          const target = resolveGatewayRef(ref, w.vsNamespace);
          return target?.namespace === 'istio-system' && target.name === 'gw';
        });
        expect(simulation.outcome === 'route').toBe(binds);
        expect(bind !== undefined).toBe(binds);
        if (simulation.outcome === 'route') {
          expect(simulation.gateway).toBe('Gateway/istio-system/gw');
          expect(lit.nodes.has(GATEWAY)).toBe(true);
          expect(lit.nodes.has(vs)).toBe(true);
          expect(bind && lit.edges.get(bind.id)).toBe(1);
        }
        const notFound = findings(workspace).filter((f) => f.code === 'vs-gateway-not-found');
        for (const finding of notFound) {
          const ref = w.gatewayRefs[finding.path[2] as number] ?? '';
          const target = resolveGatewayRef(ref, w.vsNamespace);
          expect(target?.namespace === 'istio-system' && target.name === 'gw').toBe(false);
        }
        // And every entry naming a Gateway the workspace lacks is reported.
        const missing = w.gatewayRefs.filter((ref) => {
          const target = resolveGatewayRef(ref, w.vsNamespace);
          return target && !(target.namespace === 'istio-system' && target.name === 'gw');
        });
        expect(notFound).toHaveLength(missing.length);
      }),
      { numRuns: 200 },
    );
  });
});
