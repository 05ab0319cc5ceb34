import { useEffect, useMemo, useRef, useState } from 'react';
import type { CanvasEdge, CanvasNode } from './flowTypes.ts';

/** Nodes the canvas puts on screen for the first time in one frame, at first. */
export const FIRST_NEW_NODES = 40;

interface Budgeted {
  readonly nodes: CanvasNode[];
  readonly edges: CanvasEdge[];
}

/**
 * The nodes and edges to hand React Flow, so that a view of hundreds of nodes new to the screen
 * (an import of a thousand resources, a change of grouping) is drawn over a few frames instead
 * of one: every node drawn before stays, and at most `FIRST_NEW_NODES` new ones come in, then
 * twice as many each task after, until all are there. Creating, styling and laying out 200
 * group nodes at once was the longest task of an import. Edges come with both their ends.
 */
export function useMountBudget(nodes: CanvasNode[], edges: CanvasEdge[]): Budgeted {
  const drawn = useRef<ReadonlySet<string>>(new Set());
  const [budget, setBudget] = useState(FIRST_NEW_NODES);
  const shown = useMemo(
    () => withinBudget(nodes, edges, drawn.current, budget),
    [nodes, edges, budget],
  );
  useEffect(() => {
    drawn.current = new Set(shown.nodes.map((node) => node.id));
    if (!shown.partial) {
      setBudget(FIRST_NEW_NODES);
      return;
    }
    // A task later, so this frame is painted with what it has.
    const timer = setTimeout(() => setBudget((b) => b * 2), 0);
    return () => clearTimeout(timer);
  }, [shown]);
  return shown;
}

/**
 * Every node in `drawn` and at most `budget` others, in their order, with the edges whose ends
 * are both there; `partial` when some were left for later. The same arrays when none is.
 */
export function withinBudget(
  nodes: CanvasNode[],
  edges: CanvasEdge[],
  drawn: ReadonlySet<string>,
  budget: number,
): Budgeted & { readonly partial: boolean } {
  let fresh = 0;
  for (const node of nodes) if (!drawn.has(node.id)) fresh++;
  if (fresh <= budget) return { nodes, edges, partial: false };
  let left = budget;
  const some = nodes.filter((node) => drawn.has(node.id) || left-- > 0);
  const ids = new Set(some.map((node) => node.id));
  const ends = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { nodes: some, edges: ends, partial: true };
}
