import { type Command, type CommandResult, fail } from '../edit/command.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** What a parameter holds once read: text, or a number for `number` parameters. */
export type ParameterValue = string | number;

/** Parameters as a form or a caller gives them: any may be missing (its default is used). */
export type ScenarioParams = Readonly<Record<string, ParameterValue | undefined>>;

/** Every parameter of a scenario, defaults filled in and numbers read. */
export type ResolvedParams = Readonly<Record<string, ParameterValue>>;

/**
 * Checks one parameter: a message for the field, or undefined when it is fine. `params` are all
 * the scenario's parameters, for rules that relate two fields (at most as many replicas…).
 * The field validators of src/rules/fields.ts fit this type as they are.
 */
export type ParameterValidator = (value: unknown, params: ResolvedParams) => string | undefined;

export interface ParameterSpec {
  /** The key in `ScenarioParams`: `name`, `namespace`, `host`, `percent`… */
  readonly key: string;
  /** What a form shows next to the field. */
  readonly label: string;
  readonly help?: string;
  readonly type: 'text' | 'number' | 'choice';
  /** The values a `choice` parameter takes. */
  readonly options?: readonly string[];
  /**
   * The value used when none is given. A function sees the parameters resolved before this one
   * (the host follows the name) and the workspace (a pack that extends an autoscaler starts from
   * the autoscaler's own values, so applying it with defaults changes none of them).
   */
  readonly default:
    | ParameterValue
    | ((params: ResolvedParams, workspace: Workspace) => ParameterValue);
  readonly validate: ParameterValidator;
}

/** A ready design the user adds in one step ("Add scenario", issue 4). */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** What it adds, and what the user must provide outside the workspace (a TLS Secret…). */
  readonly description: string;
  /**
   * What it adds in the Gateway API, for scenarios written in either API (those with the `api`
   * parameter): `description` speaks of the Istio API's resources.
   */
  readonly gatewayApiDescription?: string;
  readonly parameters: readonly ParameterSpec[];
  /**
   * The one command that adds the design: a `batch`, so it is one undo step. Refuses with a
   * message when a parameter is wrong or a resource it would add already exists.
   */
  build(params: ScenarioParams, workspace: Workspace): CommandResult<Command>;
}

/**
 * Every parameter of `scenario` with its default where `given` has none (or only blanks), and
 * the text of `number` parameters read as numbers. Values that are not numbers stay as typed,
 * so the validator can say what is wrong.
 */
export function resolveParameters(
  scenario: Pick<Scenario, 'parameters'>,
  given: ScenarioParams,
  workspace: Workspace,
): ResolvedParams {
  const out: Record<string, ParameterValue> = {};
  for (const spec of scenario.parameters) {
    const value = given[spec.key];
    const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
    if (!blank)
      out[spec.key] =
        spec.type === 'number' ? asNumber(value) : typeof value === 'string' ? value.trim() : value;
    else
      out[spec.key] =
        typeof spec.default === 'function' ? spec.default({ ...out }, workspace) : spec.default;
  }
  return out;
}

function asNumber(value: ParameterValue): ParameterValue {
  if (typeof value === 'number') return value;
  const text = value.trim();
  return /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : value;
}

/** What is wrong with each parameter, by key: what a form shows next to its fields. */
export function parameterProblems(
  scenario: Pick<Scenario, 'parameters'>,
  params: ResolvedParams,
): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const spec of scenario.parameters) {
    const value = params[spec.key];
    const problem =
      value === undefined || (typeof value === 'string' && value.trim() === '')
        ? 'Required'
        : spec.type === 'choice' && !spec.options?.includes(String(value))
          ? `Choose one of ${spec.options?.join(', ')}`
          : spec.validate(value, params);
    if (problem) out[spec.key] = problem;
  }
  return out;
}

/** A scenario's parts before the parameters are read: `defineScenario` adds `build`. */
export interface ScenarioDefinition extends Omit<Scenario, 'build'> {
  /** Builds from parameters that passed their validators. */
  readonly create: (params: ResolvedParams, workspace: Workspace) => CommandResult<Command>;
}

/**
 * A scenario whose `build` fills defaults, refuses the first wrong parameter with its label
 * ("Canary percentage: must be from 0 to 100"), then calls `create`.
 */
export function defineScenario(definition: ScenarioDefinition): Scenario {
  const { create, ...scenario } = definition;
  return {
    ...scenario,
    build(given, workspace) {
      const params = resolveParameters(scenario, given, workspace);
      const problems = parameterProblems(scenario, params);
      for (const spec of scenario.parameters) {
        const problem = problems[spec.key];
        if (problem) return fail(`${spec.label}: ${problem}`);
      }
      return create(params, workspace);
    },
  };
}

/** A text parameter (validated before `create` runs). */
export function text(params: ResolvedParams, key: string): string {
  return String(params[key] ?? '');
}

/** A number parameter (validated before `create` runs). */
export function num(params: ResolvedParams, key: string): number {
  return Number(params[key]);
}
