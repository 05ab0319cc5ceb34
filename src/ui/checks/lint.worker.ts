/**
 * The checks, off the main thread: the page sends the workspace's texts, the worker loads them
 * and lints them. Keeps the checks (and the CRD schemas they use) out of the page's first
 * bundle, and a large workspace's lint from ever delaying a keystroke.
 */
import { lintReport } from '../../check/lint.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import type { LintRequest, LintResponse } from './protocol.ts';

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { seq, files, complete } = event.data;
  const { diagnostics, suppressed } = lintReport(loadWorkspace(files), { complete });
  const response: LintResponse = { seq, diagnostics, suppressed };
  self.postMessage(response);
};
