/**
 * Istio's own Gateway API samples (the shared corpus's `samples/gateway-api-k8s/`, with the
 * Services and Deployments of `samples/support/` they run with): each must draw its whole path
 * (client → load balancer → gateway pods → Gateway → listener → route → rule → Service → pods),
 * lint with no error, and answer the requests Istio's docs send it.
 * Usage: npm run corpus:gateway-api [-- CORPUS_DIR]   (default: ../shared/corpus)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../src/check/lint.ts';
import { deriveGraph } from '../src/graph/deriveGraph.ts';
import type { FlowGraph } from '../src/graph/types.ts';
import { simulate } from '../src/simulate/simulate.ts';
import { loadWorkspace } from '../src/workspace/workspace.ts';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const samples = join(root, 'samples', 'gateway-api-k8s');
if (!existsSync(samples)) {
  console.log(`no Gateway API samples at ${samples}; nothing to check`);
  process.exit(0);
}

interface Expectation {
  readonly url: string;
  /** `name.namespace` of the Service that answers and its port, or the gateway's own status. */
  readonly answer: { service: string; port: number } | { status: number };
}

interface Sample {
  readonly file: string;
  readonly support: readonly string[];
  /** The route kind drawn between the listener and the Service. */
  readonly routeKind: 'httpRoute' | 'tcpRoute';
  readonly requests: readonly Expectation[];
}

// The requests of Istio's task pages for each sample (bookinfo's product page and its API,
// httpbin's /headers, helloworld's /hello, tcp-echo's port 31400), and one no rule matches.
const SAMPLES: readonly Sample[] = [
  {
    file: 'samples__bookinfo__gateway-api__bookinfo-gateway.yaml',
    support: ['samples__bookinfo__platform__kube__bookinfo.yaml'],
    routeKind: 'httpRoute',
    requests: [
      {
        url: 'http://bookinfo.example/productpage',
        answer: { service: 'productpage.default', port: 9080 },
      },
      {
        url: 'http://bookinfo.example/static/img/x.png',
        answer: { service: 'productpage.default', port: 9080 },
      },
      {
        url: 'http://bookinfo.example/api/v1/products/0',
        answer: { service: 'productpage.default', port: 9080 },
      },
      {
        url: 'http://bookinfo.example/login',
        answer: { service: 'productpage.default', port: 9080 },
      },
      { url: 'http://bookinfo.example/productpage/extra', answer: { status: 404 } },
      { url: 'http://bookinfo.example/staticfiles', answer: { status: 404 } },
    ],
  },
  {
    file: 'samples__httpbin__gateway-api__httpbin-gateway.yaml',
    support: ['samples__httpbin__httpbin.yaml'],
    routeKind: 'httpRoute',
    requests: [
      {
        url: 'http://httpbin.example.com/headers',
        answer: { service: 'httpbin.default', port: 8000 },
      },
      {
        url: 'http://anything.test/status/200',
        answer: { service: 'httpbin.default', port: 8000 },
      },
    ],
  },
  {
    file: 'samples__helloworld__gateway-api__helloworld-gateway.yaml',
    support: ['samples__helloworld__helloworld.yaml'],
    routeKind: 'httpRoute',
    requests: [
      {
        url: 'http://helloworld.example/hello',
        answer: { service: 'helloworld.default', port: 5000 },
      },
      { url: 'http://helloworld.example/', answer: { status: 404 } },
    ],
  },
  {
    file: 'samples__tcp-echo__gateway-api__tcp-echo-all-v1.yaml',
    support: ['samples__tcp-echo__tcp-echo-services.yaml'],
    routeKind: 'tcpRoute',
    requests: [
      {
        url: 'http://tcp-echo.example:31400/',
        answer: { service: 'tcp-echo-v1.default', port: 9000 },
      },
    ],
  },
];

/** The kinds a request passes, in order, each joined to the next by an edge. */
const PATH = ['client', 'loadBalancer', 'gatewayWorkload', 'gateway', 'listener'] as const;

function missingOnPath(graph: FlowGraph, routeKind: string): string[] {
  const problems: string[] = [];
  const kinds = new Set(graph.nodes.map((n) => n.kind));
  for (const kind of [...PATH, routeKind, 'route', 'service', 'pods'])
    if (!kinds.has(kind as never)) problems.push(`no ${kind} node`);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const joined = (a: string, b: string) =>
    graph.edges.some((e) => byId.get(e.source)?.kind === a && byId.get(e.target)?.kind === b) ||
    // A listener is drawn inside its Gateway: the chain reaches it through its parent.
    (b === 'listener' &&
      graph.nodes.some((n) => n.kind === 'listener' && byId.get(n.parent ?? '')?.kind === a));
  const chain = [...PATH, routeKind, 'route', 'service', 'pods'];
  for (let i = 0; i + 1 < chain.length; i++) {
    const [a, b] = [chain[i] as string, chain[i + 1] as string];
    if (!joined(a, b)) problems.push(`no edge ${a} → ${b}`);
  }
  return problems;
}

let failures = 0;
let requests = 0;
for (const sample of SAMPLES) {
  const files = [sample.file, ...sample.support.map((s) => join('..', 'support', s))];
  const workspace = loadWorkspace(
    files.map((f) => ({ name: f, text: readFileSync(join(samples, f), 'utf8') })),
  );
  const problems = missingOnPath(deriveGraph(workspace), sample.routeKind);
  for (const d of lint(workspace))
    if (d.severity === 'error') problems.push(`lint: ${d.file}:${d.line}: ${d.code} ${d.message}`);
  for (const { url, answer } of sample.requests) {
    requests++;
    const result = simulate(workspace, { url });
    if (!result.ok) {
      problems.push(`${url}: ${result.error}`);
      continue;
    }
    const sim = result.value;
    if ('status' in answer) {
      if (sim.status !== answer.status)
        problems.push(`${url}: ${sim.outcome} ${sim.status}, expected ${answer.status}`);
      continue;
    }
    const host = `${answer.service}.svc.cluster.local`;
    const dest = sim.destinations[0];
    if (
      sim.outcome !== 'route' ||
      sim.destinations.length !== 1 ||
      dest?.host !== host ||
      dest.port !== answer.port
    )
      problems.push(
        `${url}: ${sim.outcome} ${sim.destinations.map((d) => `${d.host}:${d.port}`).join(', ') || sim.status}, expected ${host}:${answer.port}`,
      );
  }
  failures += problems.length;
  console.log(
    `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${sample.file} (${sample.requests.length} requests)`,
  );
  for (const p of problems) console.log(`     ${p}`);
}
console.log(
  `gateway-api samples: ${SAMPLES.length} drawn, linted and simulated (${requests} requests); failures: ${failures}`,
);
process.exit(failures === 0 ? 0 : 1);
