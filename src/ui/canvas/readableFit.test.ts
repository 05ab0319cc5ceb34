import { describe, expect, it } from 'vitest';
import {
  allInView,
  type Box,
  FIT_MARGIN,
  NAME_FONT_PX,
  READABLE_ZOOM,
  readableFit,
} from './readableFit.ts';

const box = (id: string, x: number, y: number, width = 200, height = 100): Box => ({
  id,
  at: { x, y },
  size: { width, height },
});
const PANE = { width: 800, height: 700 };
const NO_FOCUS = { nodes: new Set<string>(), anchor: undefined };

describe('readableFit', () => {
  it('fits a graph that can be read whole, every node in the pane', () => {
    const boxes = [box('a', 0, 0), box('b', 300, 0), box('c', 600, 200)];
    const { viewport, all } = readableFit(boxes, PANE, NO_FOCUS);
    expect(all).toBe(true);
    expect(viewport.zoom * NAME_FONT_PX).toBeGreaterThanOrEqual(12);
    expect(allInView(boxes, PANE, viewport)).toBe(true);
  });

  it('never zooms past 100 %', () => {
    const { viewport } = readableFit([box('a', 0, 0)], PANE, NO_FOCUS);
    expect(viewport.zoom).toBe(1);
  });

  it('shows the focused path when the whole graph would be unreadable', () => {
    const boxes = [
      box('a', 0, 0),
      box('b', 300, 0),
      ...Array.from({ length: 40 }, (_, i) => box(`x${i}`, 600, i * 120)),
    ];
    const focus = new Set(['a', 'b', 'x0']);
    const { viewport, all } = readableFit(boxes, PANE, { nodes: focus, anchor: 'b' });
    expect(all).toBe(false);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const path = boxes.filter((b) => focus.has(b.id));
    expect(allInView(path, PANE, viewport)).toBe(true);
  });

  it('keeps names readable and the anchor in sight when even the path is too long', () => {
    const boxes = Array.from({ length: 12 }, (_, i) => box(`p${i}`, i * 300, 0));
    const nodes = new Set(boxes.map((b) => b.id));
    const near = readableFit(boxes, PANE, { nodes, anchor: 'p1' }).viewport;
    expect(near.zoom).toBeCloseTo(READABLE_ZOOM);
    // The anchor at the left margin, followed by what it leads to.
    expect(near.x).toBeCloseTo(FIT_MARGIN.left - 300 * near.zoom);
    const end = readableFit(boxes, PANE, { nodes, anchor: 'p11' }).viewport;
    // At the end of the path, what leads to the anchor fills the rest of the view.
    expect(allInView(boxes.slice(9), PANE, end)).toBe(true);
    expect(end.x).toBeLessThan(near.x);
  });
});
