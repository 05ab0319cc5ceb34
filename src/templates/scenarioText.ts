import { applyCommand } from '../edit/applyCommand.ts';
import { type CommandResult, fail, ok } from '../edit/command.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Scenario, ScenarioParams } from './scenario.ts';

/**
 * What `scenario ID [--set key=value]...` prints (CONTRACT section 1): the documents the scenario
 * adds to `workspace`, or changes in it (the scaling pack extends what exists), as YAML ready for
 * `kubectl apply -f -`, one `---` between documents. Refused as the dialog refuses: a wrong
 * parameter or a name the workspace already uses.
 */
export function scenarioYaml(
  scenario: Scenario,
  params: ScenarioParams,
  workspace: Workspace,
): CommandResult<string> {
  const built = scenario.build(params, workspace);
  if (!built.ok) return built;
  const applied = applyCommand(workspace, built.value);
  if (!applied.ok) return fail(applied.error);
  // Edits share every document they did not touch, so the new and changed ones are the others.
  const before = new Set(workspace.files.flatMap((file) => file.docs));
  const texts = applied.value.files
    .flatMap((file) => file.docs)
    .filter((doc) => !before.has(doc))
    .map((doc) => doc.text.replace(/^(?:---[^\n]*\n)/, ''));
  return ok(texts.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join('---\n'));
}
