/** The point at `t` of a one-segment cubic path `M x,y C x,y x,y x,y` (what getBezierPath gives). */
export function pointOnPath(path: string, t: number): [number, number] | undefined {
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
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3];
}
