import type { XY } from '../../store/designerStore.ts';
import type { Size } from './nodeSize.ts';

/** The node name's font size in canvas.css (`.cnode__name`): change one, change the other. */
export const NAME_FONT_PX = 14;
/** The smallest a node's name may be drawn on screen after a fit: readable without leaning in. */
export const MIN_NAME_PX = 12;
/** Below this zoom the names are too small to read. */
export const READABLE_ZOOM = MIN_NAME_PX / NAME_FONT_PX;
/**
 * Room kept around the fitted graph, in screen pixels: the "+ Add" button sits at the top left,
 * the zoom controls along the bottom.
 */
export const FIT_MARGIN = { top: 60, right: 24, bottom: 52, left: 24 } as const;

export interface Box {
  readonly id: string;
  readonly at: XY;
  readonly size: Size;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitChoice {
  readonly viewport: Viewport;
  /** Whether every node is in view; when not, the view shows the focused request path. */
  readonly all: boolean;
}

/** What to show when the whole graph cannot be read at once: a request path and its anchor. */
export interface Focus {
  readonly nodes: ReadonlySet<string>;
  /** The node to keep in sight above all (the focused rule's VirtualService). */
  readonly anchor: string | undefined;
}

/**
 * The view after a fit: the whole graph when it fits with names at least `MIN_NAME_PX` tall,
 * else the nodes of `focus` (the request path of the selected or first host) at a readable
 * zoom; when even the path is too large, the readable zoom showing the anchor and what follows
 * it, with as much of what precedes it as fits. Never zooms past 100 %: a small graph is
 * drawn at its natural size, centred.
 */
export function readableFit(
  boxes: readonly Box[],
  pane: Size,
  focus: Focus,
  maxZoom = 1,
): FitChoice {
  const all = fitBounds(boundsOf(boxes), pane, maxZoom);
  if (all.zoom >= READABLE_ZOOM || boxes.length === 0) return { viewport: all, all: true };
  const path = boxes.filter((box) => focus.nodes.has(box.id));
  if (path.length === 0) return { viewport: all, all: true };
  const bounds = boundsOf(path);
  const fitted = fitBounds(bounds, pane, maxZoom);
  if (fitted.zoom >= READABLE_ZOOM) return { viewport: fitted, all: false };
  const zoom = READABLE_ZOOM;
  const anchored = path.filter((box) => box.id === focus.anchor);
  const anchor = boundsOf(anchored.length > 0 ? anchored : path);
  const area = fitArea(pane);
  const m = FIT_MARGIN;
  // The anchor and what it leads to first (its services and pods), then as much of what leads
  // to it (gateway, load balancer, client) as still fits.
  const left = Math.max(bounds.left, Math.min(anchor.left, bounds.right - area.width / zoom));
  const top = Math.max(bounds.top, Math.min(anchor.top, bounds.bottom - area.height / zoom));
  return { viewport: { x: m.left - left * zoom, y: m.top - top * zoom, zoom }, all: false };
}

export interface Bounds {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export function boundsOf(boxes: readonly Box[]): Bounds {
  if (boxes.length === 0) return { left: 0, top: 0, right: 0, bottom: 0 };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    left = Math.min(left, box.at.x);
    top = Math.min(top, box.at.y);
    right = Math.max(right, box.at.x + box.size.width);
    bottom = Math.max(bottom, box.at.y + box.size.height);
  }
  return { left, top, right, bottom };
}

/** The pane less the margins: where a fitted graph goes. */
export function fitArea(pane: Size): Size {
  const m = FIT_MARGIN;
  return {
    width: Math.max(1, pane.width - m.left - m.right),
    height: Math.max(1, pane.height - m.top - m.bottom),
  };
}

/** The largest zoom (up to `maxZoom`) at which the bounds fit the pane's fit area, centred in it. */
function fitBounds(bounds: Bounds, pane: Size, maxZoom: number): Viewport {
  const area = fitArea(pane);
  const width = Math.max(1, bounds.right - bounds.left);
  const height = Math.max(1, bounds.bottom - bounds.top);
  const zoom = Math.min(maxZoom, area.width / width, area.height / height);
  return {
    x: FIT_MARGIN.left + area.width / 2 - ((bounds.left + bounds.right) / 2) * zoom,
    y: FIT_MARGIN.top + area.height / 2 - ((bounds.top + bounds.bottom) / 2) * zoom,
    zoom,
  };
}

/** Whether every box lies inside the pane under the viewport (with a pixel of slack). */
export function allInView(boxes: readonly Box[], pane: Size, viewport: Viewport): boolean {
  return boxes.every((box) => {
    const left = box.at.x * viewport.zoom + viewport.x;
    const top = box.at.y * viewport.zoom + viewport.y;
    const right = left + box.size.width * viewport.zoom;
    const bottom = top + box.size.height * viewport.zoom;
    return left >= -1 && top >= -1 && right <= pane.width + 1 && bottom <= pane.height + 1;
  });
}
