/**
 * The Compare view's work, off the main thread: both versions' texts are loaded here, linted
 * and simulated request by request, and the plain diff goes back.
 */
import { loadWorkspace } from '../../workspace/workspace.ts';
import type { CompareRequest, CompareResponse } from './compareProtocol.ts';
import { compareWorkspaces } from './comparison.ts';

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  const { seq, before, after, tests } = event.data;
  const comparison = compareWorkspaces(loadWorkspace(before), loadWorkspace(after), tests);
  const response: CompareResponse = { seq, comparison };
  self.postMessage(response);
};
