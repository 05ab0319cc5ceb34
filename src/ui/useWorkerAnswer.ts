import { useEffect, useState } from 'react';

/** How to ask one question of a worker, and how to answer it on the page where none starts. */
export interface WorkerQuestion<Q, A> {
  /** A new worker for this question (Vite's `?worker` constructor). */
  readonly start: () => Worker;
  /** The message the worker is sent for `question`. */
  readonly message: (question: Q) => unknown;
  /** The answer in the worker's reply. */
  readonly answer: (reply: unknown) => A;
  /** The same answer worked out on the page (no worker could start). */
  readonly onPage: (question: Q) => A;
  /** What the console says when the page answers instead. */
  readonly what: string;
}

/**
 * The answer to `question`, worked out in a worker of its own; null while it is (and for a null
 * question). A newer question makes the older one moot: its worker is stopped and its answer
 * never shown. Where no worker starts, the page answers after the next paint, so a dialog shows
 * "working…" first. `question` is compared by identity: memoise it; `how` is a module constant.
 */
export function useWorkerAnswer<Q, A>(question: Q | null, how: WorkerQuestion<Q, A>): A | null {
  const [answered, setAnswered] = useState<{ question: Q; answer: A } | null>(null);
  useEffect(() => {
    if (question === null) return;
    let current = true;
    const accept = (answer: A) => {
      if (current) setAnswered({ question, answer });
    };
    let worker: Worker | undefined;
    try {
      worker = how.start();
      worker.onmessage = (event: MessageEvent<unknown>) => accept(how.answer(event.data));
      worker.postMessage(how.message(question));
    } catch (error) {
      console.warn(`The ${how.what} worker did not start; working on the page.`, error);
      requestAnimationFrame(() => setTimeout(() => accept(how.onPage(question)), 0));
    }
    return () => {
      current = false;
      worker?.terminate();
    };
  }, [question, how]);
  return answered && answered.question === question ? answered.answer : null;
}
