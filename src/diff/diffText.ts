import { formatDiagnosticLine } from '../workspace/diagnostics.ts';
import type { WorkspaceDiff } from './diffWorkspaces.ts';
import { isEmptyDiff } from './diffWorkspaces.ts';
import { trafficLine } from './trafficText.ts';

/**
 * The diff as a pull-request review comment: Resources (one line per resource, its changed
 * fields), Traffic (one line per request whose answer changes), Findings (new ones with `+`,
 * gone ones with `-`); "No differences" when nothing differs.
 */
export function diffText(diff: WorkspaceDiff): string {
  if (isEmptyDiff(diff)) return 'No differences\n';
  const lines: string[] = [];
  const section = (title: string, items: readonly string[]) => {
    lines.push(`${title}:`, ...(items.length ? items.map((i) => `  ${i}`) : ['  none']), '');
  };
  section(
    'Resources',
    diff.resources.map(
      (r) =>
        `${r.change.padEnd(7)} ${r.resource}${r.paths.length ? `: ${r.paths.join(', ')}` : ''}`,
    ),
  );
  section('Traffic', diff.traffic.map(trafficLine));
  section('Findings', [
    ...diff.findings.added.map((d) => `+ ${d.severity} ${d.code} ${findingPlace(d)}: ${d.message}`),
    ...diff.findings.removed.map(
      (d) => `- ${d.severity} ${d.code} ${findingPlace(d)}: ${d.message}`,
    ),
  ]);
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `VirtualService/web/shop spec.http[0]`, else the file and line. */
function findingPlace(
  d: Parameters<typeof formatDiagnosticLine>[0] & {
    readonly resource?: string;
    readonly path?: string;
  },
): string {
  if (d.resource) return `${d.resource}${d.path ? ` ${d.path}` : ''}`;
  return formatDiagnosticLine({ ...d, message: '' }).replace(/: $/, '');
}
