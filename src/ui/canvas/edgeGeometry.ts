/** A point of the flow's coordinates. */
export type Point = readonly [number, number];

/** The four control points of a one-segment cubic bezier (what getBezierPath draws). */
export type Cubic = readonly [Point, Point, Point, Point];

/** A rectangle of the flow's coordinates, from its top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The control points of a one-segment cubic path `M x,y C x,y x,y x,y`. */
export function cubicOf(path: string): Cubic | undefined {
  const n = path.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)?.map(Number);
  if (!n || n.length < 8) return undefined;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = n as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return [
    [x0, y0],
    [x1, y1],
    [x2, y2],
    [x3, y3],
  ];
}

/** The point at `t` (0 at the source, 1 at the target) of a cubic. */
export function pointOnCubic(curve: Cubic, t: number): Point {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = curve;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3];
}

/** The point at `t` of a one-segment cubic path; nothing for a path it does not understand. */
export function pointOnPath(path: string, t: number): Point | undefined {
  const curve = cubicOf(path);
  return curve && pointOnCubic(curve, t);
}

/** A label to place on its edge: its curve, its size, and where along the curve it would rather sit. */
export interface LabelRequest {
  readonly id: string;
  readonly curve: Cubic;
  readonly width: number;
  readonly height: number;
  /** The preferred `t` along the curve (0 source, 1 target). */
  readonly prefer: number;
}

/** Space kept between a label and what it must not touch. */
const GAP = 3;
/** How far along the curve a label may move from its preference, in steps of 0.05 each way. */
const SLIDES = 16;
/** Sideways steps (in label heights) tried where no place along the curve is free. */
const NUDGES = [1, -1, 2, -2, 3, -3];
/**
 * What a step off the curve costs, as a share of the label's area covering a node: a label on
 * its edge over a node's border reads better than one floating away from its edge.
 */
const NUDGE_COST = 0.35;

/**
 * Centres for edge labels such that no two labels overlap and, wherever the edge shows between
 * nodes, no label covers a node: each label slides along its own edge from its preferred place
 * (an edge that passes behind a node gets its label where it is visible), and only where no
 * visible stretch is long enough is it nudged off the curve, or left over a node's edge when
 * that covers less than a step away would cost (NUDGE_COST). Labels are placed in the order
 * given, so the caller decides who gets the best places. Overlap with another label is never
 * accepted while a free place exists.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
): Map<string, Point> {
  const placed: Box[] = [];
  const out = new Map<string, Point>();
  for (const request of requests) {
    const near = nearby(request, obstacles);
    let best: { centre: Point; cost: number } | undefined;
    const area = (request.width + 2 * GAP) * (request.height + 2 * GAP);
    for (const [centre, nudge] of candidates(request)) {
      const box = boxAt(centre, request);
      const cost =
        1000 * coverage(box, placed) + coverage(box, near) + Math.abs(nudge) * NUDGE_COST * area;
      if (best === undefined || cost < best.cost) best = { centre, cost };
      if (cost === 0) break;
    }
    if (!best) continue;
    out.set(request.id, best.centre);
    placed.push(boxAt(best.centre, request));
  }
  return out;
}

/**
 * Places along the curve, nearest the preference first, then the same places nudged sideways,
 * each with its nudge (in label heights).
 */
function* candidates(request: LabelRequest): Generator<readonly [Point, number]> {
  const ts = [request.prefer];
  for (let step = 1; step <= SLIDES; step++) {
    for (const t of [request.prefer - step * 0.05, request.prefer + step * 0.05])
      if (t >= 0.06 && t <= 0.94) ts.push(t);
  }
  const along = ts.map((t) => pointOnCubic(request.curve, t));
  for (const point of along) yield [point, 0];
  for (const k of NUDGES)
    for (const [x, y] of along) yield [[x, y + k * (request.height + GAP)], k];
}

function boxAt([x, y]: Point, { width, height }: LabelRequest): Box {
  return {
    x: x - width / 2 - GAP,
    y: y - height / 2 - GAP,
    width: width + 2 * GAP,
    height: height + 2 * GAP,
  };
}

/** The obstacles that any candidate of this label could touch. */
function nearby(request: LabelRequest, obstacles: readonly Box[]): Box[] {
  const xs = request.curve.map((p) => p[0]);
  const ys = request.curve.map((p) => p[1]);
  const reachX = request.width + GAP * 2;
  const reachY = (request.height + GAP) * (NUDGES.length / 2 + 1);
  const area: Box = {
    x: Math.min(...xs) - reachX,
    y: Math.min(...ys) - reachY,
    width: Math.max(...xs) - Math.min(...xs) + 2 * reachX,
    height: Math.max(...ys) - Math.min(...ys) + 2 * reachY,
  };
  return obstacles.filter((box) => overlap(area, box) > 0);
}

/** The area of `box` covered by `others` (summed: a place under two things is worse). */
function coverage(box: Box, others: readonly Box[]): number {
  let sum = 0;
  for (const other of others) sum += overlap(box, other);
  return sum;
}

/** The area two boxes share. */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
