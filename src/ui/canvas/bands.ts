import type { XY } from '../../store/designerStore.ts';
import type { Size } from './nodeSize.ts';

/** Room between two bands, so the edges that wrap from one band to the next can be followed. */
export const BAND_GAP = 60;

/** A laid-out node: its layer (column), top-left corner and size. */
export interface PlacedBox {
  readonly id: string;
  readonly layer: number;
  readonly at: XY;
  readonly size: Size;
}

/** Where the layers go: `breaks[i]` is the first layer of band i + 1. */
export interface BandPlan {
  readonly breaks: readonly number[];
  /** The zoom at which the wrapped graph fits the pane. */
  readonly zoom: number;
}

interface Column {
  readonly layer: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The request path is a long row of layers (client, load balancer, … pods) and the pane beside
 * the editor is closer to a square: one row fitted to it is a thin strip of unreadable nodes.
 * This wraps the layers into bands stacked top to bottom, like lines of text, choosing where to
 * break so the whole graph fits the area at the largest zoom (never past `maxZoom`). Layers keep
 * their order and their nodes keep their place within the layer, so the layered layout's work
 * (crossings, rule rows lined up with their targets) survives.
 *
 * Pure: every layout decision here is tested without a browser.
 */
export function planBands(
  boxes: readonly PlacedBox[],
  area: Size,
  readableZoom: number,
  maxZoom = 1,
): BandPlan {
  const columns = columnsOf(boxes);
  if (columns.length === 0) return { breaks: [], zoom: maxZoom };
  const { width, height } = area;
  const zoomOf = (breaks: readonly number[]) => {
    const bands = bandsOf(columns, breaks);
    const w = Math.max(...bands.map((band) => band.width));
    const h = bands.reduce((sum, band) => sum + band.height, 0) + BAND_GAP * (bands.length - 1);
    return Math.min(maxZoom, width / w, height / h);
  };
  // Few layers (a dozen at most in practice): every way to cut them into 2 or 3 bands is cheap.
  const plans: BandPlan[] = [{ breaks: [], zoom: zoomOf([]) }];
  const cuts = columns.slice(1).map((column) => column.layer);
  for (const [i, first] of cuts.entries()) {
    plans.push({ breaks: [first], zoom: zoomOf([first]) });
    for (const second of cuts.slice(i + 1))
      plans.push({ breaks: [first, second], zoom: zoomOf([first, second]) });
  }
  // Near the best zoom (within 10 %, and still readable), fewer bands read more easily: every
  // break is an edge that wraps round to the next band, and the request path reads best in long
  // runs. Then the widest band's width decides, so the layers are shared out evenly.
  const top = Math.max(...plans.map((plan) => plan.zoom));
  const floor = top >= readableZoom ? Math.max(top * 0.9, readableZoom) : top * 0.98;
  const good = plans.filter((plan) => plan.zoom >= floor);
  const fewest = Math.min(...good.map((plan) => plan.breaks.length));
  const widest = (plan: BandPlan) =>
    Math.max(...bandsOf(columns, plan.breaks).map((band) => band.width));
  return good
    .filter((plan) => plan.breaks.length === fewest)
    .reduce((best, plan) => (widest(plan) < widest(best) ? plan : best));
}

/**
 * The positions with each band moved under the one before it, starting at the left edge, and
 * each layer's nodes starting at its band's top. The layered layout centres layers on each
 * other, which leaves a short layer (one VirtualService beside six subsets) floating halfway
 * down and the band twice as tall as its tallest layer; read top-down, rows start together.
 */
export function wrapIntoBands(
  boxes: readonly PlacedBox[],
  breaks: readonly number[],
): Record<string, XY> {
  const out: Record<string, XY> = {};
  const columns = columnsOf(boxes);
  const bands = bandsOf(columns, breaks);
  let top = Math.min(...columns.map((c) => c.top));
  const left = Math.min(...columns.map((c) => c.left));
  const shift = new Map<number, XY>();
  for (const band of bands) {
    for (const column of band.columns)
      shift.set(column.layer, { x: left - band.left, y: top - column.top });
    top += band.height + BAND_GAP;
  }
  for (const box of boxes) {
    const by = shift.get(box.layer) ?? { x: 0, y: 0 };
    out[box.id] = { x: box.at.x + by.x, y: box.at.y + by.y };
  }
  return out;
}

interface Band {
  readonly columns: readonly Column[];
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

function bandsOf(columns: readonly Column[], breaks: readonly number[]): Band[] {
  const groups: Column[][] = [];
  let group: Column[] = [];
  for (const column of columns) {
    if (breaks.includes(column.layer) && group.length > 0) {
      groups.push(group);
      group = [];
    }
    group.push(column);
  }
  if (group.length > 0) groups.push(group);
  return groups.map((group) => {
    const left = Math.min(...group.map((c) => c.left));
    const top = Math.min(...group.map((c) => c.top));
    const right = Math.max(...group.map((c) => c.right));
    // Columns start at the band's top (see wrapIntoBands): the tallest one is the band's height.
    const height = Math.max(...group.map((c) => c.bottom - c.top));
    return { columns: group, left, top, width: right - left, height };
  });
}

/** The extent of each layer, in layer order. */
function columnsOf(boxes: readonly PlacedBox[]): Column[] {
  const byLayer = new Map<number, Column>();
  for (const box of boxes) {
    const right = box.at.x + box.size.width;
    const bottom = box.at.y + box.size.height;
    const old = byLayer.get(box.layer);
    byLayer.set(
      box.layer,
      old
        ? {
            layer: box.layer,
            left: Math.min(old.left, box.at.x),
            right: Math.max(old.right, right),
            top: Math.min(old.top, box.at.y),
            bottom: Math.max(old.bottom, bottom),
          }
        : { layer: box.layer, left: box.at.x, right, top: box.at.y, bottom },
    );
  }
  return [...byLayer.values()].sort((a, b) => a.layer - b.layer);
}
