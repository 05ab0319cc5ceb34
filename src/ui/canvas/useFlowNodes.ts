import { useMemo, useRef } from 'react';
import type { XY } from '../../store/designerStore.ts';
import type { BaseNode, CanvasNode } from './flowTypes.ts';
import type { Size } from './nodeSize.ts';

interface Cached {
  readonly base: BaseNode;
  readonly at: XY;
  readonly selected: boolean;
  readonly size: Size | undefined;
  readonly node: CanvasNode;
}

/**
 * The nodes React Flow draws: the graph's nodes placed (stored position, else where the node was
 * last drawn, else the quick fallback), selected per the store, with the sizes React Flow
 * measured. React Flow keeps a node's internal state only while the object stays the same, and
 * drops its measured size when `measured` is missing, so an unchanged node keeps its object and
 * every node carries its measured size.
 */
export function useFlowNodes(
  bases: readonly BaseNode[],
  positions: Readonly<Record<string, XY>>,
  fallback: Readonly<Record<string, XY>>,
  selection: string | null,
  measured: ReadonlyMap<string, Size>,
): CanvasNode[] {
  const cache = useRef(new Map<string, Cached>());
  return useMemo(() => {
    const previous = cache.current;
    const next = new Map<string, Cached>();
    const nodes = bases.map((base) => {
      const old = previous.get(base.id);
      // Where the node was drawn last: Auto layout clears positions, and nodes should wait
      // there for the new layout rather than jump to the fallback columns in between.
      const at = positions[base.id] ?? old?.at ?? fallback[base.id] ?? { x: 0, y: 0 };
      const selected = base.id === selection;
      const size = measured.get(base.id);
      const same =
        old &&
        old.base === base &&
        old.at.x === at.x &&
        old.at.y === at.y &&
        old.selected === selected &&
        old.size === size;
      const node: CanvasNode = same
        ? old.node
        : { ...base, position: at, selected, ...(size ? { measured: size } : {}) };
      next.set(base.id, { base, at, selected, size, node });
      return node;
    });
    cache.current = next;
    return nodes;
  }, [bases, positions, fallback, selection, measured]);
}
