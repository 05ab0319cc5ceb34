import { describe, expect, it } from 'vitest';
import {
  BLOCK_GAP,
  COMPACT_NAME_PX,
  COMPACT_ZOOM,
  type LayoutBlock,
  lineWidthFor,
  overviewViewport,
  packBlocks,
} from './blockLayout.ts';
import { READABLE_ZOOM } from './readableFit.ts';

const tile = (id: string): LayoutBlock => ({
  id,
  nodes: [{ id, kind: 'gateway', size: { width: 240, height: 100 } }],
  local: { [id]: { x: 0, y: 0 } },
});

const sizes = (blocks: readonly LayoutBlock[]) => blocks.map(() => ({ width: 240, height: 100 }));

describe('packBlocks', () => {
  it('packs tiles into lines about as wide as tall in the pane, none overlapping', () => {
    const tiles = Array.from({ length: 30 }, (_, i) => tile(`g${i}`));
    const pane = { width: 1600, height: 1000 };
    const at = packBlocks(tiles, lineWidthFor(sizes(tiles), pane));
    const xs = new Set(Object.values(at).map((p) => p.x));
    const ys = new Set(Object.values(at).map((p) => p.y));
    const ratio = (xs.size * (240 + BLOCK_GAP.x)) / (ys.size * (100 + BLOCK_GAP.y));
    expect(ratio).toBeGreaterThan(1.6 * 0.6);
    expect(ratio).toBeLessThan(1.6 * 1.6);
    expect(new Set(Object.values(at).map((p) => `${p.x},${p.y}`)).size).toBe(30);
  });

  it('packs a thousand tiles in lines the pane shows whole at a readable zoom', () => {
    const tiles = Array.from({ length: 1000 }, (_, i) => tile(`g${i}`));
    const pane = { width: 800, height: 600 };
    const at = packBlocks(tiles, lineWidthFor(sizes(tiles), pane));
    const boxes = Object.entries(at).map(([id, p]) => ({
      id,
      at: p,
      size: { width: 240, height: 100 },
    }));
    const view = overviewViewport(boxes, pane);
    expect(view.zoom * COMPACT_NAME_PX).toBeGreaterThanOrEqual(12);
    const right = Math.max(...boxes.map((b) => b.at.x + 240)) * view.zoom + view.x;
    expect(right).toBeLessThanOrEqual(800);
  });

  it('gives an open group the room its nodes take, on the line where it was', () => {
    const open: LayoutBlock = {
      id: 'open',
      nodes: [
        { id: 'a', kind: 'gateway', size: { width: 240, height: 100 } },
        { id: 'b', kind: 'virtualService', size: { width: 240, height: 200 } },
      ],
      local: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 } },
    };
    const at = packBlocks([tile('g0'), open, tile('g2')], 2000);
    expect(at.a).toEqual({ x: 240 + BLOCK_GAP.x, y: 0 });
    expect(at.g2?.x).toBe(240 + BLOCK_GAP.x + 540 + BLOCK_GAP.x);
  });
});

describe('overviewViewport', () => {
  const boxes = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `n${i}`,
      at: { x: (i % 20) * 300, y: Math.floor(i / 20) * 150 },
      size: { width: 240, height: 100 },
    }));

  it('never lands where names are too small: full names readable, or compact ones ≥ 12 px', () => {
    for (const count of [1, 10, 60, 200, 1000]) {
      const { zoom } = overviewViewport(boxes(count), { width: 800, height: 600 });
      const readable =
        zoom >= READABLE_ZOOM || (zoom < COMPACT_ZOOM && zoom * COMPACT_NAME_PX >= 12);
      expect(readable, `${count} boxes at zoom ${zoom}`).toBe(true);
    }
  });
});
