import { expect } from 'vitest';
import { type LintDiagnostic, lint } from '../check/lint.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import type { EdgeKind, FlowGraph } from '../graph/types.ts';
import type { SimRequest, Simulation } from '../simulate/types.ts';
import type { Scenario, ScenarioParams } from '../templates/scenario.ts';
import { EXAMPLE } from '../workspace/example.ts';
import {
  EMPTY_WORKSPACE,
  loadWorkspace,
  type SourceText,
  serializeWorkspace,
  type Workspace,
} from '../workspace/workspace.ts';
import { simulated } from './simulated.ts';
import { TestEditor } from './testEditor.ts';

/**
 * Test helpers for scenarios (not a test file itself): the two workspaces every scenario is
 * tried on, applying through the headless editor with undo and redo checked, and small views
 * of what a user would notice (graph edges, lint findings, a simulated request).
 */

export const emptyWorkspace = (): Workspace => EMPTY_WORKSPACE;

/** The design a first visit opens (src/workspace/example.ts). */
export const exampleWorkspace = (): Workspace => loadWorkspace(EXAMPLE);

export const BASES: readonly { readonly label: string; readonly load: () => Workspace }[] = [
  { label: 'an empty workspace', load: emptyWorkspace },
  { label: 'the example workspace', load: exampleWorkspace },
];

/** Every file's text: what "undo gives back the exact text" compares. */
export function texts(workspace: Workspace): SourceText[] {
  return serializeWorkspace(workspace);
}

export interface Applied {
  readonly editor: TestEditor;
  readonly before: Workspace;
  readonly after: Workspace;
}

/**
 * Builds and applies a scenario as one command, then checks that undo gives back every file
 * byte for byte and redo gives the same result again.
 */
export function applyScenario(
  scenario: Scenario,
  workspace: Workspace,
  params: ScenarioParams = {},
): Applied {
  const built = scenario.build(params, workspace);
  if (!built.ok) throw new Error(`${scenario.id} refused: ${built.error}`);
  const editor = new TestEditor(workspace).apply(built.value);
  const after = editor.workspace;
  expect(texts(editor.undo().workspace)).toEqual(texts(workspace));
  expect(texts(editor.redo().workspace)).toEqual(texts(after));
  return { editor, before: workspace, after };
}

/** The refusal message of a scenario that must not build. */
export function refusal(scenario: Scenario, workspace: Workspace, params: ScenarioParams): string {
  const built = scenario.build(params, workspace);
  if (built.ok) throw new Error(`${scenario.id} was expected to refuse`);
  return built.error;
}

/** Findings a user must act on: errors and warnings (information is fine). */
export function serious(workspace: Workspace): LintDiagnostic[] {
  return lint(workspace).filter((d) => d.severity === 'error' || d.severity === 'warning');
}

/** Edges of `kind` as `source -> target` (with ` @weight` when weighted). */
export function edges(graph: FlowGraph, kind: EdgeKind): string[] {
  return graph.edges
    .filter((e) => e.kind === kind)
    .map((e) => `${e.source} -> ${e.target}${e.weight === undefined ? '' : ` @${e.weight}`}`);
}

export function graphOf(workspace: Workspace): FlowGraph {
  return deriveGraph(workspace);
}

export function send(workspace: Workspace, request: SimRequest): Simulation {
  return simulated(workspace, request);
}

/** Where each destination of a simulation goes, with its probability. */
export function destinations(simulation: Simulation): string[] {
  return simulation.destinations.map(
    (d) => `${d.host}${d.subset ? `/${d.subset}` : ''} ${d.probability}`,
  );
}

/** Node ids of the default scenario design (name `shop`, namespace `default`). */
export const SHOP = {
  gateway: 'gateway:Gateway/istio-system/shop-gateway',
  virtualService: 'virtualService:VirtualService/default/shop',
  rule: (index: number) => `route:VirtualService/default/shop:http[${index}]`,
  subset: (name: string) => `subset:DestinationRule/default/shop:${name}`,
  service: (name = 'shop') => `service:${name}.default.svc.cluster.local`,
  pods: (name: string) => `pods:Deployment/default/${name}`,
  impliedGatewayPods: 'gatewayWorkload:implied:istio-system/istio-ingressgateway',
} as const;
