import { useEffect } from 'react';
import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import { isBigChange } from '../../workspace/bigChange.ts';
import LintWorker from './lint.worker.ts?worker';
import type { LintRequest, LintResponse } from './protocol.ts';
import { SentFiles } from './workspaceMirror.ts';

/**
 * Keeps the store's problems up to date: each new workspace (or completeness setting) is sent
 * to the checks worker, and the answer to the latest request becomes `problems`. Answers to
 * older requests are dropped, so problems never go back in time. Where no worker can start,
 * the checks load lazily and run on the page after it has painted.
 */
export function useChecks(store: DesignerStore): void {
  useEffect(() => {
    let seq = 0;
    let pending: {
      seq: number;
      state: Pick<DesignerState, 'workspace' | 'assumeComplete'>;
    } | null = null;
    const accept = (answer: LintResponse) => {
      if (!pending || answer.seq !== pending.seq) return;
      const { workspace, assumeComplete } = pending.state;
      pending = null;
      store.getState().setProblems({
        workspace,
        complete: assumeComplete,
        diagnostics: answer.diagnostics,
        suppressed: answer.suppressed,
      });
    };
    const worker = startWorker(accept);
    const sent = new SentFiles();
    // A request waits until the page has drawn the change: a big change's a fixed while (see
    // BIG_CHANGE_DELAY_MS), any other until the page is first idle. On two cores the worker
    // linting after a keystroke took CPU from the canvas drawing that keystroke's graph.
    // Requests reach the worker in order, so a later one sends a held one first.
    let held: { request: LintRequest; cancel: () => void } | undefined;
    const release = () => {
      if (!held) return;
      held.cancel();
      worker?.postMessage(held.request);
      held = undefined;
    };
    const send = (state: DesignerState, big = false) => {
      seq += 1;
      pending = { seq, state };
      if (!worker) {
        void lintOnPage(seq, state).then(accept);
        return;
      }
      const request: LintRequest = {
        seq,
        files: sent.files(state.workspace),
        complete: state.assumeComplete,
      };
      release();
      held = { request, cancel: big ? after(BIG_CHANGE_DELAY_MS, release) : whenIdle(release) };
    };
    send(store.getState());
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.workspace !== previous.workspace ||
        state.assumeComplete !== previous.assumeComplete
      )
        send(state, isBigChange(previous.workspace, state.workspace));
    });
    return () => {
      unsubscribe();
      held?.cancel();
      worker?.terminate();
    };
  }, [store]);
}

/**
 * How long the checks of a big change (an import of hundreds of documents) wait. The worker
 * parsing a thousand resources took a core of a two-core machine just when the page drew the
 * new graph and text: the first frames' tasks took half as long again. Problems say "Checking…"
 * meanwhile; typing is never held.
 */
const BIG_CHANGE_DELAY_MS = 800;

/** How long a request waits at most for the page to be idle. */
const IDLE_WAIT_MS = 500;

function after(ms: number, run: () => void): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') return after(0, run);
  const handle = requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
  return () => cancelIdleCallback(handle);
}

function startWorker(onAnswer: (answer: LintResponse) => void): Worker | undefined {
  try {
    const worker = new LintWorker();
    worker.onmessage = (event: MessageEvent<LintResponse>) => onAnswer(event.data);
    return worker;
  } catch (error) {
    console.warn('The checks worker did not start; checking on the page instead.', error);
    return undefined;
  }
}

/** The fallback: the checks, loaded when first needed, run after the next frame is painted. */
async function lintOnPage(
  seq: number,
  { workspace, assumeComplete }: Pick<DesignerState, 'workspace' | 'assumeComplete'>,
): Promise<LintResponse> {
  const { lintReport } = await import('../../check/lint.ts');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const { diagnostics, suppressed } = lintReport(workspace, { complete: assumeComplete });
  return { seq, diagnostics, suppressed };
}
