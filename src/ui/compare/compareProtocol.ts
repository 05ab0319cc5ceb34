import type { SimRequest } from '../../simulate/types.ts';
import type { SourceText } from '../../workspace/workspace.ts';
import type { Comparison } from './comparison.ts';

/** What the page asks the compare worker: the diff from `before` to `after` (request `seq`). */
export interface CompareRequest {
  readonly seq: number;
  readonly before: readonly SourceText[];
  readonly after: readonly SourceText[];
  readonly tests: readonly SimRequest[];
}

export interface CompareResponse {
  readonly seq: number;
  readonly comparison: Comparison;
}
