import { useEffect } from 'react';
import type { LintDiagnostic } from '../check/lint.ts';
import type { DesignerStore } from '../store/designerStore.ts';
import { type ProblemCounts, selectDiagnostics, selectProblemCounts } from '../store/selectors.ts';
import { useDesigner } from './StoreContext.tsx';

/** Every problem the checks found, on the state they last looked at (`checked`). */
export function useProblems(): readonly LintDiagnostic[] {
  return useDesigner((s) => selectDiagnostics(s.checked));
}

/** The problem counts of one graph node, on the state the checks last looked at. */
export function useProblemCounts(id: string): ProblemCounts | undefined {
  return useDesigner((s) => selectProblemCounts(s.checked).get(id));
}

/**
 * Lets the checks look at each new state once the screen has painted it: after an edit the
 * graph and the text come first, then lint (one frame later). Edits in between are coalesced.
 */
export function useChecksAfterPaint(store: DesignerStore): void {
  useEffect(() => {
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (frame !== undefined || timer !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        // After the frame is drawn: a task queued from rAF runs once it has been painted.
        timer = setTimeout(() => {
          timer = undefined;
          store.getState().markChecked();
        }, 0);
      });
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.workspace !== previous.workspace ||
        state.drafts !== previous.drafts ||
        state.assumeComplete !== previous.assumeComplete
      )
        schedule();
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store]);
}
