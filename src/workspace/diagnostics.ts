import { docRangePosition } from './position.ts';
import type { Workspace } from './workspace.ts';

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the workspace, in the shape of CONTRACT section 3. */
export interface Diagnostic {
  /** The project's own stable code. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** `Kind/namespace/name`, when the finding is about one resource. */
  readonly resource?: string;
  /** Field path inside the resource (`spec.http[0].route`). */
  readonly path?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The `istioctl analyze` code with the same meaning. */
  readonly istio?: string;
  /** The Kiali validation code with the same meaning. */
  readonly kiali?: string;
}

/** Project codes for input that cannot be read at all. */
export const SYNTAX_CODE = 'yaml-syntax';
export const ALIAS_LIMIT_CODE = 'yaml-alias-limit';

/** One diagnostic per YAML syntax problem, with the file, line and column where it is. */
export function syntaxDiagnostics(workspace: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of workspace.files) {
    file.docs.forEach((doc, index) => {
      for (const problem of doc.problems) {
        const position = docRangePosition(
          workspace,
          { file: file.name, index },
          problem.offset,
          problem.end,
        );
        if (!position) continue;
        out.push({
          code: problem.code === 'ALIAS_LIMIT' ? ALIAS_LIMIT_CODE : SYNTAX_CODE,
          severity: 'error',
          message: problem.message,
          ...position,
        });
      }
    });
  }
  return out;
}

/** `file:line:column: message`, the one-line form command-line tools and editors understand. */
export function formatDiagnosticLine(
  d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'message'>,
): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}
