/**
 * The conversion proof CI runs (issue 13: "Istio's samples and the Ingress examples of the
 * Kubernetes docs convert both ways with a clean --verify"):
 * - each `examples/ingress/*.yaml` converted to Istio and to the Gateway API, and each result on
 *   to the other API, every step proven by simulation; every Ingress path must be reached by a
 *   derived request, so a proof is never empty;
 * - when the shared corpus is there (`../shared/corpus` or CORPUS_DIR), each of its samples
 *   (`samples/*.yaml`, `samples/gateway-api-k8s/*.yaml`) to the other API and back.
 * One line per file and direction, then the totals; exit 1 when a difference is not explained by
 * the loss report, a file does not parse, or an Ingress path goes unreached.
 * Usage: npm run convert:verify [-- CORPUS_DIR]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from '../src/convert/convert.ts';
import { probeRequests } from '../src/convert/probes.ts';
import type { TargetApi } from '../src/convert/types.ts';
import { convertedWorkspace, type Difference, verify } from '../src/convert/verify.ts';
import { runSavedTests, type SavedTestResult } from '../src/simulate/runSavedTests.ts';
import { parseSavedTests, type SavedTest } from '../src/simulate/savedTests.ts';
import type { SimRequest } from '../src/simulate/types.ts';
import { formatDiagnosticLine, syntaxDiagnostics } from '../src/workspace/diagnostics.ts';
import { entries, loadWorkspace, type Workspace } from '../src/workspace/workspace.ts';

/** One conversion and its proof: `direction` is the chain of APIs, `ingress → istio → gateway-api`. */
export interface Proof {
  readonly direction: string;
  readonly converted: number;
  readonly losses: number;
  readonly total: number;
  readonly same: number;
  readonly explained: number;
  /** Differences no loss explains. */
  readonly unexplained: readonly Difference[];
}

/** `GET url {headers}`: a request as the run prints it. */
export function requestText(r: SimRequest): string {
  return `${r.method ?? 'GET'} ${r.url}${r.headers ? ` ${JSON.stringify(r.headers)}` : ''}`;
}

const OTHER: Record<TargetApi, TargetApi> = { istio: 'gateway-api', 'gateway-api': 'istio' };

/**
 * `source` (written in API `from`) converted to `to`, then the result to the
 * other API; each step proven with the derived requests and `saved`.
 */
export function proveBothWays(
  source: Workspace,
  from: string,
  to: TargetApi,
  saved: readonly SimRequest[] = [],
): Proof[] {
  const conversion = convert(source, to);
  const converted = convertedWorkspace(source, conversion);
  const back = convert(converted, OTHER[to]);
  return [
    proof(`${from} → ${to}`, conversion, verify(source, conversion, saved)),
    proof(`${from} → ${to} → ${OTHER[to]}`, back, verify(converted, back, saved)),
  ];
}

function proof(
  direction: string,
  conversion: ReturnType<typeof convert>,
  result: ReturnType<typeof verify>,
): Proof {
  const open = result.differences.filter((d) => !d.explainedBy);
  return {
    direction,
    converted: conversion.replaced.length,
    losses: conversion.losses.length,
    total: result.total,
    same: result.same,
    explained: result.differences.length - open.length,
    unexplained: open,
  };
}

/**
 * The Ingress paths (`Ingress/ns/name spec.rules[r].http.paths[p]`) that no request `verify`
 * sends (derived, or `saved`) reaches, by route coverage (which counts a canary Ingress's path
 * when the canary took a share or decided): a path no request reaches is one the proof says
 * nothing of.
 */
export function unreachedIngressPaths(
  workspace: Workspace,
  saved: readonly SimRequest[] = [],
): string[] {
  const requests = [...probeRequests(workspace), ...saved];
  const run = runSavedTests(
    workspace,
    requests.map((request) => ({ name: request.url, request, expect: {} })),
  );
  return run.coverage.rules
    .filter((r) => !r.covered && r.resource.startsWith('Ingress/'))
    .map((r) => {
      const [, , rule, , , path] = r.path;
      return `${r.resource} spec.rules[${rule}].http.paths[${path}]`;
    });
}

/** The saved tests beside an example (`name.tests.yaml`), or the problems reading them. */
function savedTestsOf(path: string): { tests: SavedTest[]; problems: string[] } {
  const testsPath = path.replace(/\.yaml$/, '.tests.yaml');
  if (!existsSync(testsPath)) return { tests: [], problems: [] };
  const parsed = parseSavedTests(readFileSync(testsPath, 'utf8'));
  return {
    tests: parsed.tests,
    problems: parsed.problems.map((p) => `${testsPath}:${p.line}:${p.column}: ${p.message}`),
  };
}

/** The workspace of one file, or its syntax errors as `file:line:column: message`. */
function loadFile(path: string, name: string): { workspace: Workspace } | { errors: string[] } {
  const workspace = loadWorkspace([{ name, text: readFileSync(path, 'utf8') }]);
  const errors = syntaxDiagnostics(workspace).map(formatDiagnosticLine);
  return errors.length ? { errors } : { workspace };
}

type Totals = Record<
  'files' | 'converted' | 'losses' | 'total' | 'same' | 'explained' | 'unexplained' | 'failed',
  number
>;
const zero = (): Totals => ({
  files: 0,
  converted: 0,
  losses: 0,
  total: 0,
  same: 0,
  explained: 0,
  unexplained: 0,
  failed: 0,
});

function report(name: string, p: Proof, totals: Totals): void {
  const flag = p.unexplained.length ? 'DIFF' : 'ok  ';
  console.log(
    `${flag} ${name} ${p.direction}: ${p.converted} converted, ${p.losses} losses; ${p.same}/${p.total} same, ${p.explained} explained, ${p.unexplained.length} unexplained`,
  );
  const text = (d: Difference) =>
    `${requestText(d.request)}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`;
  for (const d of p.unexplained) console.log(`       ${text(d)}`);
  totals.converted += p.converted;
  totals.losses += p.losses;
  totals.total += p.total;
  totals.same += p.same;
  totals.explained += p.explained;
  totals.unexplained += p.unexplained.length;
}

/** What proving one example says: parse problems, saved tests that fail on it, proofs, unreached paths. */
export interface ExampleProof {
  readonly problems: readonly string[];
  readonly failing: readonly SavedTestResult[];
  readonly proofs: readonly Proof[];
  readonly unreached: readonly string[];
}

/**
 * One example (`dir/name`): its saved tests (`name.tests.yaml`) checked on it, then converted to
 * both APIs and on to the other, proven with the derived requests and the saved ones; and the
 * Ingress paths none of them reaches.
 */
export function proveExample(dir: string, name: string): ExampleProof {
  const loaded = loadFile(join(dir, name), name);
  const saved = savedTestsOf(join(dir, name));
  const problems = 'errors' in loaded ? loaded.errors : saved.problems;
  if ('errors' in loaded || problems.length)
    return { problems, failing: [], proofs: [], unreached: [] };
  const requests = saved.tests.map((t) => t.request);
  return {
    problems,
    failing: runSavedTests(loaded.workspace, saved.tests).results.filter((r) => !r.pass),
    proofs: (['istio', 'gateway-api'] as const).flatMap((to) =>
      proveBothWays(loaded.workspace, 'ingress', to, requests),
    ),
    unreached: unreachedIngressPaths(loaded.workspace, requests),
  };
}

/** The example files of `dir` (not their saved tests). */
export const exampleFiles = (dir: string) =>
  yamlFiles(dir).filter((f) => !f.endsWith('.tests.yaml'));

function examples(dir: string, totals: Totals): void {
  for (const name of exampleFiles(dir)) {
    const result = proveExample(dir, name);
    totals.files++;
    if (result.problems.length) {
      totals.failed++;
      console.log(`FAIL ${name}: does not parse\n       ${result.problems.join('\n       ')}`);
      continue;
    }
    for (const r of result.failing)
      console.log(`FAIL ${name} test "${r.test.name}": ${r.mismatches.join('; ')}`);
    for (const p of result.proofs) report(name, p, totals);
    if (result.unreached.length)
      console.log(`FAIL ${name}: no request reaches ${result.unreached.join(', ')}`);
    if (result.failing.length || result.unreached.length) totals.failed++;
  }
}

/** The shared corpus's samples: each to the API it is not written in, and back. */
function corpus(root: string, totals: Totals): void {
  for (const dir of [join(root, 'samples'), join(root, 'samples', 'gateway-api-k8s')])
    for (const name of existsSync(dir) ? yamlFiles(dir) : []) {
      const loaded = loadFile(join(dir, name), name);
      if ('errors' in loaded) {
        totals.files++;
        totals.failed++;
        console.log(`FAIL ${name}: does not parse\n       ${loaded.errors.join('\n       ')}`);
        continue;
      }
      const kinds = entries(loaded.workspace).map((e) => e.object.kind);
      const istio = kinds.some((k) => k === 'Gateway' || k === 'VirtualService');
      const gatewayApi = kinds.some(
        (k) => k.includes('gateway.networking.k8s.io') || k.endsWith('Route'),
      );
      // Neither API (DestinationRules alone, support Deployments): nothing to convert.
      if (!istio && !gatewayApi) continue;
      totals.files++;
      const [from, to]: [string, TargetApi] = istio
        ? ['istio', 'gateway-api']
        : ['gateway-api', 'istio'];
      for (const p of proveBothWays(loaded.workspace, from, to)) report(name, p, totals);
    }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

function summary(what: string, t: Totals): string {
  return `${what}: ${t.files} files, ${t.converted} resources converted, ${t.losses} losses; ${t.same} of ${t.total} requests go where they went; ${t.explained} differences explained, ${t.unexplained} unexplained${t.failed ? `; ${t.failed} failed` : ''}`;
}

function main(): number {
  const project = join(import.meta.dirname, '..');
  const root = resolve(process.argv[2] ?? join(project, '..', 'shared', 'corpus'));
  const ex = zero();
  examples(join(project, 'examples', 'ingress'), ex);
  const lines = [summary('examples/ingress', ex)];
  const samples = zero();
  if (existsSync(join(root, 'samples'))) {
    console.log('');
    corpus(root, samples);
    lines.push(summary(`samples (${root})`, samples));
  } else lines.push(`samples: none under ${root}; not run`);
  console.log(`\n${lines.join('\n')}`);
  return ex.unexplained + ex.failed + samples.unexplained + samples.failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main();
