/** Test helpers: this folder's findings on inline YAML, in a shape that is easy to assert. */

import { checkContext } from '../check/context.ts';
import type { Finding } from '../check/finding.ts';
import { STRUCTURE_CHECKS } from '../check/structure/checks.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { formatPath } from '../yaml/path.ts';

export function structureFindings(yaml: string): Finding[] {
  const context = checkContext(loadWorkspace([{ name: 'test.yaml', text: yaml }]));
  return STRUCTURE_CHECKS.flatMap((check) => [...check(context)]);
}

/** What a user notices: code, Istio code, severity and the field the marker is on. */
export interface Seen {
  readonly code: string;
  readonly istio: string | undefined;
  readonly severity: string;
  readonly path: string;
}

export function seen(yaml: string): Seen[] {
  return structureFindings(yaml).map((f) => ({
    code: f.code,
    istio: f.istio,
    severity: f.severity,
    path: formatPath(f.path),
  }));
}

/** Just the codes, for "this is (not) reported" assertions. */
export function codes(yaml: string): string[] {
  return structureFindings(yaml).map((f) => f.code);
}
