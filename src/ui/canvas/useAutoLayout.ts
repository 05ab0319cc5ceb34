import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { XY } from '../../store/designerStore.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { planBands, wrapIntoBands } from './bands.ts';
import { elkLayout, type LayoutEdge, type LayoutNode } from './elkLayout.ts';
import { columnLayout, SIDE_KINDS, sideKindsLast } from './fallbackLayout.ts';
import { assignLayers } from './layers.ts';
import { rulePortOffsets, type Size, type SizedNode, sizeNodes } from './nodeSize.ts';
import { placeNew } from './placeNew.ts';
import { allInView, type Box, fitArea, READABLE_ZOOM } from './readableFit.ts';
import type { FlowElements } from './toFlow.ts';
import type { ReadableFit } from './useReadableFit.ts';

/**
 * Keeps every node placed, and the graph readable. Whenever some node has no stored position
 * (first open, a node the text just added, a pasted or imported workspace, or all of them after
 * Auto layout cleared the positions), the whole graph is laid out by ELK:
 * - a new graph (no node placed, or most of them new: an import, a paste, a scenario on an empty
 *   workspace) takes the fresh layout whole, wrapped into bands to the pane's shape, and the view
 *   is fitted so names stay readable (see readableFit.ts);
 * - otherwise the fresh layout only places the new nodes around the placed ones (positions the
 *   user dragged stay), and the view refits only when new resources landed out of sight.
 * The first graph on screen (a reload, with stored positions) is fitted the same way.
 *
 * Positions are view state: stored with `setPositions`, outside the undo history. Inactive for
 * a large view (groups, focus on a large graph): useBigLayout places that.
 */
export function useAutoLayout(
  elements: FlowElements,
  measured: ReadonlyMap<string, Size>,
  refit: ReadableFit,
  active = true,
): void {
  const store = useDesignerStore();
  const positions = useDesigner((s) => s.positions);
  const layoutRequest = useDesigner((s) => s.layoutRequest);
  const flowStore = useStoreApi();
  const { getViewport } = useReactFlow();
  const started = useRef('');
  const fittedOnce = useRef(false);
  // Where the last whole layout broke its layers into bands (bands.ts).
  const bands = useRef<readonly number[] | null>(null);
  // Read at the time of a layout only: a measurement alone must not start one.
  const sizes = useRef(measured);
  sizes.current = measured;
  // What these elements changed from the ones drawn before: how many nodes showed before, and
  // whether they brought resources the previous ones lacked. Worked out once per elements.
  const drawn = useRef<Drawn>(null);

  useEffect(() => {
    // A large view is laid out in blocks (useBigLayout), never whole.
    if (!active) return;
    if (drawn.current?.elements !== elements) drawn.current = compare(drawn.current, elements);
    const { shownBefore, grew } = drawn.current;
    const missing = elements.nodes.filter((n) => positions[n.id] === undefined).map((n) => n.id);
    const sized = sizeNodes(elements.nodes, sizes.current);
    if (missing.length === 0) {
      if (!fittedOnce.current && elements.nodes.length > 0) {
        fittedOnce.current = true;
        refit(boxesOf(sized, positions), 0);
      }
      return;
    }
    // StrictMode and drags re-run this effect: one layout per set of unplaced nodes is enough.
    const key = `${layoutRequest}|${missing.join('\n')}`;
    if (started.current === key) return;
    started.current = key;
    // A design added to an empty workspace (only the client was shown) is a whole new graph
    // too, even where implied nodes keep positions from before; so is a paste or an import
    // that brings mostly new resources: placing them around the few that stayed would scatter them.
    const fresh =
      missing.length === elements.nodes.length ||
      shownBefore <= 1 ||
      missing.length * 2 > elements.nodes.length;
    const { nodes, edges } = layoutInput(elements, sized);
    const duration = fittedOnce.current ? 250 : 0;

    const apply = (layout: Readonly<Record<string, XY>>) => {
      // Read the store now, not at the start: the user may have dragged a node meanwhile.
      const stored = store.getState().positions;
      const unplaced = missing.filter((id) => stored[id] === undefined);
      if (unplaced.length === 0) return;
      const size = new Map(nodes.map((n) => [n.id, n]));
      const sizeOf = (id: string) => size.get(id) ?? { width: 0, height: 0 };
      fittedOnce.current = true;
      const { width, height } = flowStore.getState();
      const boxes = nodes.map((n) => ({
        id: n.id,
        layer: n.layer,
        at: layout[n.id] ?? { x: 0, y: 0 },
        size: sizeOf(n.id),
      }));
      // The bands of the last whole layout, so that new nodes are placed in the same shape as
      // the placed ones (a renamed VirtualService takes the old one's place in its band).
      if (fresh || bands.current === null)
        bands.current = planBands(boxes, fitArea({ width, height }), READABLE_ZOOM).breaks;
      const banded = wrapIntoBands(boxes, bands.current);
      if (fresh) {
        store.getState().setPositions(banded);
        refit(boxesOf(sized, banded), duration);
        return;
      }
      const added = placeNew(banded, stored, unplaced, edges, sizeOf);
      store.getState().setPositions(added);
      const newBoxes = boxesOf(
        sized.filter((n) => added[n.id] !== undefined),
        added,
      );
      // New resources (a paste, an addition) are brought into view; nodes that only stand for
      // old ones differently (a deleted Gateway leaves its Service as a plain service) are not
      // worth moving the view the user has.
      if (grew && !allInView(newBoxes, { width, height }, getViewport())) {
        // When the whole cannot be read at once, what was added is what to show.
        const focus = { nodes: new Set(Object.keys(added)), anchor: firstOfKind(sized, added) };
        refit(boxesOf(sized, { ...stored, ...added }), duration, focus);
      }
    };
    elkLayout(nodes, edges).then(apply, (error: unknown) => {
      // ELK failed (a blocked worker?): the quick columns are better than nodes piled up.
      console.warn('Layout failed; using the simple column layout.', error);
      apply(columnLayout(sizeNodes(elements.nodes, sizes.current)));
    });
  }, [elements, positions, layoutRequest, store, flowStore, getViewport, refit, active]);
}

interface Drawn {
  readonly elements: FlowElements;
  readonly resources: ReadonlySet<string>;
  /** How many nodes the canvas showed before these elements (none before: infinitely many). */
  readonly shownBefore: number;
  readonly grew: boolean;
}

function compare(before: Drawn | null, elements: FlowElements): Drawn {
  const resources = new Set(elements.nodes.flatMap((n) => n.data.node.resource ?? []));
  const old = before?.resources;
  return {
    elements,
    resources,
    shownBefore: before ? before.elements.nodes.length : Number.POSITIVE_INFINITY,
    grew: old !== undefined && [...resources].some((r) => !old.has(r)),
  };
}

/** The first VirtualService among the placed nodes, else the first of them: what to keep in sight. */
function firstOfKind(sized: readonly SizedNode[], placed: Readonly<Record<string, XY>>) {
  const nodes = sized.filter((n) => placed[n.id] !== undefined);
  return (nodes.find((n) => n.kind === 'virtualService') ?? nodes[0])?.id;
}

/** The nodes as boxes at the given positions (nodes without one are left out). */
function boxesOf(sized: readonly SizedNode[], at: Readonly<Record<string, XY>>): Box[] {
  const boxes: Box[] = [];
  for (const node of sized) {
    const position = at[node.id];
    if (position) boxes.push({ id: node.id, at: position, size: node.size });
  }
  return boxes;
}

/** The layout's view of the elements: boxes with measured (else estimated) sizes, rule ports. */
export function layoutInput(
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
