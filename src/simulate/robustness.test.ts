import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { MANIFEST } from '../testing/istioArbitraries.ts';
import { simulated } from '../testing/simulated.ts';
import { docs, httpGateway, sim, workspaceOf } from '../testing/simulations.ts';
import { EMPTY_WORKSPACE } from '../workspace/workspace.ts';
import { outcomeSummary } from './summary.ts';
import type { Simulation } from './types.ts';

const OUTCOMES = ['route', 'redirect', 'directResponse', 'fault', 'noRoute', 'noServer'];

/** What every simulation keeps, whatever the workspace. */
function invariantProblems(s: Simulation): string[] {
  const problems: string[] = [];
  if (!OUTCOMES.includes(s.outcome)) problems.push(`outcome ${s.outcome}`);
  // A routed request is answered by the gateway only when no destination it can take has endpoints.
  if (s.outcome === 'route' && s.status !== null && s.status !== 503)
    problems.push(`a routed request has status ${s.status}`);
  const taken = s.destinations.filter((d) => d.probability > 0);
  const unavailable = taken.every((d) => d.endpoints === 'none');
  if (s.outcome === 'route' && s.rule?.section === 'http' && (s.status === 503) !== unavailable)
    problems.push('status 503 disagrees with the destinations');
  if (s.status === 503 && !outcomeSummary(s).startsWith('503'))
    problems.push('a 503 whose one-line answer does not say so');
  if (s.outcome === 'noRoute' && s.status !== 404) problems.push('noRoute is not 404');
  if (s.outcome === 'noServer' && s.status !== null) problems.push('noServer has a status');
  for (const d of s.destinations)
    if (!(d.probability >= 0 && d.probability <= 1)) problems.push(`probability ${d.probability}`);
  const total = s.destinations.reduce((sum, d) => sum + d.probability, 0);
  if (total > 1 + 1e-9) problems.push(`probabilities sum to ${total}`);
  for (const step of s.steps)
    if (typeof step.detail !== 'string') problems.push('step without detail');
  if (JSON.stringify(s) === undefined) problems.push('not JSON');
  return problems;
}

const URL = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.constantFrom('shop.example.com', 'a.shop.io', 'x.default.svc', 'localhost', 'reviews'),
    fc.constantFrom('', ':80', ':443', ':8080', ':15443'),
    fc.constantFrom('/', '/api/v1/x', '/API', '/a?b=1&c', '/%2e%2e/x'),
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port}${path}`);

describe('simulate never throws on any workspace', () => {
  test('an empty workspace: nothing listens', () => {
    expect(simulated(EMPTY_WORKSPACE, { url: 'http://a.test/' }).outcome).toBe('noServer');
  });

  test('garbage in every field of the kinds the simulator reads', () => {
    const garbage = [
      'spec: 42',
      'spec: { selector: [a], servers: [null, { port: 80 }, { port: { number: "80" } }, { port: { number: 80, protocol: 7 }, hosts: [1, null] }] }',
      'spec: { hosts: ["*"], gateways: [istio-system/gw, "", "/", "a/b/c", "x.y.z"], http: [null, 3, "x", { match: [null, { uri: 1, headers: [1] }] }] }',
      'spec: { hosts: ["*"], gateways: [istio-system/gw], http: [{ match: [{ uri: { regex: "(" } }], route: [{ destination: null }, { destination: { host: "" } }, 7] }] }',
      'spec: { hosts: ["*"], gateways: [istio-system/gw], http: [{ redirect: { redirectCode: 999, port: -1 }, rewrite: { uriRegexRewrite: { match: "[" } } }] }',
      'spec: { hosts: ["*"], gateways: [istio-system/gw], http: [{ fault: { abort: { percentage: { value: 400 } } }, retries: { attempts: "x" }, delegate: { name: 3 } }] }',
      'spec: { host: "", subsets: [null, { name: 1, labels: [1] }], trafficPolicy: { portLevelSettings: [null, { port: 1 }] } }',
      'spec: { hosts: ["*"], gateways: [istio-system/gw], tls: [{ match: [{ sniHosts: [1] }], route: [] }], tcp: {} }',
    ];
    const texts = [httpGateway()];
    for (const kind of ['Gateway', 'VirtualService', 'DestinationRule', 'ServiceEntry'])
      for (const [i, spec] of garbage.entries())
        texts.push(
          `apiVersion: networking.istio.io/v1\nkind: ${kind}\nmetadata: { name: g${i}, namespace: istio-system }\n${spec}\n`,
        );
    for (const url of [
      'http://shop.example.com/api',
      'https://shop.example.com/',
      'http://x:8080/',
    ])
      expect(invariantProblems(sim(docs(...texts), url))).toEqual([]);
  });

  test('property: random Istio manifests and requests give a well-formed simulation', () => {
    fc.assert(
      fc.property(
        fc.array(MANIFEST, { maxLength: 8 }),
        URL,
        fc.dictionary(
          fc.constantFrom('x-beta', 'x-user', 'host'),
          fc.constantFrom('1', 'admin', 'a.shop.io'),
          { maxKeys: 2 },
        ),
        (manifests, url, headers) => {
          const workspace = workspaceOf(
            docs(httpGateway(['*']), ...manifests.map((m) => stringify(m))),
          );
          expect(invariantProblems(simulated(workspace, { url, headers }))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('performance', () => {
  test('a simulation on a 1000-resource workspace takes well under 50 ms once the workspace is indexed', () => {
    const texts: string[] = [httpGateway(['*'])];
    for (let i = 0; i < 250; i++) {
      const ns = `ns${i % 10}`;
      texts.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs${i}, namespace: ${ns} }
spec:
  hosts: [host${i}.example.com]
  gateways: [istio-system/gw]
  http:
    - match: [{ uri: { regex: "/api/v[0-9]+/item${i}" } }, { headers: { x-user: { prefix: u${i} } } }]
      route: [{ destination: { host: svc${i}, subset: v1 }, weight: 90 }, { destination: { host: svc${i}, subset: v2 }, weight: 10 }]
    - route: [{ destination: { host: svc${i} } }]
`);
      texts.push(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: svc${i}, namespace: ${ns} }
spec:
  host: svc${i}
  subsets: [{ name: v1, labels: { version: v1 } }, { name: v2, labels: { version: v2 } }]
`);
      texts.push(`apiVersion: v1
kind: Service
metadata: { name: svc${i}, namespace: ${ns} }
spec: { selector: { app: svc${i} }, ports: [{ port: 8080, name: http }] }
`);
      texts.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: svc${i}, namespace: ${ns} }
spec: { template: { metadata: { labels: { app: svc${i}, version: v1 } } } }
`);
    }
    const workspace = workspaceOf(docs(...texts));
    const request = {
      url: 'http://host249.example.com/api/v2/item249',
      headers: { 'x-user': 'u249' },
    };
    const cold = performance.now();
    const first = simulated(workspace, request);
    const coldMs = performance.now() - cold;
    const warm = performance.now();
    for (let i = 0; i < 10; i++)
      simulated(workspace, { ...request, url: `http://host${i * 20}.example.com/x` });
    const warmMs = (performance.now() - warm) / 10;
    expect(first.rule?.index).toBe(0);
    expect(warmMs).toBeLessThan(50);
    // Indexing the workspace (catalog, route tables) happens once, on the first request.
    expect(coldMs).toBeLessThan(1000);
  });
});
