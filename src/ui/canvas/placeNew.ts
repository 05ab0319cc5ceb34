import type { XY } from '../../store/designerStore.ts';
import type { Size } from './nodeSize.ts';

const GAP = 60;
/** Vertical room kept between a new node and one it would have overlapped. */
const CLEARANCE = 24;

/**
 * Places nodes that have no stored position, given a fresh layout of the whole graph, without
 * moving any node that has one (positions the user dragged stay put).
 *
 * A new node keeps its place in the fresh layout relative to a neighbour that already stands
 * somewhere: it moves by the same offset as that neighbour moved between the fresh layout and
 * its stored place. A renamed VirtualService thus appears where the old one stood. New nodes
 * joined only to other new nodes follow those; new nodes joined to nothing placed go below
 * everything else. A new node that would overlap another moves down until it does not.
 */
export function placeNew(
  layout: Readonly<Record<string, XY>>,
  stored: Readonly<Record<string, XY>>,
  missing: readonly string[],
  edges: readonly { readonly source: string; readonly target: string }[],
  sizeOf: (id: string) => Size,
): Record<string, XY> {
  const placedIds = Object.keys(layout).filter((id) => stored[id] !== undefined);
  if (placedIds.length === 0) return pick(layout, missing);

  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }

  const offsets = new Map<string, XY>();
  for (const id of placedIds) offsets.set(id, minus(stored[id] as XY, layout[id] as XY));
  // Breadth first from the placed nodes, so each new node takes its nearest placed neighbour's offset.
  const queue = [...placedIds];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    const offset = offsets.get(id) as XY;
    for (const next of neighbours.get(id) ?? []) {
      if (offsets.has(next) || layout[next] === undefined) continue;
      offsets.set(next, offset);
      queue.push(next);
    }
  }

  const out: Record<string, XY> = {};
  const loose: string[] = [];
  for (const id of missing) {
    const at = layout[id];
    const offset = offsets.get(id);
    if (!at) continue;
    if (offset) out[id] = plus(at, offset);
    else loose.push(id);
  }
  if (loose.length > 0) Object.assign(out, below(layout, stored, placedIds, loose));
  return clearOverlaps(
    out,
    placedIds.map((id) => box(id, stored[id] as XY, sizeOf)),
    sizeOf,
  );
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly bottom: number;
}

const box = (id: string, at: XY, sizeOf: (id: string) => Size): Box => {
  const size = sizeOf(id);
  return { x: at.x, y: at.y, right: at.x + size.width, bottom: at.y + size.height };
};

const overlaps = (a: Box, b: Box) =>
  a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

/**
 * Moves each new node down past whatever it overlaps (placed nodes and new nodes already
 * cleared), so a node the text adds never hides one the user placed.
 */
function clearOverlaps(
  placed: Record<string, XY>,
  obstacles: Box[],
  sizeOf: (id: string) => Size,
): Record<string, XY> {
  const out: Record<string, XY> = {};
  for (const [id, at] of Object.entries(placed)) {
    let current = box(id, at, sizeOf);
    for (let hit = obstacles.find((o) => overlaps(o, current)); hit; ) {
      current = box(id, { x: current.x, y: hit.bottom + CLEARANCE }, sizeOf);
      hit = obstacles.find((o) => overlaps(o, current));
    }
    out[id] = { x: current.x, y: current.y };
    obstacles.push(current);
  }
  return out;
}

/** Unconnected new nodes, kept in their fresh arrangement, under the placed ones. */
function below(
  layout: Readonly<Record<string, XY>>,
  stored: Readonly<Record<string, XY>>,
  placedIds: readonly string[],
  loose: readonly string[],
): Record<string, XY> {
  let left = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const id of placedIds) {
    const at = stored[id] as XY;
    left = Math.min(left, at.x);
    // Node heights are not known here: leave room for a tall one.
    bottom = Math.max(bottom, at.y + 200);
  }
  const top = Math.min(...loose.map((id) => (layout[id] as XY).y));
  const start = Math.min(...loose.map((id) => (layout[id] as XY).x));
  const out: Record<string, XY> = {};
  for (const id of loose) {
    const at = layout[id] as XY;
    out[id] = { x: left + at.x - start, y: bottom + GAP + at.y - top };
  }
  return out;
}

function pick(layout: Readonly<Record<string, XY>>, ids: readonly string[]): Record<string, XY> {
  const out: Record<string, XY> = {};
  for (const id of ids) {
    const at = layout[id];
    if (at) out[id] = at;
  }
  return out;
}

const minus = (a: XY, b: XY): XY => ({ x: a.x - b.x, y: a.y - b.y });
const plus = (a: XY, b: XY): XY => ({ x: a.x + b.x, y: a.y + b.y });
