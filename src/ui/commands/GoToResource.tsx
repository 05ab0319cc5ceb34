import { useEffect, useMemo, useState } from 'react';
import type { FlowGraph } from '../../graph/types.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { nodeName } from '../canvas/edgeNames.ts';
import { gatewayNodes, nodeHosts, routeHosts } from '../canvas/focus.ts';
import { focusOn, revealInView } from '../canvas/graphView.ts';
import { KIND_LOOK } from '../canvas/kindLook.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { Palette, type PaletteEntry } from './Palette.tsx';

/**
 * Go to resource (Ctrl+P): the graph's nodes by name, in the request path's order; Enter
 * selects one, shows it in the Inspector and centres it on the canvas (opening its group or
 * leaving a focus that hides it). A find for the graph. While a focus is being picked ("Focus on
 * host…", "Focus on a Gateway…") the same list offers hosts or Gateways instead.
 */
export function GoToResource() {
  const store = useDesignerStore();
  // The picker is for one opening of the list: taken now, so Ctrl+P next time lists resources.
  const [picker] = useState(() => store.getState().focusPicker);
  useEffect(() => store.getState().setFocusPicker(null), [store]);
  if (picker === 'host') return <FocusPicker kind="host" />;
  if (picker === 'gateway') return <FocusPicker kind="gateway" />;
  return <ResourcePicker />;
}

function ResourcePicker() {
  const store = useDesignerStore();
  const graph = useDesigner(selectGraph);
  const workspace = useDesigner((s) => s.workspace);
  const entries = useMemo(
    () => resourceEntries(graph, nodeHosts(graph, workspace)),
    [graph, workspace],
  );
  return (
    <Palette
      label="Go to resource"
      inputLabel="Resource name"
      placeholder="Type a name, a kind or a namespace…"
      entries={entries}
      onRun={(entry) => goToResource(store, entry.id)}
    />
  );
}

/** Goes to a node, first making it drawn (its group opened, a focus that hides it left). */
export function goToResource(store: DesignerStore, id: string): void {
  revealInView(store, id);
  store.getState().goTo(id);
}

function FocusPicker({ kind }: { kind: 'host' | 'gateway' }) {
  const store = useDesignerStore();
  const graph = useDesigner(selectGraph);
  const workspace = useDesigner((s) => s.workspace);
  const entries = useMemo(
    () =>
      kind === 'host'
        ? routeHosts(graph, nodeHosts(graph, workspace)).map(
            (host): PaletteEntry => ({ id: host, group: 'Host', title: host, enabled: true }),
          )
        : gatewayNodes(graph).map(
            (node): PaletteEntry => ({
              id: node.id,
              group: 'Gateway',
              title: node.label,
              ...(node.resource ? { detail: node.resource.split('/')[1] } : {}),
              enabled: true,
            }),
          ),
    [graph, workspace, kind],
  );
  return (
    <Palette
      label={kind === 'host' ? 'Focus on host' : 'Focus on a Gateway'}
      inputLabel={kind === 'host' ? 'Host name' : 'Gateway name'}
      placeholder={kind === 'host' ? 'Type a host…' : 'Type a Gateway name…'}
      entries={entries}
      onRun={(entry) => focusOn(store, { kind, key: entry.id, label: entry.title })}
    />
  );
}

/**
 * One entry per node: its name, its kind, its namespace and, for routes and Gateways, the hosts
 * they serve (so typing a host finds them).
 */
export function resourceEntries(
  graph: FlowGraph,
  hosts: ReadonlyMap<string, readonly string[]> = new Map(),
): PaletteEntry[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.nodes.map((node) => {
    const namespace = node.resource?.split('/')[1];
    // A rule is found by its name, and told apart by where it is (`shop http[1]`); a subset
    // by its DestinationRule's name and its own (`shop v2`).
    const rule = node.kind === 'route';
    const detail = [
      rule ? nodeName(node, nodes) : undefined,
      namespace,
      ...(hosts.get(node.id) ?? []),
    ]
      .filter(Boolean)
      .join(' · ');
    return {
      id: node.id,
      group: KIND_LOOK[node.kind].title,
      title: rule ? node.label : nodeName(node, nodes),
      ...(detail ? { detail } : {}),
      enabled: true,
    };
  });
}
