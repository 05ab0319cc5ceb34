import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { edgeList, graphOf, invariantProblems, nodeIds, yaml } from '../testing/graphs.ts';
import { EMPTY_WORKSPACE } from '../workspace/workspace.ts';
import { deriveGraph } from './deriveGraph.ts';

const KINDS = [
  ['networking.istio.io/v1', 'Gateway'],
  ['networking.istio.io/v1', 'VirtualService'],
  ['networking.istio.io/v1', 'DestinationRule'],
  ['networking.istio.io/v1', 'ServiceEntry'],
  ['networking.istio.io/v1alpha3', 'EnvoyFilter'],
  ['v1', 'Service'],
  ['v1', 'Pod'],
  ['apps/v1', 'Deployment'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['policy/v1', 'PodDisruptionBudget'],
] as const;

describe('bad input never throws', () => {
  test('an empty workspace is just the client', () => {
    expect(deriveGraph(EMPTY_WORKSPACE)).toEqual({
      nodes: [{ id: 'client', kind: 'client', label: 'client', parent: null }],
      edges: [],
    });
  });

  test('documents with syntax errors are skipped, the rest still drawn', () => {
    const graph = graphOf(
      'kind: VirtualService\nmetadata: { name: [oops\n',
      yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: ok }
        spec:
          http: [{ route: [{ destination: { host: a } }] }]
        ---
        key: : value
          bad indentation
      `,
    );
    expect(invariantProblems(graph)).toEqual([]);
    expect(nodeIds(graph, 'virtualService')).toEqual(['virtualService:VirtualService/default/ok']);
  });

  test('garbage in every field of every kind', () => {
    const garbage = [
      'spec: 42',
      'spec: [1, 2]',
      'spec: { selector: [a], servers: x, hosts: 1, gateways: { a: 1 }, http: [null, 3, "x"] }',
      'spec: { http: [{ route: [{ destination: null }, { destination: { host: "" } }, 7] }] }',
      'spec: { http: [{ mirror: 1, mirrors: [null, {}], delegate: { name: 3 } }], tcp: {}, tls: [[]] }',
      'spec: { host: "", subsets: [null, { name: 1, labels: [1] }, { labels: { v: { x: 1 } } }] }',
      'spec: { selector: null, type: 5, template: 1, scaleTargetRef: "x", workloadSelector: 3 }',
      'spec: { http: [{ match: [{ gateways: [mesh, "", "/", "a/b/c"] }], route: [] }] }',
    ];
    const docs: string[] = [];
    for (const [apiVersion, kind] of KINDS) {
      for (const spec of garbage) {
        docs.push(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: "" }\n${spec}\n`);
        docs.push(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: x\n${spec}\n`);
      }
    }
    const graph = graphOf(docs.join('---\n'));
    expect(invariantProblems(graph)).toEqual([]);
  });

  test('duplicate resources are drawn once, from their first document', () => {
    const vs = (host: string) => yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: { name: dup, namespace: web }
      spec:
        http: [{ route: [{ destination: { host: ${host} } }] }]
    `;
    const graph = graphOf(vs('first'), vs('second'));
    expect(invariantProblems(graph)).toEqual([]);
    expect(edgeList(graph, 'route')).toEqual([
      'route:VirtualService/web/dup:http[0] -> service:first.web.svc.cluster.local',
    ]);
  });

  test('repeated subset names and a subset with no labels and no Service', () => {
    const graph = graphOf(yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: { name: d, namespace: web }
      spec:
        host: api.example.com
        subsets: [{ name: a, labels: { v: "1" } }, { name: a, labels: { v: "2" } }, { name: b }]
    `);
    expect(invariantProblems(graph)).toEqual([]);
    expect(nodeIds(graph, 'subset')).toEqual([
      'subset:DestinationRule/web/d:a',
      'subset:DestinationRule/web/d:b',
    ]);
    expect(edgeList(graph, 'select')).toEqual([
      'subset:DestinationRule/web/d:a -> pods:implied:subset:DestinationRule/web/d:a|v=1',
    ]);
  });

  test('random manifests keep the invariants', () => {
    const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('', 'a', 'mesh', 'x/y', 'v1', '*', 'reviews', 'istio-system'),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom('name', 'host', 'subset', 'labels', 'selector', 'route', 'destination'),
          tie('v'),
          { maxKeys: 3 },
        ),
      ),
    })).v;
    const manifest = fc.record({
      kind: fc.constantFrom(...KINDS),
      name: fc.constantFrom('a', 'b', ''),
      namespace: fc.constantFrom('web', 'istio-system', undefined),
      spec: fc.dictionary(
        fc.constantFrom(
          'hosts',
          'gateways',
          'http',
          'tcp',
          'host',
          'subsets',
          'selector',
          'template',
        ),
        value,
        { maxKeys: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(manifest, { maxLength: 8 }), (manifests) => {
        const text = manifests
          .map(({ kind: [apiVersion, kind], name, namespace, spec }) =>
            JSON.stringify({ apiVersion, kind, metadata: { name, namespace }, spec }),
          )
          .join('\n---\n');
        expect(invariantProblems(graphOf(text))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
