import { useEffect, useState } from 'react';
import type { TargetApi } from '../../convert/types.ts';
import type { SimRequest } from '../../simulate/types.ts';
import { serializeWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { type ConversionPreview, previewConversion } from './conversionPreview.ts';
import ConvertWorker from './convert.worker.ts?worker';
import type { PreviewRequest, PreviewResponse } from './previewProtocol.ts';

/**
 * The preview of converting `workspace` to `to`, computed in a worker; null while it is being
 * worked out (the dialog says so). A newer question (another target) makes the older answer
 * moot. Where no worker starts, it is computed on the page after the dialog has painted.
 */
export function useConversionPreview(
  workspace: Workspace,
  to: TargetApi,
  saved: readonly SimRequest[],
): ConversionPreview | null {
  const [answer, setAnswer] = useState<{ key: string; preview: ConversionPreview } | null>(null);
  useEffect(() => {
    let current = true;
    const request: PreviewRequest = { seq: 0, files: serializeWorkspace(workspace), to, saved };
    const accept = (preview: ConversionPreview) => {
      if (current) setAnswer({ key: to, preview });
    };
    let worker: Worker | undefined;
    try {
      worker = new ConvertWorker();
      worker.onmessage = (event: MessageEvent<PreviewResponse>) => accept(event.data.preview);
      worker.postMessage(request);
    } catch (error) {
      console.warn('The conversion worker did not start; converting on the page.', error);
      requestAnimationFrame(() =>
        setTimeout(() => accept(previewConversion(workspace, to, saved)), 0),
      );
    }
    return () => {
      current = false;
      worker?.terminate();
    };
  }, [workspace, to, saved]);
  return answer?.key === to ? answer.preview : null;
}
