import type { Diagnostic, Severity } from '../workspace/diagnostics.ts';

/**
 * `lint --format github`: one GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,title=…::message`), which a workflow step turns into an
 * annotation on the file's line in the pull request. Escaped as GitHub's actions/toolkit does:
 * `%`, CR and LF in the message; those and `:` and `,` in property values.
 */

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

export function githubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        ['file', d.file],
        ['line', String(d.line)],
        ['col', String(d.column)],
        ...(d.endLine === undefined ? [] : [['endLine', String(d.endLine)]]),
        ...(d.endColumn === undefined || d.endLine !== d.line
          ? []
          : [['endColumn', String(d.endColumn)]]),
        ['title', [d.code, d.istio, d.kiali].filter(Boolean).join(' ')],
      ]
        .map(([key, value]) => `${key}=${escapeProperty(value as string)}`)
        .join(',');
      const text = d.resource ? `${d.resource}: ${d.message}` : d.message;
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(text)}\n`;
    })
    .join('');
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
