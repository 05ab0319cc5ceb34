import type { TargetApi } from '../../convert/types.ts';
import type { SimRequest } from '../../simulate/types.ts';
import type { SourceText } from '../../workspace/workspace.ts';
import type { ConversionPreview } from './conversionPreview.ts';

/** What the page asks the conversion worker: convert these files to `to` (request `seq`). */
export interface PreviewRequest {
  readonly seq: number;
  readonly files: readonly SourceText[];
  readonly to: TargetApi;
  readonly saved: readonly SimRequest[];
}

export interface PreviewResponse {
  readonly seq: number;
  readonly preview: ConversionPreview;
}
