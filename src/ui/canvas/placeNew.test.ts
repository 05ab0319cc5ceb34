import { describe, expect, it } from 'vitest';
import { placeNew } from './placeNew.ts';

describe('placeNew', () => {
  const layout = {
    a: { x: 0, y: 0 },
    b: { x: 300, y: 0 },
    c: { x: 600, y: 0 },
    d: { x: 0, y: 400 },
  };
  const edges = [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
  ];

  const sizeOf = () => ({ width: 100, height: 50 });

  it('takes the fresh layout as it is when nothing is placed yet', () => {
    expect(placeNew(layout, {}, ['a', 'b'], edges, sizeOf)).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 300, y: 0 },
    });
  });

  it('moves new nodes with the neighbour they hang off, leaving placed nodes alone', () => {
    const stored = { a: { x: 1000, y: 50 } };
    expect(placeNew(layout, stored, ['b', 'c'], edges, sizeOf)).toEqual({
      b: { x: 1300, y: 50 },
      c: { x: 1600, y: 50 },
    });
  });

  it('moves a new node down past a placed node it would cover', () => {
    // The user dragged c to where b would go.
    const stored = { a: { x: 0, y: 0 }, c: { x: 310, y: 10 } };
    expect(placeNew(layout, stored, ['b'], edges, sizeOf)).toEqual({ b: { x: 300, y: 84 } });
  });

  it('puts unconnected new nodes below the placed ones', () => {
    const stored = { a: { x: 10, y: 20 } };
    const placed = placeNew(layout, stored, ['d'], edges, sizeOf);
    expect(placed.d?.x).toBe(10);
    expect(placed.d?.y).toBeGreaterThan(20);
  });
});
