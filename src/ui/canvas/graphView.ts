import type { FlowGraph } from '../../graph/types.ts';
import type { DesignerState, DesignerStore } from '../../store/designerStore.ts';
import type { GraphFocus } from '../../store/graphView.ts';
import { selectGraph } from '../../store/selectors.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { focusPath, nodeHosts } from './focus.ts';
import { type GroupingBy, groupKeys } from './grouping.ts';

const keyCache = new WeakMap<FlowGraph, Map<GroupingBy, ReadonlyMap<string, string>>>();

/** Each node's group key for the graph and grouping, memoised per graph. */
export function groupKeysOf(
  graph: FlowGraph,
  workspace: Workspace,
  by: GroupingBy,
): ReadonlyMap<string, string> {
  let byGrouping = keyCache.get(graph);
  if (!byGrouping) {
    byGrouping = new Map();
    keyCache.set(graph, byGrouping);
  }
  let keys = byGrouping.get(by);
  if (!keys) {
    // By namespace, keys follow only which nodes there are, of which resources, and what joins
    // them: a keystroke that changed a weight or a match leaves the keys as they were.
    const last = lastNamespaceKeys;
    keys =
      by === 'namespace' && last && sameShape(last.graph, graph)
        ? last.keys
        : groupKeys(graph, by, by === 'host' ? nodeHosts(graph, workspace) : NO_HOSTS);
    if (by === 'namespace') lastNamespaceKeys = { graph, keys };
    byGrouping.set(by, keys);
  }
  return keys;
}

/** By namespace, hosts are not read. */
const NO_HOSTS: ReadonlyMap<string, readonly string[]> = new Map();

let lastNamespaceKeys: { graph: FlowGraph; keys: ReadonlyMap<string, string> } | undefined;

function sameShape(a: FlowGraph, b: FlowGraph): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const nodes = a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return n === m || (n.id === m?.id && n.resource === m.resource && n.parent === m.parent);
  });
  return (
    nodes &&
    a.edges.every((e, i) => {
      const f = b.edges[i];
      return e === f || (e.source === f?.source && e.target === f.target);
    })
  );
}

const pathCache = new WeakMap<FlowGraph, { focus: GraphFocus; path: ReadonlySet<string> }>();

/** The graph nodes the focus shows (focus.ts), memoised per graph and focus. */
export function focusedNodes(
  graph: FlowGraph,
  workspace: Workspace,
  focus: GraphFocus,
): ReadonlySet<string> {
  const cached = pathCache.get(graph);
  if (cached?.focus === focus) return cached.path;
  const path = focusPath(graph, focus, nodeHosts(graph, workspace));
  pathCache.set(graph, { focus, path });
  return path;
}

/** Whether a node is drawn under the current focus and grouping (not hidden in a collapsed group). */
export function isHidden(state: DesignerState, id: string): boolean {
  const graph = selectGraph(state);
  if (state.focus && !focusedNodes(graph, state.workspace, state.focus).has(id)) return true;
  if (state.groupBy === 'none') return false;
  const key = groupKeysOf(graph, state.workspace, state.groupBy).get(id);
  return key !== undefined && state.groupOpen[key] === false;
}

/**
 * Makes a node drawable before Go to resource goes there: leaves a focus that hides it and opens
 * the group it is in.
 */
export function revealInView(store: DesignerStore, id: string): void {
  const state = store.getState();
  const graph = selectGraph(state);
  if (state.focus && !focusedNodes(graph, state.workspace, state.focus).has(id))
    state.setFocus(null);
  if (state.groupBy === 'none') return;
  const key = groupKeysOf(graph, state.workspace, state.groupBy).get(id);
  if (key !== undefined && state.groupOpen[key] !== true) state.setGroupOpen([key], true);
}

/** Focuses the canvas on a path; a selection the focus hides is let go (the Inspector follows). */
export function focusOn(store: DesignerStore, focus: GraphFocus): void {
  store.getState().setFocus(focus);
  const state = store.getState();
  if (state.selection !== null && isHidden(state, state.selection)) state.select(null);
}
