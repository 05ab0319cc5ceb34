/**
 * Measures the core on a generated 1,000-resource workspace, in one process:
 *  - load (parse + typed views) + deriveGraph, against yaml's bare parseAllDocuments of the
 *    same text (budget: at most 2×);
 *  - one edit + serialize of the whole workspace (budget: at most 5 ms);
 *  - lint of the loaded workspace, every check (budget: 200 ms; issue 5);
 *  - one simulated request, and a workspace's first simulation with its index (issue 6).
 * Usage: npm run bench
 */
import { parseAllDocuments } from 'yaml';
import { lint } from '../src/check/lint.ts';
import { applyCommand } from '../src/edit/applyCommand.ts';
import { deriveGraph } from '../src/graph/deriveGraph.ts';
import { simulate } from '../src/simulate/simulate.ts';
import { fileText, loadWorkspace, type Workspace } from '../src/workspace/workspace.ts';
import { generateWorkspaceText } from './generateWorkspace.ts';

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

const baseline = median(15, 3, () => parseAllDocuments(text));
let workspace: Workspace = loadWorkspace([{ name: 'bench.yaml', text }]);
const ours = median(15, 3, () => deriveGraph(loadWorkspace([{ name: 'bench.yaml', text }])));
const loadOnly = median(15, 3, () => loadWorkspace([{ name: 'bench.yaml', text }]));
workspace = loadWorkspace([{ name: 'bench.yaml', text }]);
const graph = deriveGraph(workspace);

let weight = 0;
const edit = median(200, 20, () => {
  weight = (weight + 1) % 100;
  const result = applyCommand(workspace, {
    type: 'setValue',
    target: 'VirtualService/team-100/vs-100',
    path: ['spec', 'http', 0, 'route', 0, 'weight'],
    value: weight,
  });
  if (!result.ok) throw new Error(result.error);
  return fileText(result.value.files[0] as Workspace['files'][number]);
});

// A fresh workspace object per run: checks and simulations memoise per workspace.
const fresh = () => loadWorkspace([{ name: 'bench.yaml', text }]);
const lintTimes: number[] = [];
let findingCount = 0;
for (let i = 0; i < 8; i++) {
  const ws = fresh();
  const start = performance.now();
  findingCount = lint(ws).length;
  if (i >= 2) lintTimes.push(performance.now() - start);
}
lintTimes.sort((a, b) => a - b);
const lintMs = lintTimes[Math.floor(lintTimes.length / 2)] as number;

const request = { url: 'https://app-100.example.com/api/x', headers: { 'x-beta': 'true' } };
const firstSims: number[] = [];
for (let i = 0; i < 6; i++) {
  const ws = fresh();
  const start = performance.now();
  simulate(ws, request);
  firstSims.push(performance.now() - start);
}
firstSims.sort((a, b) => a - b);
const firstSim = firstSims[Math.floor(firstSims.length / 2)] as number;
const sim = median(50, 5, () => simulate(workspace, request));
const simulated = simulate(workspace, request);
const outcome = simulated.ok ? simulated.value.outcome : `error: ${simulated.error}`;

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
row(`simulate one request (${outcome}), index built`, `${sim.toFixed(2)} ms`);
row('simulate on a new workspace (index + request)', `${firstSim.toFixed(1)} ms`);
