import type { LintDiagnostic } from '../check/lint.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { routeNodeId } from '../graph/ids.ts';
import { nodeForPath } from '../graph/nodeLocation.ts';
import { type LitPath, tracePath } from '../graph/tracePath.ts';
import type { FlowGraph } from '../graph/types.ts';
import { runSavedTests, type SavedTestRun } from '../simulate/runSavedTests.ts';
import type { SavedTest } from '../simulate/savedTests.ts';
import { simulate } from '../simulate/simulate.ts';
import type { SimRequest, Simulation } from '../simulate/types.ts';
import { type Severity, syntaxDiagnostics } from '../workspace/diagnostics.ts';
import { fileText, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import type { DesignerState } from './designerStore.ts';

/**
 * Derived data, computed from the state and memoised by the identity of what it derives from
 * (the workspace and drafts are immutable), so components can select them on every render.
 */

const graphs = new WeakMap<Workspace, FlowGraph>();

export function selectGraph(state: Pick<DesignerState, 'workspace'>): FlowGraph {
  let graph = graphs.get(state.workspace);
  if (!graph) {
    graph = deriveGraph(state.workspace);
    graphs.set(state.workspace, graph);
  }
  return graph;
}

/** The text the editor shows for a file: its draft when it has one, else the workspace's text. */
export function selectFileText(state: DesignerState, file: string): string {
  const draft = state.drafts[file];
  if (draft !== undefined) return draft;
  const found = state.workspace.files.find((f) => f.name === file);
  return found ? fileText(found) : '';
}

export function selectFileNames(state: DesignerState): readonly string[] {
  const names = state.workspace.files.map((f) => f.name);
  for (const name of Object.keys(state.drafts)) if (!names.includes(name)) names.push(name);
  return names;
}

/** True while some editor text does not parse: the graph shows the last good state. */
export function selectIsStale(state: DesignerState): boolean {
  return Object.keys(state.drafts).length > 0;
}

const draftProblems = new WeakMap<object, readonly LintDiagnostic[]>();

/** Syntax problems of the editor texts that do not parse (memoised per drafts object). */
function draftSyntax(drafts: DesignerState['drafts']): readonly LintDiagnostic[] {
  let found = draftProblems.get(drafts);
  if (!found) {
    const texts = Object.entries(drafts).map(([name, text]) => ({ name, text }));
    found = texts.length ? syntaxDiagnostics(loadWorkspace(texts)) : [];
    draftProblems.set(drafts, found);
  }
  return found;
}

const shown = new WeakMap<object, WeakMap<object, readonly LintDiagnostic[]>>();

/**
 * The problems to show: the checks' findings (computed away from typing, see `problems`), with
 * each draft's own syntax problems in place of findings about its file's last good text. Before
 * the first findings arrive, the workspace's syntax problems.
 */
export function selectProblems(
  state: Pick<DesignerState, 'workspace' | 'drafts' | 'problems'>,
): readonly LintDiagnostic[] {
  const key: object = state.problems ?? state.workspace;
  let byDrafts = shown.get(key);
  if (!byDrafts) {
    byDrafts = new WeakMap();
    shown.set(key, byDrafts);
  }
  const cached = byDrafts.get(state.drafts);
  if (cached) return cached;
  const all = state.problems?.diagnostics ?? syntaxDiagnostics(state.workspace);
  const drafted = new Set(Object.keys(state.drafts));
  const fromWorkspace = drafted.size ? all.filter((d) => !drafted.has(d.file)) : all;
  const fromDrafts = draftSyntax(state.drafts);
  const out = fromDrafts.length ? [...fromDrafts, ...fromWorkspace] : fromWorkspace;
  byDrafts.set(state.drafts, out);
  return out;
}

/** Whether the problems shown were found in the workspace as it is now (fixes apply to it). */
export function selectProblemsCurrent(state: DesignerState): boolean {
  return (
    state.problems !== null &&
    state.problems.workspace === state.workspace &&
    state.problems.complete === state.assumeComplete
  );
}

export function selectCanUndo(state: DesignerState): boolean {
  return state.history.past.length > 0 || Object.keys(state.drafts).length > 0;
}

export function selectCanRedo(state: DesignerState): boolean {
  return state.history.future.length > 0;
}

/** How many problems of each severity a node has. */
export type ProblemCounts = Readonly<Record<Severity, number>>;

const countsCache = new WeakMap<readonly LintDiagnostic[], ReadonlyMap<string, ProblemCounts>>();

/**
 * Problems per graph node, for the badges on the canvas: each finding counts on the node of
 * the deepest part of its resource that holds its field (a rule, a subset), else the resource.
 */
export function selectProblemCounts(state: DesignerState): ReadonlyMap<string, ProblemCounts> {
  const diagnostics = selectProblems(state);
  const cached = countsCache.get(diagnostics);
  if (cached) return cached;
  // Placed on the graph of the workspace the findings are about.
  const graph = selectGraph({ workspace: state.problems?.workspace ?? state.workspace });
  const out = new Map<string, Record<Severity, number>>();
  for (const d of diagnostics) {
    if (!d.resource) continue;
    const node = nodeForPath(graph, d.resource, d.fieldPath ?? []);
    if (!node) continue;
    const counts = out.get(node.id) ?? { error: 0, warning: 0, info: 0 };
    counts[d.severity]++;
    out.set(node.id, counts);
  }
  countsCache.set(diagnostics, out);
  return out;
}

/** The simulator's answer to the request it last sent, or why the request cannot be read. */
export type SimulationResult =
  | { readonly ok: true; readonly simulation: Simulation; readonly lit: LitPath }
  | { readonly ok: false; readonly error: string };

const simulations = new WeakMap<Workspace, WeakMap<SimRequest, SimulationResult>>();

/**
 * The simulation of the sent request on the current workspace, with the graph path it lights.
 * Derived (not stored), so it follows every edit; memoised per workspace and request.
 */
export function selectSimulation(state: DesignerState): SimulationResult | null {
  const request = state.simulatorRequest;
  if (!request) return null;
  let byRequest = simulations.get(state.workspace);
  if (!byRequest) {
    byRequest = new WeakMap();
    simulations.set(state.workspace, byRequest);
  }
  let result = byRequest.get(request);
  if (!result) {
    const simulated = simulate(state.workspace, request);
    result = simulated.ok
      ? {
          ok: true,
          simulation: simulated.value,
          lit: tracePath(selectGraph(state), simulated.value),
        }
      : { ok: false, error: simulated.error };
    byRequest.set(request, result);
  }
  return result;
}

/** Nodes and edges on the simulated request's path (null when nothing was sent). */
export function selectLitPath(state: DesignerState): LitPath | null {
  const result = selectSimulation(state);
  return result?.ok ? result.lit : null;
}

const testRuns = new WeakMap<Workspace, WeakMap<readonly SavedTest[], SavedTestRun>>();

/** The saved tests run on the current workspace, with route coverage; null when there are none. */
export function selectTestRun(state: DesignerState): SavedTestRun | null {
  if (state.savedTests.length === 0) return null;
  let byTests = testRuns.get(state.workspace);
  if (!byTests) {
    byTests = new WeakMap();
    testRuns.set(state.workspace, byTests);
  }
  let run = byTests.get(state.savedTests);
  if (!run) {
    run = runSavedTests(state.workspace, state.savedTests);
    byTests.set(state.savedTests, run);
  }
  return run;
}

const uncoveredCache = new WeakMap<SavedTestRun, ReadonlySet<string>>();

/** Route nodes of rules no saved test reaches (empty while there are no saved tests). */
export function selectUncoveredRules(state: DesignerState): ReadonlySet<string> {
  const run = selectTestRun(state);
  if (!run) return EMPTY_SET;
  let out = uncoveredCache.get(run);
  if (!out) {
    out = new Set(
      run.coverage.rules
        .filter((rule) => !rule.covered)
        .map((rule) => routeNodeId(rule.resource, rule.section, rule.index)),
    );
    uncoveredCache.set(run, out);
  }
  return out;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
