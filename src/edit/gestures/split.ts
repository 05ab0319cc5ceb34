import type { FlowGraph } from '../../graph/types.ts';
import { resolveHost } from '../../model/hosts.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { destinationLabel } from './addDestination.ts';
import { combine, type Gesture, gesture, verified } from './gesture.ts';
import { findNode, findRule, ruleName } from './lookup.ts';
import { describeSplit, splitProblem, toPercentages } from './weights.ts';

export interface SplitOptions {
  /**
   * The weights are percentages, as a control showing percentages gives them: they must add
   * up to 100. Otherwise they are relative weights, which is all Istio asks.
   */
  readonly percentages?: boolean;
}

/**
 * The split control: writes the `weight` of each destination of a rule, in order. Weights are
 * written as given (integers); the summary shows the share each destination gets. Refused
 * input says Istio's rule (weight ≥ 0, not all 0 with several destinations).
 */
export function setSplit(
  workspace: Workspace,
  graph: FlowGraph,
  routeNodeId: string,
  weights: readonly number[],
  options: SplitOptions = {},
): CommandResult<Gesture> {
  return verified(workspace, setSplitUnchecked(workspace, graph, routeNodeId, weights, options));
}

function setSplitUnchecked(
  workspace: Workspace,
  graph: FlowGraph,
  routeNodeId: string,
  weights: readonly number[],
  options: SplitOptions = {},
): CommandResult<Gesture> {
  const node = findNode(graph, routeNodeId);
  if (!node.ok) return node;
  const ref = findRule(workspace, node.value);
  if (!ref.ok) return ref;
  const { rule, vs, path, section, index } = ref.value;
  const problem = splitProblem(weights, rule.route.length, options.percentages === true);
  if (problem) return fail(problem);
  const name = ruleName(rule, section, index);
  const namespace = vs.object.metadata.namespace;
  const labels = rule.route.map((d) =>
    d.destination
      ? destinationLabel(resolveHost(d.destination.host, namespace), d.destination.subset)
      : '?',
  );
  const split = describeSplit(labels, toPercentages(weights));
  const commands: Command[] = [];
  rule.route.forEach((d, i) => {
    if (d.weight !== weights[i])
      commands.push({
        type: 'setValue',
        target: vs.entry.id,
        path: [...path, 'route', i, 'weight'],
        value: weights[i],
      });
  });
  if (commands.length === 0) return fail(`Rule ${name} already splits its traffic: ${split}`);
  const notes = labels
    .filter((_, i) => weights[i] === 0)
    .map((label) => `${label} gets no traffic (weight 0)`);
  return gesture(combine(commands), `Rule ${name} now splits its traffic: ${split}`, notes);
}
