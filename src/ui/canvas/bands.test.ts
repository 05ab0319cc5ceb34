import { describe, expect, it } from 'vitest';
import { BAND_GAP, type PlacedBox, planBands, wrapIntoBands } from './bands.ts';

/** The example's request path: eight layers of boxes 200 wide, 100 high, 40 apart, in one row. */
function row(layers: number, perLayer = 1): PlacedBox[] {
  const boxes: PlacedBox[] = [];
  for (let layer = 0; layer < layers; layer++)
    for (let i = 0; i < perLayer; i++)
      boxes.push({
        id: `n${layer}.${i}`,
        layer,
        at: { x: layer * 240, y: i * 120 },
        size: { width: 200, height: 100 },
      });
  return boxes;
}

/** The zoom below which names are unreadable, as the canvas sets it. */
const R = 12 / 14;

describe('planBands', () => {
  it('keeps one band where the pane is wide enough for the whole row', () => {
    const plan = planBands(row(4), { width: 2000, height: 400 }, R);
    expect(plan.breaks).toEqual([]);
    expect(plan.zoom).toBe(1);
  });

  it('wraps a long row into two bands for a pane over twice as wide as tall', () => {
    // One band: 1880 wide → zoom 0.43 in 800 px. Two bands of 4 layers: 920 wide → 0.87.
    // Three bands would be narrower but too tall: 420 high → 0.86.
    const plan = planBands(row(8), { width: 800, height: 360 }, R);
    expect(plan.breaks).toEqual([4]);
    expect(plan.zoom).toBeCloseTo(800 / 920, 3);
  });

  it('prefers fewer bands when more would gain little and the names still read', () => {
    // Two bands of four: 920 wide in 860 → 0.93; three bands would reach 1.0.
    expect(planBands(row(8), { width: 860, height: 800 }, R).breaks).toEqual([4]);
    // But not when the fewer bands would be too small to read.
    expect(planBands(row(8), { width: 720, height: 800 }, R).breaks).toHaveLength(2);
  });

  it('prefers fewer bands when more would gain next to nothing', () => {
    // Two bands already reach 100 %: a third cannot do better.
    const plan = planBands(row(6), { width: 800, height: 800 }, R);
    expect(plan.breaks).toEqual([3]);
    expect(plan.zoom).toBe(1);
  });

  it('wraps into three bands for a tall narrow pane', () => {
    // Three layers a band: 680 wide, 420 high; two bands would be 1160 wide (zoom 0.6).
    const plan = planBands(row(9), { width: 680, height: 1400 }, R);
    expect(plan.breaks).toEqual([3, 6]);
    expect(plan.zoom).toBe(1);
  });

  it('does not wrap a graph that is already taller than wide', () => {
    const plan = planBands(row(3, 12), { width: 800, height: 700 }, R);
    expect(plan.breaks).toEqual([]);
  });
});

describe('wrapIntoBands', () => {
  it('moves each band under the previous one, back to the left edge', () => {
    const at = wrapIntoBands(row(4), [2]);
    expect(at['n0.0']).toEqual({ x: 0, y: 0 });
    expect(at['n1.0']).toEqual({ x: 240, y: 0 });
    expect(at['n2.0']).toEqual({ x: 0, y: 100 + BAND_GAP });
    expect(at['n3.0']).toEqual({ x: 240, y: 100 + BAND_GAP });
  });

  it('keeps the order of nodes within a layer', () => {
    const at = wrapIntoBands(row(4, 2), [2]);
    expect(at['n2.1']?.y).toBeGreaterThan(at['n2.0']?.y ?? 0);
    expect(at['n2.0']?.y).toBe(220 + BAND_GAP);
  });

  it("starts every layer at its band's top: nothing floats halfway down", () => {
    const boxes: PlacedBox[] = [
      { id: 'vs', layer: 0, at: { x: 0, y: 300 }, size: { width: 200, height: 100 } },
      ...[0, 1, 2, 3].map((i) => ({
        id: `s${i}`,
        layer: 1,
        at: { x: 240, y: i * 120 },
        size: { width: 200, height: 100 },
      })),
    ];
    const at = wrapIntoBands(boxes, []);
    expect(at.vs).toEqual({ x: 0, y: 0 });
    expect(at.s3).toEqual({ x: 240, y: 360 });
    // The band is as tall as its tallest layer.
    expect(planBands(boxes, { width: 440, height: 460 }, R).zoom).toBe(1);
  });

  it('leaves positions alone without breaks when layers start together', () => {
    const boxes = row(3);
    expect(wrapIntoBands(boxes, [])).toEqual(Object.fromEntries(boxes.map((b) => [b.id, b.at])));
  });
});
