import { useDeferredValue } from 'react';
import type { LintDiagnostic } from '../check/lint.ts';
import {
  type CheckedState,
  type ProblemCounts,
  selectDiagnostics,
  selectProblemCounts,
} from '../store/selectors.ts';
import { useDesigner } from './StoreContext.tsx';

/**
 * The state the checks look at, deferred: after an edit React draws the graph and the text
 * first and runs the checks in a following render, so a keystroke never waits for lint.
 */
function useCheckedState(): CheckedState {
  const workspace = useDeferredValue(useDesigner((s) => s.workspace));
  const drafts = useDeferredValue(useDesigner((s) => s.drafts));
  const assumeComplete = useDesigner((s) => s.assumeComplete);
  return { workspace, drafts, assumeComplete };
}

/** Every problem of the workspace (deferred after edits; see useCheckedState). */
export function useProblems(): readonly LintDiagnostic[] {
  return selectDiagnostics(useCheckedState());
}

/** The problem counts of one graph node (deferred after edits). */
export function useProblemCounts(id: string): ProblemCounts | undefined {
  return selectProblemCounts(useCheckedState()).get(id);
}
