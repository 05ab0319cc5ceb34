import { checkContext } from '../check/context.ts';
import type { Check, Finding, QuickFix } from '../check/finding.ts';
import { applyCommand } from '../edit/applyCommand.ts';
import { fileText, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { formatPath } from '../yaml/path.ts';

/** A workspace of one file per text (`f0.yaml`, `f1.yaml`…). */
export function workspaceOf(...texts: string[]): Workspace {
  return loadWorkspace(texts.map((text, i) => ({ name: `f${i}.yaml`, text })));
}

/** What one check finds in a workspace. */
export function run(check: Check, workspace: Workspace): Finding[] {
  return [...check(checkContext(workspace))];
}

/** A finding as a user sees it in the Problems list: codes, level, resource and field. */
export function seen(finding: Finding) {
  return {
    code: finding.code,
    severity: finding.severity,
    resource: finding.resource,
    path: formatPath(finding.path),
    ...(finding.istio ? { istio: finding.istio } : {}),
    ...(finding.kiali ? { kiali: finding.kiali } : {}),
  };
}

/** Applies a quick fix and returns the workspace after it; fails the test when it is refused. */
export function applyFix(workspace: Workspace, fix: QuickFix | undefined): Workspace {
  if (!fix) throw new Error('no quick fix offered');
  const result = applyCommand(workspace, fix.command);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The text of one file of a workspace. */
export function textOf(workspace: Workspace, index = 0): string {
  const file = workspace.files[index];
  if (!file) throw new Error(`no file ${index}`);
  return fileText(file);
}
