import type { LintDiagnostic } from '../check/lint.ts';
import { type ProblemCounts, selectProblemCounts, selectProblems } from '../store/selectors.ts';
import { useDesigner } from './StoreContext.tsx';

/** Every problem to show (the checks' findings run in a worker; see `useChecks`). */
export function useProblems(): readonly LintDiagnostic[] {
  return useDesigner(selectProblems);
}

/** The problem counts of one graph node. */
export function useProblemCounts(id: string): ProblemCounts | undefined {
  return useDesigner((s) => selectProblemCounts(s).get(id));
}

const NONE: readonly LintDiagnostic[] = [];

/** The findings suppressed by their resource's `galley.istio.io/analyze-suppress` annotation. */
export function useSuppressedProblems(): readonly LintDiagnostic[] {
  return useDesigner((s) => s.problems?.suppressed ?? NONE);
}
