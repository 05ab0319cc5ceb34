/**
 * The checks, off the main thread: the page sends the files that changed, the worker keeps its
 * own copy of the workspace (`WorkspaceMirror`, so a keystroke re-reads one document and the
 * checks' caches hit) and lints it. Requests that queue up while a lint runs are folded into
 * the newest: only the latest workspace is linted, so answers never fall behind the typing.
 * Keeps the checks (and the CRD schemas they use) out of the page's first bundle.
 */
import { lintReport } from '../../check/lint.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { LintRequest, LintResponse } from './protocol.ts';
import { WorkspaceMirror } from './workspaceMirror.ts';

const mirror = new WorkspaceMirror();
let latest: { seq: number; complete: boolean; workspace: Workspace } | undefined;

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { seq, files, complete } = event.data;
  // Every request's texts are taken now (each holds only what changed since the one before);
  // the lint runs once, for whatever is newest when the queue has drained.
  const waiting = latest !== undefined;
  latest = { seq, complete, workspace: mirror.update(files) };
  if (!waiting) setTimeout(lintLatest, 0);
};

function lintLatest(): void {
  const request = latest;
  latest = undefined;
  if (!request) return;
  const { diagnostics, suppressed } = lintReport(request.workspace, {
    complete: request.complete,
  });
  const response: LintResponse = { seq: request.seq, diagnostics, suppressed };
  self.postMessage(response);
}
