import { docStarts, type FilePosition, pathPosition } from '../workspace/position.ts';
import { entries, inDocument, type Workspace } from '../workspace/workspace.ts';
import { rangeAt } from '../yaml/path.ts';
import type { FlowGraph, GraphNode } from './types.ts';

/** Where the YAML a node stands for is written: its resource's document, or the part its path names. */
export function nodeLocation(workspace: Workspace, node: GraphNode): FilePosition | undefined {
  if (node.resource === undefined || node.implied) return undefined;
  const entry = entries(workspace).find((e) => e.id === node.resource);
  if (!entry) return undefined;
  return pathPosition(workspace, entry, node.path ?? []);
}

/**
 * The node whose YAML holds an offset of a file's text: the node of the deepest written part
 * (a rule, a subset) that contains it, else the node of the resource whose document holds it.
 * How moving the cursor in the editor selects a node.
 */
export function nodeAtOffset(
  workspace: Workspace,
  graph: FlowGraph,
  fileName: string,
  offset: number,
): GraphNode | undefined {
  const file = workspace.files.find((f) => f.name === fileName);
  if (!file) return undefined;
  const starts = docStarts(file);
  let index = starts.length - 1;
  while (index > 0 && (starts[index] as number) > offset) index--;
  const start = starts[index] ?? 0;
  const inDoc = entries(workspace).filter((e) => e.file === fileName && e.index === index);
  const first = inDoc[0];
  if (!first) return undefined;
  const within = offset - start + first.doc.base;
  const root = first.doc.document.contents as Parameters<typeof rangeAt>[0];
  // A List holds several resources: the one whose item holds the offset (else the first).
  const entry =
    inDoc.find((e) => {
      const range = e.base.length ? rangeAt(root, e.base) : undefined;
      return range && range[0] <= within && within <= range[1];
    }) ?? first;
  let best: GraphNode | undefined;
  let bestDepth = -1;
  for (const node of nodesOf(graph, entry.id)) {
    const path = node.path ?? [];
    if (path.length <= bestDepth) continue;
    const range = path.length === 0 ? undefined : rangeAt(root, inDocument(entry, path));
    if (path.length === 0 || (range && range[0] <= within && within <= range[1])) {
      best = node;
      bestDepth = path.length;
    }
  }
  return best;
}

/**
 * The node a field of a resource belongs to: the node of the deepest written part whose path
 * is a prefix of `path` (the rule a finding about `spec.http[1].route[0]` is in), else the
 * resource's own node. How a problem in the list selects its node and badges it.
 */
export function nodeForPath(
  graph: FlowGraph,
  resource: string,
  path: readonly (string | number)[],
): GraphNode | undefined {
  let best: GraphNode | undefined;
  let bestDepth = -1;
  for (const node of nodesOf(graph, resource)) {
    if (node.implied) continue;
    const own = node.path ?? [];
    if (own.length <= bestDepth || own.length > path.length) continue;
    if (own.every((segment, i) => path[i] === segment)) {
      best = node;
      bestDepth = own.length;
    }
  }
  return best;
}

const byResource = new WeakMap<FlowGraph, ReadonlyMap<string, readonly GraphNode[]>>();

/**
 * The nodes that stand for a resource (itself and its parts), in graph order: indexed once per
 * graph, so placing thousands of findings on 9,000 nodes is not a scan per finding.
 */
function nodesOf(graph: FlowGraph, resource: string): readonly GraphNode[] {
  let index = byResource.get(graph);
  if (!index) {
    const out = new Map<string, GraphNode[]>();
    for (const node of graph.nodes) {
      if (node.resource === undefined) continue;
      const list = out.get(node.resource);
      if (list) list.push(node);
      else out.set(node.resource, [node]);
    }
    index = out;
    byResource.set(graph, index);
  }
  return index.get(resource) ?? [];
}
