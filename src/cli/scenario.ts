import { parameterProblems, resolveParameters } from '../templates/scenario.ts';
import { SCENARIOS, scenarioById } from '../templates/scenarios.ts';
import { scenarioYaml } from '../templates/scenarioText.ts';
import { EMPTY_WORKSPACE, loadWorkspace } from '../workspace/workspace.ts';
import { type CliArgs, UsageError } from './args.ts';
import { readSources } from './readSources.ts';

/**
 * `scenario list` and `scenario ID [--set key=value]... [FILE...]` (CONTRACT section 1): the
 * scenarios of the Add scenario dialog, printed as YAML. With files, the scenario is built
 * against them as the dialog builds it against the workspace: a name they already use is
 * refused (exit 1), and a pack that extends their resources prints the documents it changed.
 */
export function scenarioCommand(args: CliArgs): {
  stdout: string;
  stderr: string;
  code: 0 | 1;
} {
  const [id, ...files] = args.files;
  if (id === undefined)
    throw new UsageError('scenario needs an id, or list: try npm run cli -- scenario list');
  if (id === 'list') {
    if (files.length > 0 || args.sets.length > 0)
      throw new UsageError('scenario list takes no file and no --set');
    return {
      stdout: SCENARIOS.map((s) => `${s.id} ${s.title}\n`).join(''),
      stderr: '',
      code: 0,
    };
  }
  const scenario = scenarioById(id);
  if (!scenario) throw new UsageError(`unknown scenario ${id}; try scenario list`);
  const params: Record<string, string> = {};
  const keys = scenario.parameters.map((p) => p.key);
  for (const set of args.sets) {
    const eq = set.indexOf('=');
    const key = eq === -1 ? set : set.slice(0, eq);
    if (eq === -1) throw new UsageError(`--set ${set}: write key=value`);
    if (!keys.includes(key))
      throw new UsageError(`--set ${key}: ${scenario.id} takes ${keys.join(', ')}`);
    params[key] = set.slice(eq + 1);
  }
  const workspace =
    files.length > 0 ? loadWorkspace(readSources(files, args.recursive)) : EMPTY_WORKSPACE;
  // A wrong value is bad usage; a clash with the files is a problem of the input.
  const problems = parameterProblems(scenario, resolveParameters(scenario, params, workspace));
  const wrong = scenario.parameters.find((p) => problems[p.key]);
  if (wrong) throw new UsageError(`--set ${wrong.key}: ${problems[wrong.key]}`);
  const yaml = scenarioYaml(scenario, params, workspace);
  return yaml.ok
    ? { stdout: yaml.value, stderr: '', code: 0 }
    : { stdout: '', stderr: `${yaml.error}\n`, code: 1 };
}
