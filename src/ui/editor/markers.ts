import { codeLinks } from '../../check/codeLinks.ts';
import type { Diagnostic, Severity } from '../../workspace/diagnostics.ts';

/** The owner of the designer's own markers (monaco-yaml's schema markers have their own). */
export const MARKER_OWNER = 'istio-designer';

/**
 * A marker in Monaco's shape, with the severity still a name: the caller maps it to Monaco's
 * `MarkerSeverity`, so this module (and its tests) need no Monaco.
 */
export interface MarkerSpec {
  readonly severity: Severity;
  readonly message: string;
  readonly code: string;
  /** The upstream page explaining `code`, shown as a link in the marker's hover. */
  readonly link?: string;
  readonly source: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/**
 * The markers of one file, at the diagnostics' exact ranges. A diagnostic without an end marks
 * its start only; Monaco widens an empty range to the word there, which is what we want.
 */
export function markersFor(diagnostics: readonly Diagnostic[], file: string): MarkerSpec[] {
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => {
      const [first] = codeLinks(d);
      return {
        severity: d.severity,
        message: d.message,
        code: first?.code ?? d.code,
        ...(first?.href ? { link: first.href } : {}),
        source: 'Istio Designer',
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.endLine ?? d.line,
        endColumn: d.endLine === undefined ? d.column : (d.endColumn ?? d.column),
      };
    });
}
