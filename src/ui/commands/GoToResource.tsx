import { useMemo } from 'react';
import type { FlowGraph } from '../../graph/types.ts';
import { selectGraph } from '../../store/selectors.ts';
import { nodeName } from '../canvas/edgeNames.ts';
import { KIND_LOOK } from '../canvas/kindLook.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { Palette, type PaletteEntry } from './Palette.tsx';

/**
 * Go to resource (Ctrl+P): the graph's nodes by name, in the request path's order; Enter
 * selects one, shows it in the Inspector and centres it on the canvas. A find for the graph.
 */
export function GoToResource() {
  const store = useDesignerStore();
  const graph = useDesigner(selectGraph);
  const entries = useMemo(() => resourceEntries(graph), [graph]);
  return (
    <Palette
      label="Go to resource"
      inputLabel="Resource name"
      placeholder="Type a name, a kind or a namespace…"
      entries={entries}
      onRun={(entry) => store.getState().goTo(entry.id)}
    />
  );
}

/** One entry per node: its name, its kind, and its namespace. */
export function resourceEntries(graph: FlowGraph): PaletteEntry[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.nodes.map((node) => {
    const namespace = node.resource?.split('/')[1];
    // A rule is found by its name, and told apart by where it is (`shop http[1]`); a subset
    // by its DestinationRule's name and its own (`shop v2`).
    const rule = node.kind === 'route';
    const detail = [rule ? nodeName(node, nodes) : undefined, namespace]
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
