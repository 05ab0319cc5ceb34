/**
 * Measures the core on a generated 1,000-resource workspace, in one process:
 *  - load (parse + typed views) + deriveGraph, against yaml's bare parseAllDocuments of the
 *    same text (budget: at most 2×);
 *  - one edit + serialize of the whole workspace (budget: at most 5 ms);
 *  - lint of the loaded workspace, every check (budget: 200 ms; issue 5);
 *  - after one edit (issue 14): deriveGraph of the edited workspace when the previous one's graph
 *    was derived (budget: 5 ms), and lint of it when the previous one was linted (budget: 20 ms),
 *    through the public functions as the app calls them, so only the core's own memoisation
 *    (by document identity) can make them fast;
 *  - one simulated request, and a workspace's first simulation with its index (issue 6);
 *  - the same load + graph, lint and simulation on 1,000 Gateway API HTTPRoutes (issue 12:
 *    within the budgets of VirtualServices);
 *  - the installed command (issue 17), built as `npm run pack:cli` builds it and run as a new
 *    process each time, wall clock: `istio-designer --help` (budget 150 ms) and `istio-designer
 *    lint` of issue 14's 1,000 resources, start-up included (budget 1 s), next to a bare
 *    `node -e ''` for what Node's own start costs on this machine.
 * Usage: npm run bench
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../src/check/lint.ts';
import { applyCommand } from '../src/edit/applyCommand.ts';
import { deriveGraph } from '../src/graph/deriveGraph.ts';
import { simulate } from '../src/simulate/simulate.ts';
import { fileText, loadWorkspace, type Workspace } from '../src/workspace/workspace.ts';
import {
  generateGatewayApiWorkspaceText,
  generateIssueWorkspaceText,
  generateWorkspaceText,
} from './generateWorkspace.ts';

const RESOURCES = 1000;
const text = generateWorkspaceText(RESOURCES);

/** Median time in ms of `runs` calls after `warmup` unmeasured ones. */
function median(runs: number, warmup: number, fn: () => unknown): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Load + graph against yaml's bare parse of the same text. */
function loadAndGraph(source: string) {
  const load = () => loadWorkspace([{ name: 'bench.yaml', text: source }]);
  return {
    baseline: median(15, 3, () => parseAllDocuments(source)),
    ours: median(15, 3, () => deriveGraph(load())),
    loadOnly: median(15, 3, load),
  };
}

/** Median of `runs` calls of `fn` on a fresh workspace each (checks and simulations memoise per workspace). */
function medianFresh(source: string, runs: number, warmup: number, fn: (ws: Workspace) => unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const ws = loadWorkspace([{ name: 'bench.yaml', text: source }]);
    const start = performance.now();
    fn(ws);
    if (i >= warmup) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const { baseline, ours, loadOnly } = loadAndGraph(text);
const workspace: Workspace = loadWorkspace([{ name: 'bench.yaml', text }]);
const graph = deriveGraph(workspace);

let weight = 0;
/** The `edit` rows' one edit: the next weight of a route of one VirtualService. */
function oneEdit(ws: Workspace): Workspace {
  weight = (weight + 1) % 100;
  const result = applyCommand(ws, {
    type: 'setValue',
    target: 'VirtualService/team-100/vs-100',
    path: ['spec', 'http', 0, 'route', 0, 'weight'],
    value: weight,
  });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const edit = median(200, 20, () =>
  fileText(oneEdit(workspace).files[0] as Workspace['files'][number]),
);

/**
 * Median ms of `after(next)` where `next` is one edit of a workspace `before` already ran on:
 * a chain of edits, as a user typing makes, each step timed only on the edited workspace.
 */
function afterOneEdit(runs: number, warmup: number, step: (ws: Workspace) => unknown): number {
  let current = loadWorkspace([{ name: 'bench.yaml', text }]);
  step(current);
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const next = oneEdit(current);
    const start = performance.now();
    step(next);
    if (i >= warmup) times.push(performance.now() - start);
    current = next;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
const deriveAfterEdit = afterOneEdit(60, 15, deriveGraph);
// Warmed as a worker is after a few keystrokes: the first lints of a new workspace run cold.
const lintAfterEdit = afterOneEdit(30, 15, lint);

let findingCount = 0;
const lintMs = medianFresh(text, 6, 2, (ws) => {
  findingCount = lint(ws).length;
});

const request = { url: 'https://app-100.example.com/api/x', headers: { 'x-beta': 'true' } };
const firstSim = medianFresh(text, 5, 1, (ws) => simulate(ws, request));
const sim = median(50, 5, () => simulate(workspace, request));
const outcomeOf = (ws: Workspace, r: typeof request) => {
  const simulated = simulate(ws, r);
  return simulated.ok
    ? `${simulated.value.outcome}${simulated.value.status ? ` ${simulated.value.status}` : ''}`
    : `error: ${simulated.error}`;
};
const outcome = outcomeOf(workspace, request);

const docs = workspace.files[0]?.docs.length ?? 0;
const ratio = ours / baseline;
const row = (label: string, value: string, verdict = '') =>
  console.log(`${label.padEnd(46)} ${value.padStart(10)}  ${verdict}`);
console.log(
  `workspace: ${docs} documents, ${(text.length / 1024).toFixed(0)} KB, graph ${graph.nodes.length} nodes / ${graph.edges.length} edges`,
);
row('yaml parseAllDocuments (baseline)', `${baseline.toFixed(1)} ms`);
row('load workspace (parse + typed views)', `${loadOnly.toFixed(1)} ms`);
row(
  'load workspace + deriveGraph',
  `${ours.toFixed(1)} ms`,
  `${ratio.toFixed(2)}× baseline (budget 2×) ${ratio <= 2 ? 'OK' : 'OVER'}`,
);
row('one edit + serialize', `${edit.toFixed(2)} ms`, `(budget 5 ms) ${edit <= 5 ? 'OK' : 'OVER'}`);
row(
  `lint (every check; ${findingCount} findings)`,
  `${lintMs.toFixed(1)} ms`,
  `(budget 200 ms) ${lintMs <= 200 ? 'OK' : 'OVER'}`,
);
row(
  'deriveGraph after one edit',
  `${deriveAfterEdit.toFixed(2)} ms`,
  `(budget 5 ms) ${deriveAfterEdit <= 5 ? 'OK' : 'OVER'}`,
);
row(
  'lint after one edit',
  `${lintAfterEdit.toFixed(1)} ms`,
  `(budget 20 ms) ${lintAfterEdit <= 20 ? 'OK' : 'OVER'}`,
);
row(`simulate one request (${outcome}), index built`, `${sim.toFixed(2)} ms`);
row('simulate on a new workspace (index + request)', `${firstSim.toFixed(1)} ms`);

// The Gateway API: 1,000 HTTPRoutes with their Services, on ten shared Gateways.
const ROUTES = 1000;
const apiText = generateGatewayApiWorkspaceText(ROUTES);
const api = loadAndGraph(apiText);
const apiWorkspace = loadWorkspace([{ name: 'bench.yaml', text: apiText }]);
const apiGraph = deriveGraph(apiWorkspace);
const apiRatio = api.ours / api.baseline;
let apiFindings = 0;
const apiLint = medianFresh(apiText, 6, 2, (ws) => {
  apiFindings = lint(ws).length;
});
const apiRequest = { url: 'https://app-512.g5.example.com/api/x', headers: { 'x-beta': 'true' } };
const apiFirstSim = medianFresh(apiText, 5, 1, (ws) => simulate(ws, apiRequest));
const apiSim = median(50, 5, () => simulate(apiWorkspace, apiRequest));
console.log(
  `\nGateway API: ${ROUTES} HTTPRoutes, ${apiWorkspace.files[0]?.docs.length ?? 0} documents, ${(apiText.length / 1024).toFixed(0)} KB, graph ${apiGraph.nodes.length} nodes / ${apiGraph.edges.length} edges`,
);
row('yaml parseAllDocuments (baseline)', `${api.baseline.toFixed(1)} ms`);
row('load workspace (parse + typed views)', `${api.loadOnly.toFixed(1)} ms`);
row(
  'load workspace + deriveGraph',
  `${api.ours.toFixed(1)} ms`,
  `${apiRatio.toFixed(2)}× baseline (budget 2×) ${apiRatio <= 2 ? 'OK' : 'OVER'}`,
);
row(
  `lint (every check; ${apiFindings} findings)`,
  `${apiLint.toFixed(1)} ms`,
  `(budget 200 ms per 1,000 resources) ${apiLint <= 200 * ((apiWorkspace.files[0]?.docs.length ?? 0) / 1000) ? 'OK' : 'OVER'}`,
);
row(
  `simulate one request (${outcomeOf(apiWorkspace, apiRequest)}), index built`,
  `${apiSim.toFixed(2)} ms`,
);
row('simulate on a new workspace (index + request)', `${apiFirstSim.toFixed(1)} ms`);

// The installed command: its bundle built aside, each run a new Node process, as a pipeline's.
const cliDir = mkdtempSync(join(tmpdir(), 'istio-designer-bench-'));
execFileSync(process.execPath, [join(import.meta.dirname, 'build-cli.mjs'), '--out', cliDir]);
const command = join(cliDir, 'istio-designer.mjs');
const manifests = join(cliDir, 'workspace.yaml');
writeFileSync(manifests, generateIssueWorkspaceText(RESOURCES));
/**
 * CPU ms the waited-for child processes have used so far (Linux: /proc/self/stat's cutime and
 * cstime, in ticks of 10 ms), or undefined elsewhere. On a shared, loaded machine the wall clock
 * says more about the neighbours than about the command; its CPU time does not.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}
interface Spawned {
  readonly wall: number;
  readonly cpu: number | undefined;
}
/** One run of node with `args`: wall-clock and CPU ms; throws when it exits other than `codes`. */
function spawnRun(args: readonly string[], codes: readonly number[]): Spawned {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const out = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (!codes.includes(out.status ?? -1)) throw new Error(`${args.join(' ')}: ${out.stderr}`);
  return {
    wall,
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
  };
}
/** Medians of wall and CPU over `runs` runs, after one unmeasured run (the file cache warm). */
function spawnMedian(runs: number, args: readonly string[], codes: readonly number[]) {
  spawnRun(args, codes);
  const all = Array.from({ length: runs }, () => spawnRun(args, codes));
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
  const cpus = all.map((r) => r.cpu).filter((c) => c !== undefined);
  return { wall: mid(all.map((r) => r.wall)), cpu: cpus.length === runs ? mid(cpus) : undefined };
}
const bare = spawnMedian(9, ['-e', ''], [0]);
const help = spawnMedian(9, [command, '--help'], [0]);
const lintRun = spawnMedian(5, [command, 'lint', manifests], [0, 1]);
const figures = (r: Spawned) =>
  `${r.wall.toFixed(0)} ms${r.cpu === undefined ? '' : ` (CPU ${r.cpu.toFixed(0)})`}`;
console.log(
  `\nThe installed command (a new process each run; wall clock, and CPU time of the process)`,
);
row("node -e '' (Node's own start, for scale)", figures(bare));
row('istio-designer --help', figures(help), `(budget 150 ms) ${help.wall <= 150 ? 'OK' : 'OVER'}`);
row(
  `istio-designer lint, ${RESOURCES} resources (issue 14's)`,
  figures(lintRun),
  `(budget 1,000 ms, start-up included) ${lintRun.wall <= 1000 ? 'OK' : 'OVER'}`,
);
