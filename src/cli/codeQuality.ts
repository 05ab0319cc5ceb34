import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../workspace/diagnostics.ts';

/**
 * `lint --format codequality`: the findings as a GitLab Code Quality report (the Code Climate
 * issue format GitLab reads from `artifacts:reports:codequality`), shown in the merge request's
 * widget and diff. Severity as GitLab's linter integrations map it: error → major, warning →
 * minor, info → info. The fingerprint names the finding without its line, so GitLab sees the
 * same finding as unchanged when lines above it move; equal ones are told apart by their order.
 */

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

export function codeQualityReport(diagnostics: readonly Diagnostic[]): unknown[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const identity = [d.code, d.file, d.resource ?? '', d.path ?? '', d.message].join('\u0000');
    const nth = seen.get(identity) ?? 0;
    seen.set(identity, nth + 1);
    return {
      description: d.resource ? `${d.resource}: ${d.message}` : d.message,
      check_name: [d.code, d.istio, d.kiali].filter(Boolean).join(' '),
      fingerprint: createHash('sha256').update(`${identity}\u0000${nth}`).digest('hex'),
      severity: SEVERITY[d.severity],
      // `lines.begin`, the form GitLab's documentation shows (it reads no column).
      location: { path: d.file, lines: { begin: d.line } },
    };
  });
}
