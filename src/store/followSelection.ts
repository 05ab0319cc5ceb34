import type { FlowGraph } from '../graph/types.ts';

/**
 * The selection after an edit. A node the edit kept stays selected. A node the edit replaced
 * by one of its kind (the implied gateway pods once a pack writes their Deployment, a resource
 * renamed) is followed to that node when it is the only new node of the kind, so the panel the
 * person was working in (the Inspector, the readiness checklist) stays on what they had chosen.
 * Otherwise the selection is kept as it was (a node may come back on undo).
 */
export function followSelection(
  selection: string | null,
  before: FlowGraph,
  after: FlowGraph,
): string | null {
  if (selection === null || before === after) return selection;
  if (after.nodes.some((node) => node.id === selection)) return selection;
  const was = before.nodes.find((node) => node.id === selection);
  if (!was) return selection;
  const known = new Set(before.nodes.map((node) => node.id));
  const successors = after.nodes.filter(
    (node) => node.kind === was.kind && node.parent === null && !known.has(node.id),
  );
  return successors.length === 1 ? (successors[0]?.id ?? selection) : selection;
}
