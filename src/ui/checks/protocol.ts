import type { LintDiagnostic } from '../../check/lint.ts';
import type { SourceText } from '../../workspace/workspace.ts';

/** What the page asks the checks worker: lint these files (request `seq`). */
export interface LintRequest {
  readonly seq: number;
  readonly files: readonly SourceText[];
  readonly complete: boolean;
}

/** The worker's answer to request `seq`. */
export interface LintResponse {
  readonly seq: number;
  readonly diagnostics: readonly LintDiagnostic[];
  /** Findings left out by a `galley.istio.io/analyze-suppress` annotation. */
  readonly suppressed: readonly LintDiagnostic[];
}
