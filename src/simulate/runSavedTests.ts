import type { Workspace } from '../workspace/workspace.ts';
import { type RouteCoverage, routeCoverage } from './coverage.ts';
import { mismatches } from './expectations.ts';
import type { SavedTest } from './savedTests.ts';
import { simulate } from './simulate.ts';
import type { Simulation } from './types.ts';

export interface SavedTestResult {
  readonly test: SavedTest;
  readonly pass: boolean;
  /** Null when the request cannot be read (its message is the mismatch). */
  readonly simulation: Simulation | null;
  readonly mismatches: readonly string[];
}

export interface SavedTestRun {
  readonly results: readonly SavedTestResult[];
  readonly coverage: RouteCoverage;
}

/** Simulates every saved test on the workspace, compares it with its expectation, and measures route coverage. */
export function runSavedTests(workspace: Workspace, tests: readonly SavedTest[]): SavedTestRun {
  const results: SavedTestResult[] = tests.map((test) => {
    const result = simulate(workspace, test.request);
    if (!result.ok)
      return { test, pass: false, simulation: null, mismatches: [`bad request: ${result.error}`] };
    const simulation: Simulation = result.value;
    const found = mismatches(simulation, test.expect);
    return { test, pass: found.length === 0, simulation, mismatches: found };
  });
  return {
    results,
    coverage: routeCoverage(
      workspace,
      results.map((r) => ({ name: r.test.name, simulation: r.simulation })),
    ),
  };
}
