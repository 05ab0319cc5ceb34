import type { Cubic } from './edgeGeometry.ts';

/** How far the path runs out of the source and into the target before it turns. */
const STUB = 16;

/**
 * The path of an edge that runs backwards, from a node on the right to one on its left: what
 * the banded layout (bands.ts) makes of the edge from the last layer of one band to the first
 * of the next. A bezier between the two would cut across the band above; this runs out of the
 * source, down to `laneY` (in the gap above the target's band), left along the gap, and down into
 * the target, as a person would draw it. Returns the SVG path and the stretch its label may sit
 * on: the run along the gap, clear of every node (a straight cubic, as the label layer takes).
 */
export function backwardPath(
  source: { readonly x: number; readonly y: number },
  target: { readonly x: number; readonly y: number },
  laneY: number,
): [path: string, labelRun: Cubic] {
  const out = source.x + STUB;
  const into = target.x - STUB;
  const points = [
    [source.x, source.y],
    [out, source.y],
    [out, laneY],
    [into, laneY],
    [into, target.y],
    [target.x, target.y],
  ];
  const path = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join(' ');
  const third = (into - out) / 3;
  return [
    path,
    [
      [out, laneY],
      [out + third, laneY],
      [out + 2 * third, laneY],
      [into, laneY],
    ],
  ];
}

/** Whether an edge runs backwards (its target stands left of its source), so wraps. */
export function runsBackward(sourceX: number, targetX: number): boolean {
  return targetX < sourceX - 2 * STUB;
}
