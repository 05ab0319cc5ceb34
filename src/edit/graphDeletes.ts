import type { GraphEdge, GraphNode } from '../graph/types.ts';
import type { Path } from '../yaml/path.ts';
import { type Command, type CommandResult, fail, ok } from './command.ts';

/**
 * The command that deletes what a graph node stands for: a whole resource, or the part of one
 * it draws (a rule, a subset). Nodes the workspace does not hold (implied ones, a service known
 * only from a route's host) have nothing to delete.
 */
export function deleteNodeCommand(node: GraphNode): CommandResult<Command> {
  if (node.implied || node.resource === undefined) {
    return fail(`${node.label} is not in the workspace: there is nothing to delete`);
  }
  if (node.path) return ok({ type: 'deleteValue', target: node.resource, path: node.path });
  return ok({ type: 'removeResource', target: node.resource });
}

/**
 * The command that deletes a reference the graph draws as an edge: a Gateway binding, a
 * destination, a mirror, a delegation. Edges Istio derives (flow, select…) are not written
 * anywhere and cannot be deleted on their own.
 */
export function deleteEdgeCommand(edge: GraphEdge): CommandResult<Command> {
  const origin = edge.origin;
  if (!origin || origin.paths.length === 0) {
    return fail(
      `a ${edge.kind} edge follows from the resources it joins; delete one of them instead`,
    );
  }
  // Later items first, so removing one does not shift the index of the next.
  const paths = [...origin.paths].sort(comparePathsDescending);
  const commands: Command[] = paths.map((path) => ({
    type: 'deleteValue',
    target: origin.resource,
    path,
  }));
  return ok(commands.length === 1 ? (commands[0] as Command) : { type: 'batch', commands });
}

function comparePathsDescending(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(y).localeCompare(String(x));
  }
  return b.length - a.length;
}
