import { useEffect, useState } from 'react';
import type { SimRequest } from '../../simulate/types.ts';
import { serializeWorkspace, type Workspace } from '../../workspace/workspace.ts';
import CompareWorker from './compare.worker.ts?worker';
import type { CompareRequest, CompareResponse } from './compareProtocol.ts';
import { type Comparison, compareWorkspaces } from './comparison.ts';

/**
 * The diff from `before` to `after`, computed in a worker; null while it is worked out (and
 * when there is nothing to compare with). A newer question makes the older answer moot. Where
 * no worker starts, it is computed on the page after the dialog has painted.
 */
export function useComparison(
  before: Workspace | null,
  after: Workspace,
  tests: readonly SimRequest[],
): Comparison | null {
  const [answer, setAnswer] = useState<{
    before: Workspace;
    after: Workspace;
    comparison: Comparison;
  } | null>(null);
  useEffect(() => {
    if (!before) return;
    let current = true;
    const accept = (comparison: Comparison) => {
      if (current) setAnswer({ before, after, comparison });
    };
    const request: CompareRequest = {
      seq: 0,
      before: serializeWorkspace(before),
      after: serializeWorkspace(after),
      tests,
    };
    let worker: Worker | undefined;
    try {
      worker = new CompareWorker();
      worker.onmessage = (event: MessageEvent<CompareResponse>) => accept(event.data.comparison);
      worker.postMessage(request);
    } catch (error) {
      console.warn('The compare worker did not start; comparing on the page.', error);
      requestAnimationFrame(() =>
        setTimeout(() => accept(compareWorkspaces(before, after, tests)), 0),
      );
    }
    return () => {
      current = false;
      worker?.terminate();
    };
  }, [before, after, tests]);
  return answer && answer.before === before && answer.after === after ? answer.comparison : null;
}
