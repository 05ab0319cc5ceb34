/**
 * The Convert dialog's work, off the main thread: the workspace's texts are loaded here,
 * converted and compared request by request (seconds for a thousand resources), and the plain
 * result goes back. The page builds the command that applies it from its own workspace.
 */
import { loadWorkspace } from '../../workspace/workspace.ts';
import { previewConversion } from './conversionPreview.ts';
import type { PreviewRequest, PreviewResponse } from './previewProtocol.ts';

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const { seq, files, to, saved } = event.data;
  const preview = previewConversion(loadWorkspace(files), to, saved);
  const response: PreviewResponse = { seq, preview };
  self.postMessage(response);
};
