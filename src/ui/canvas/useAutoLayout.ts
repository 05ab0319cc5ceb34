import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { XY } from '../../store/designerStore.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { elkLayout, type LayoutEdge, type LayoutNode } from './elkLayout.ts';
import { columnLayout, SIDE_KINDS, sideKindsLast } from './fallbackLayout.ts';
import { assignLayers } from './layers.ts';
import { rulePortOffsets, type Size, type SizedNode, sizeNodes } from './nodeSize.ts';
import { placeNew } from './placeNew.ts';
import type { FlowElements } from './toFlow.ts';

/** How the view fits the graph, on first open and after a whole layout. */
export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1 } as const;

/**
 * Keeps every node placed. Whenever some node has no stored position (first open, a node the
 * text just added, or all of them after Auto layout cleared the positions), the whole graph is
 * laid out by ELK and the result stored for those nodes only: positions the user dragged stay.
 * After a layout of the whole graph the view is fitted to it.
 *
 * Positions are view state: stored with `setPositions`, outside the undo history.
 */
export function useAutoLayout(elements: FlowElements, measured: ReadonlyMap<string, Size>): void {
  const store = useDesignerStore();
  const positions = useDesigner((s) => s.positions);
  const layoutRequest = useDesigner((s) => s.layoutRequest);
  const { fitView } = useReactFlow();
  const started = useRef('');
  // How many nodes the canvas showed before these elements.
  const shown = useRef(Number.POSITIVE_INFINITY);
  // Read at the time of a layout only: a measurement alone must not start one.
  const sizes = useRef(measured);
  sizes.current = measured;

  useEffect(() => {
    const shownBefore = shown.current;
    shown.current = elements.nodes.length;
    const missing = elements.nodes.filter((n) => positions[n.id] === undefined).map((n) => n.id);
    if (missing.length === 0) return;
    // StrictMode and drags re-run this effect: one layout per set of unplaced nodes is enough.
    const key = `${layoutRequest}|${missing.join('\n')}`;
    if (started.current === key) return;
    started.current = key;
    // A design added to an empty workspace (only the client was shown) is a whole new graph
    // too, even where implied nodes keep positions from before: the view fits it.
    const whole = missing.length === elements.nodes.length || shownBefore <= 1;
    const { nodes, edges } = layoutInput(elements, sizeNodes(elements.nodes, sizes.current));

    const apply = (layout: Readonly<Record<string, XY>>) => {
      // Read the store now, not at the start: the user may have dragged a node meanwhile.
      const stored = store.getState().positions;
      const unplaced = missing.filter((id) => stored[id] === undefined);
      if (unplaced.length === 0) return;
      const size = new Map(nodes.map((n) => [n.id, n]));
      const sizeOf = (id: string) => size.get(id) ?? { width: 0, height: 0 };
      store.getState().setPositions(placeNew(layout, stored, unplaced, edges, sizeOf));
      // fitView waits for React Flow to take the new positions before it measures the bounds.
      if (whole) void fitView({ ...FIT_VIEW_OPTIONS, duration: layoutRequest > 0 ? 250 : 0 });
    };
    elkLayout(nodes, edges).then(apply, (error: unknown) => {
      // ELK failed (a blocked worker?): the quick columns are better than nodes piled up.
      console.warn('Layout failed; using the simple column layout.', error);
      apply(columnLayout(sizeNodes(elements.nodes, sizes.current)));
    });
  }, [elements, positions, layoutRequest, store, fitView]);
}

/** The layout's view of the elements: boxes with measured (else estimated) sizes, rule ports. */
function layoutInput(
  elements: FlowElements,
  sized: readonly SizedNode[],
): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const byId = new Map(elements.nodes.map((n) => [n.id, n]));
  const layers = assignLayers(sized, elements.edges);
  // Model order decides ties in the layered layout: side kinds last (see SIDE_KINDS).
  const nodes = sideKindsLast(sized).map((node): LayoutNode => {
    const base = byId.get(node.id);
    const ports = base ? rulePortOffsets(base) : [];
    const layer = layers.get(node.id) ?? 0;
    return { id: node.id, layer, ...node.size, ...(ports.length ? { ports } : {}) };
  });
  const sideIds = new Set(sized.filter((n) => SIDE_KINDS.has(n.kind)).map((n) => n.id));
  const edges = elements.edges.map(
    (edge): LayoutEdge => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.sourceHandle ? { sourcePort: edge.sourceHandle } : {}),
    }),
  );
  // Edge order counts too: the gateway pods' edge to their Gateway before those to the side.
  edges.sort((a, b) => Number(sideIds.has(a.target)) - Number(sideIds.has(b.target)));
  return { nodes, edges };
}
