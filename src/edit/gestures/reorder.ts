import type { FlowGraph } from '../../graph/types.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { isCatchAll } from './catchAll.ts';
import { isRouteRuleNode } from './gatewayApiLookup.ts';
import { reorderRouteRule } from './gatewayApiParts.ts';
import { type Gesture, gesture, verified } from './gesture.ts';
import { findNode, findRule, ruleName } from './lookup.ts';

/**
 * Dragging a rule to another place in its list: moves it in the YAML (with its comments). The
 * order is what decides: Istio uses the first rule that matches (virtual_service.proto `http`).
 * Notes say when the move leaves a rule behind a catch-all, where it is never used.
 */
export function reorderRule(
  workspace: Workspace,
  graph: FlowGraph,
  routeNodeId: string,
  toIndex: number,
): CommandResult<Gesture> {
  return verified(workspace, reorderRuleUnchecked(workspace, graph, routeNodeId, toIndex));
}

function reorderRuleUnchecked(
  workspace: Workspace,
  graph: FlowGraph,
  routeNodeId: string,
  toIndex: number,
): CommandResult<Gesture> {
  const node = findNode(graph, routeNodeId);
  if (!node.ok) return node;
  if (isRouteRuleNode(node.value)) return reorderRouteRule(workspace, node.value, toIndex);
  const ref = findRule(workspace, node.value);
  if (!ref.ok) return ref;
  const { vs, section, index, rule } = ref.value;
  const rules = vs.object[section];
  const name = ruleName(rule, section, index);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= rules.length) {
    return fail(
      `${vs.object.metadata.name} has ${rules.length} ${section} rules: position ${toIndex + 1} does not exist`,
    );
  }
  if (toIndex === index) return fail(`Rule ${name} is already at position ${index + 1}`);

  const order = rules.map((_, i) => i);
  order.splice(index, 1);
  order.splice(toIndex, 0, index);
  const names = order.map((i) => ruleName(rules[i] as (typeof rules)[number], section, i));
  const catchAll = order.findIndex((i) => isCatchAll(rules[i] as (typeof rules)[number], section));
  const notes: string[] = [];
  if (catchAll !== -1 && catchAll < order.length - 1) {
    const unused = names.slice(catchAll + 1);
    notes.push(
      `${names[catchAll]} takes every request, so ${unused.length === 1 ? 'rule' : 'rules'} ${unused.join(', ')} after it ${unused.length === 1 ? 'is' : 'are'} never used`,
    );
  }
  return gesture(
    {
      type: 'moveItem',
      target: vs.entry.id,
      path: ['spec', section],
      from: index,
      to: toIndex,
    },
    `Moved rule ${name} to position ${toIndex + 1} of ${rules.length}: rules are tried in the order ${names.join(', ')}`,
    notes,
  );
}
