import type { FlowGraph, NodeKind } from '../../graph/types.ts';
import { sameItems } from '../../workspace/sameItems.ts';
import type { BaseNode, CanvasEdge, GroupSummary } from './flowTypes.ts';
import { KIND_LOOK } from './kindLook.ts';
import type { FlowElements } from './toFlow.ts';

/**
 * Beyond this many nodes a graph opens with its groups collapsed: at 1,000 resources the whole
 * cannot be drawn readably, nor laid out quickly. A graph this small keeps the view it had.
 */
export const GROUP_OPEN_LIMIT = 150;

/** What every request path shares: the client, load balancers and gateway pods stay outside groups. */
export const SHARED_KINDS: ReadonlySet<NodeKind> = new Set([
  'client',
  'loadBalancer',
  'gatewayWorkload',
]);

export type GroupingBy = 'namespace' | 'host';

/** The id of the node that stands for a collapsed group. */
export function groupNodeId(key: string): string {
  return `group:${key}`;
}

/**
 * Each graph node's group key (`namespace:team-3`, `host:app-3.example.com`); shared nodes have
 * none. A node takes its resource's namespace (or, by host, a route's or Gateway's first host);
 * nodes without one (an implied Service, its pods) take the group of what leads to them, else of
 * what they lead to; rows (rules, listeners) their node's. Whatever is left is `<by>:`.
 */
export function groupKeys(
  graph: FlowGraph,
  by: GroupingBy,
  hosts: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  const free = (id: string) => !keys.has(id) && !shared.has(id);
  const shared = new Set(graph.nodes.filter((n) => SHARED_KINDS.has(n.kind)).map((n) => n.id));
  for (const node of graph.nodes) {
    if (shared.has(node.id) || node.parent) continue;
    const seed = by === 'namespace' ? node.resource?.split('/')[1] : hosts.get(node.id)?.[0];
    if (seed) keys.set(node.id, `${by}:${seed}`);
  }
  spread(graph, keys, free, 'forward');
  spread(graph, keys, free, 'backward');
  // By host, what nothing routes to (a Deployment no subset selects) joins its namespace's host.
  const hostOfNamespace = new Map<string, string>();
  for (const node of graph.nodes) {
    const namespace = node.resource?.split('/')[1];
    const key = keys.get(node.id);
    if (namespace && key && !hostOfNamespace.has(namespace)) hostOfNamespace.set(namespace, key);
  }
  for (const node of graph.nodes) {
    const key = hostOfNamespace.get(node.resource?.split('/')[1] ?? '');
    if (key && free(node.id) && !node.parent) keys.set(node.id, key);
  }
  for (const node of graph.nodes) {
    if (shared.has(node.id)) continue;
    const parentKey = node.parent ? keys.get(node.parent) : undefined;
    if (parentKey) keys.set(node.id, parentKey);
    else if (!keys.has(node.id)) keys.set(node.id, `${by}:`);
  }
  return keys;
}

/** Gives nodes without a group the group of their neighbours, breadth first along edges. */
function spread(
  graph: FlowGraph,
  keys: Map<string, string>,
  free: (id: string) => boolean,
  direction: 'forward' | 'backward',
): void {
  const links = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const [from, to] =
      direction === 'forward' ? [edge.source, edge.target] : [edge.target, edge.source];
    const list = links.get(from);
    if (list) list.push(to);
    else links.set(from, [to]);
  }
  const queue = [...keys.keys()];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    const key = keys.get(id) as string;
    for (const next of links.get(id) ?? []) {
      if (!free(next)) continue;
      keys.set(next, key);
      queue.push(next);
    }
  }
}

/** `namespace:team-3` → what a person reads: the namespace or host (`(none)` when empty). */
export function groupName(key: string): string {
  return key.slice(key.indexOf(':') + 1) || '(none)';
}

/**
 * The elements with every collapsed group drawn as one node (`group:<key>`) standing for its
 * members, and edges to and from members redrawn to and from it: one edge per distinct pair of
 * ends, labelled with how many it stands for when more than one. Open groups and shared nodes
 * are drawn as they are; with `headers`, an open group also gets its header node (the way to
 * collapse it again). Pure.
 */
export function groupElements(
  elements: FlowElements,
  keys: ReadonlyMap<string, string>,
  isOpen: (key: string) => boolean,
  headers: boolean,
): FlowElements {
  const members = new Map<string, BaseNode[]>();
  for (const node of elements.nodes) {
    const key = keys.get(node.id);
    if (key === undefined) continue;
    const list = members.get(key);
    if (list) list.push(node);
    else members.set(key, [node]);
  }
  const nodes: BaseNode[] = [];
  const drawnAs = new Map<string, string>();
  const started = new Set<string>();
  const made = new Map<string, MadeGroup>();
  for (const node of elements.nodes) {
    const key = keys.get(node.id);
    if (key === undefined) {
      nodes.push(node);
      continue;
    }
    const open = isOpen(key);
    if (!started.has(key)) {
      started.add(key);
      if (!open || headers) nodes.push(keptGroupNode(key, members.get(key) ?? [], open, made));
    }
    if (open) nodes.push(node);
    else drawnAs.set(node.id, groupNodeId(key));
  }
  lastGroups = made;
  if (started.size === 0 || (drawnAs.size === 0 && !headers)) return elements;
  return withoutFans({ ...elements, nodes, edges: groupEdges(elements.edges, drawnAs) });
}

/** More edges than this from one shared node to collapsed groups are one line on the node. */
export const FAN_LIMIT = 12;

/**
 * The gateway pods of a large workspace lead to every group: hundreds of edges that say the same
 * thing, and cost every frame of a pan to draw. Beyond `FAN_LIMIT`, a shared node's edges into
 * collapsed groups are left out and the node says how many groups it leads to instead.
 */
function withoutFans(elements: FlowElements): FlowElements {
  const fans = new Map<string, number>();
  const intoGroup = (e: CanvasEdge) =>
    e.target.startsWith('group:') && !e.source.startsWith('group:');
  for (const edge of elements.edges)
    if (intoGroup(edge)) fans.set(edge.source, (fans.get(edge.source) ?? 0) + 1);
  const wide = new Map([...fans].filter(([, count]) => count > FAN_LIMIT));
  if (wide.size === 0) return elements;
  return {
    ...elements,
    nodes: elements.nodes.map((node) => {
      const count = wide.get(node.id);
      return count === undefined ? node : fanNote(node, count);
    }),
    edges: elements.edges.filter((e) => !(intoGroup(e) && wide.has(e.source))),
  };
}

const noted = new WeakMap<BaseNode, { count: number; node: BaseNode }>();

/** The node with a line saying how many collapsed groups it leads to (kept while the same). */
function fanNote(node: BaseNode, count: number): BaseNode {
  const known = noted.get(node);
  if (known?.count === count) return known.node;
  const line = `→ ${count} collapsed groups (edges not drawn)`;
  const made = { ...node, data: { ...node.data, lines: [...node.data.lines, line] } };
  noted.set(node, { count, node: made });
  return made;
}

interface MadeGroup {
  readonly members: readonly BaseNode[];
  readonly open: boolean;
  readonly node: BaseNode;
}

/**
 * The groups drawn last: a group whose members are the same objects (nothing in it changed) is
 * the same node, so a keystroke in one namespace re-renders that namespace's group alone.
 */
let lastGroups: ReadonlyMap<string, MadeGroup> = new Map();

function keptGroupNode(
  key: string,
  members: readonly BaseNode[],
  open: boolean,
  made: Map<string, MadeGroup>,
): BaseNode {
  const old = lastGroups.get(key);
  const node =
    old && old.open === open && sameItems(old.members, members)
      ? old.node
      : groupNode(key, members, open);
  made.set(key, { members, open, node });
  return node;
}

function groupEdges(
  edges: readonly CanvasEdge[],
  drawnAs: ReadonlyMap<string, string>,
): CanvasEdge[] {
  const byEnds = new Map<string, CanvasEdge[]>();
  const out: (CanvasEdge | string)[] = [];
  for (const edge of edges) {
    const source = drawnAs.get(edge.source);
    const target = drawnAs.get(edge.target);
    if (source === undefined && target === undefined) {
      out.push(edge);
      continue;
    }
    const from = source ?? edge.source;
    const to = target ?? edge.target;
    if (from === to) continue;
    const ends = `${from}->${to}`;
    const list = byEnds.get(ends);
    if (list) list.push(edge);
    else {
      byEnds.set(ends, [edge]);
      out.push(ends);
    }
  }
  const made = new Map<string, MadeAggregate>();
  const result = out.map((item) => {
    if (typeof item !== 'string') return item;
    const list = byEnds.get(item) as CanvasEdge[];
    const old = lastAggregates.get(item);
    const edge =
      old && sameItems(old.list, list)
        ? old.edge
        : aggregate(list[0] as CanvasEdge, list.length, item, drawnAs);
    made.set(item, { list, edge });
    return edge;
  });
  lastAggregates = made;
  return result;
}

interface MadeAggregate {
  readonly list: readonly CanvasEdge[];
  readonly edge: CanvasEdge;
}

/** The edges standing for several, drawn last: the same ones stand for the same edges. */
let lastAggregates: ReadonlyMap<string, MadeAggregate> = new Map();

/** One edge standing for `count` edges between the same two drawn ends. */
function aggregate(
  first: CanvasEdge,
  count: number,
  ends: string,
  drawnAs: ReadonlyMap<string, string>,
): CanvasEdge {
  const source = drawnAs.get(first.source);
  const { sourceHandle: _handle, ...rest } = first;
  const edge: CanvasEdge = {
    ...(source === undefined ? first : rest),
    id: count > 1 ? `edges:${ends}` : first.id,
    source: source ?? first.source,
    target: drawnAs.get(first.target) ?? first.target,
    // Drawn lighter: every group is bound by the same gateway pods, and the hundreds of edges
    // that says would otherwise hide the groups' own.
    className: `${first.className ?? ''} edge--group`,
    // Its label steps back with it (EdgeLabelLayer draws `dim` labels faint, placed last).
    ...(first.data ? { data: { ...first.data, sim: 'dim' as const } } : {}),
  };
  if (count === 1) return edge;
  return {
    ...edge,
    label: `${count} edges`,
    ariaLabel: `${count} edges from ${nameOf(edge.source)} to ${nameOf(edge.target)}`,
  };
}

function nameOf(id: string): string {
  return id.startsWith('group:') ? groupName(id.slice('group:'.length)) : id;
}

/** The node of a collapsed group: its name, how many resources of each kind it holds. */
function groupNode(key: string, members: readonly BaseNode[], open: boolean): BaseNode {
  const by = key.slice(0, key.indexOf(':')) as GroupingBy;
  const name = groupName(key);
  const counts = new Map<NodeKind, number>();
  const resources = new Set<string>();
  for (const member of members) {
    const kind = member.data.node.kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    if (member.data.node.resource) resources.add(member.data.node.resource);
  }
  const kinds = [...counts].map(([kind, count]) => ({ kind, count }));
  const group: GroupSummary = {
    key,
    by,
    name,
    open,
    resources: resources.size,
    kinds,
    members: members.map((m) => m.id),
  };
  const id = groupNodeId(key);
  const title = by === 'namespace' ? 'Namespace' : 'Host';
  const lines = kindLines(kinds);
  const domAttributes: Record<string, string> = {
    'data-kind': 'group',
    'data-group': key,
    'data-expanded': String(open),
    // The resources it stands for (CONTRACT section 5's data-resource, for many): a flow or a
    // benchmark waiting for a resource's change sees it here while its group is collapsed.
    'data-represents': [...resources].join(' '),
  };
  return {
    id,
    type: 'group',
    data: {
      node: { id, kind: 'gateway', label: name, parent: null },
      lines,
      servers: [],
      rules: [],
      listeners: [],
      width: GROUP_WIDTH,
      group,
    },
    ariaLabel: `${title} ${name}, ${plural(resources.size, 'resource')}${open ? ', expanded' : ''}`,
    domAttributes,
    connectable: false,
    selectable: false,
  };
}

export const GROUP_WIDTH = 240;
/** A group's colour (its border, its minimap box): neutral, as it stands for many kinds. */
export const GROUP_COLOR = '#0f766e';

/** `Gateway · VirtualService`, `Subset ×2 · Pods ×2`: two kinds a line. */
function kindLines(kinds: readonly { kind: NodeKind; count: number }[]): string[] {
  const parts = kinds.map(({ kind, count }) =>
    count > 1 ? `${KIND_LOOK[kind].title} ×${count}` : KIND_LOOK[kind].title,
  );
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(parts.slice(i, i + 2).join(' · '));
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
