import type { XY } from '../../store/designerStore.ts';
import type { Size, SizedNode } from './nodeSize.ts';
import {
  type Box,
  boundsOf,
  FIT_MARGIN,
  fitArea,
  READABLE_ZOOM,
  type Viewport,
} from './readableFit.ts';

/**
 * A large graph is laid out as blocks: the shared nodes (client, load balancer, gateway pods),
 * then one block per group (a collapsed group's single node, or an open group's header over its
 * own nodes). Blocks are packed like words in lines, so a thousand collapsed groups take one
 * pass, and the layered layout only ever runs inside one open group. Pure.
 */
export interface LayoutBlock {
  readonly id: string;
  readonly nodes: readonly SizedNode[];
  /** Each node's place inside the block (top left at 0,0 or near it). */
  readonly local: Readonly<Record<string, XY>>;
}

/** Room between blocks: wide enough that the edges between them can be followed. */
export const BLOCK_GAP = { x: 60, y: 48 } as const;

/** A block's extent from its origin. */
export function blockSize(block: LayoutBlock): Size {
  let width = 0;
  let height = 0;
  for (const node of block.nodes) {
    const at = block.local[node.id] ?? { x: 0, y: 0 };
    width = Math.max(width, at.x + node.size.width);
    height = Math.max(height, at.y + node.size.height);
  }
  return { width, height };
}

/**
 * The line width that makes the packed tiles about as wide as tall in the pane's proportions,
 * from the tiles alone (open groups are left out), so opening a group does not reflow the rest
 * into another shape. When so many tiles could only be read by scrolling, lines as wide as the
 * pane at the smallest readable zoom: the view then scrolls one way, down.
 */
export function lineWidthFor(tiles: readonly Size[], pane: Size): number {
  let area = 0;
  let widest = 0;
  for (const tile of tiles) {
    area += (tile.width + BLOCK_GAP.x) * (tile.height + BLOCK_GAP.y);
    widest = Math.max(widest, tile.width);
  }
  const room = fitArea(pane);
  const aspect = pane.width > 0 && pane.height > 0 ? room.width / room.height : 16 / 9;
  const square = Math.max(widest, Math.sqrt(area * aspect));
  if (pane.width === 0 || square * COMPACT_READABLE_ZOOM <= room.width) return square;
  return Math.max(widest, room.width / COMPACT_READABLE_ZOOM);
}

/** Places blocks left to right, starting a new line when the next would pass `lineWidth`. */
export function packBlocks(blocks: readonly LayoutBlock[], lineWidth: number): Record<string, XY> {
  const out: Record<string, XY> = {};
  let x = 0;
  let y = 0;
  let lineHeight = 0;
  for (const block of blocks) {
    const size = blockSize(block);
    if (x > 0 && x + size.width > lineWidth) {
      x = 0;
      y += lineHeight + BLOCK_GAP.y;
      lineHeight = 0;
    }
    for (const node of block.nodes) {
      const at = block.local[node.id] ?? { x: 0, y: 0 };
      out[node.id] = { x: x + at.x, y: y + at.y };
    }
    x += size.width + BLOCK_GAP.x;
    lineHeight = Math.max(lineHeight, size.height);
  }
  return out;
}

/** Positions moved so the top-left corner of all of them is at 0,0. */
export function normalise(positions: Readonly<Record<string, XY>>): Record<string, XY> {
  const values = Object.values(positions);
  const left = Math.min(...values.map((p) => p.x));
  const top = Math.min(...values.map((p) => p.y));
  const out: Record<string, XY> = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: p.x - left, y: p.y - top };
  return out;
}

/**
 * Below this zoom nodes draw as compact shapes (canvas `--compact`): the kind's colour and the
 * name in a large font, no rows. Between it and the readable zoom names would be too small.
 */
export const COMPACT_ZOOM = 0.45;
/** The compact name's font size (bigGraph.css `.flow-canvas--compact .cnode__name`). */
export const COMPACT_NAME_PX = 36;
/** The smallest zoom at which a compact name is still 12 px on screen. */
const COMPACT_READABLE_ZOOM = 12 / COMPACT_NAME_PX;

/**
 * The view of a large graph: all of it when names can be read (full nodes at the readable
 * zoom, or compact ones below `COMPACT_ZOOM`), else its top left at the smallest zoom where
 * compact names still read 12 px; never between the two (names there are too small either way).
 */
export function overviewViewport(boxes: readonly Box[], pane: Size): Viewport {
  const area = fitArea(pane);
  if (boxes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const { left, top, right, bottom } = boundsOf(boxes);
  const width = Math.max(1, right - left);
  const height = Math.max(1, bottom - top);
  const fit = Math.min(1, area.width / width, area.height / height);
  const zoom =
    fit >= READABLE_ZOOM
      ? fit
      : fit >= COMPACT_ZOOM
        ? COMPACT_ZOOM - 0.01
        : Math.max(fit, COMPACT_READABLE_ZOOM);
  // Centred where it fits, else from the top left (the shared nodes and the first groups).
  const x =
    width * zoom <= area.width
      ? FIT_MARGIN.left + (area.width - width * zoom) / 2 - left * zoom
      : FIT_MARGIN.left - left * zoom;
  const y =
    height * zoom <= area.height
      ? FIT_MARGIN.top + (area.height - height * zoom) / 2 - top * zoom
      : FIT_MARGIN.top - top * zoom;
  return { x, y, zoom };
}
