import type { LintDiagnostic } from '../../check/lint.ts';

/**
 * A file as the page sends it to the checks worker: its text when it changed since the last
 * request, else only its name (the worker still holds it). Keeps a keystroke in a 1,000-resource
 * workspace from cloning every file to the worker.
 */
export interface SentFile {
  readonly name: string;
  readonly text?: string;
}

/** What the page asks the checks worker: lint the workspace of these files, in this order. */
export interface LintRequest {
  readonly seq: number;
  readonly files: readonly SentFile[];
  readonly complete: boolean;
}

/** The worker's answer to request `seq`. */
export interface LintResponse {
  readonly seq: number;
  readonly diagnostics: readonly LintDiagnostic[];
  /** Findings left out by a `galley.istio.io/analyze-suppress` annotation. */
  readonly suppressed: readonly LintDiagnostic[];
}
