import { describe, expect, it } from 'vitest';
import {
  type Box,
  type Cubic,
  type LabelRequest,
  overlap,
  placeLabels,
  pointOnCubic,
  pointOnPath,
} from './edgeGeometry.ts';

describe('pointOnPath', () => {
  it('evaluates the cubic of a bezier edge path', () => {
    const path = 'M0,0 C50,0 50,100 100,100';
    expect(pointOnPath(path, 0)).toEqual([0, 0]);
    expect(pointOnPath(path, 1)).toEqual([100, 100]);
    expect(pointOnPath(path, 0.5)).toEqual([50, 50]);
  });

  it('gives nothing for a path it does not understand', () => {
    expect(pointOnPath('M0,0 L10,10', 0.5)).toBeUndefined();
  });
});

/** A bezier as getBezierPath draws one from a right handle to a left handle. */
function edge(from: [number, number], to: [number, number]): Cubic {
  const mid = (from[0] + to[0]) / 2;
  return [from, [mid, from[1]], [mid, to[1]], to];
}

function label(id: string, curve: Cubic, text = '80%', prefer = 0.25): LabelRequest {
  return { id, curve, prefer, width: text.length * 8 + 14, height: 20 };
}

function boxOf(request: LabelRequest, centre: readonly [number, number] | undefined): Box {
  if (!centre) throw new Error(`${request.id} was not placed`);
  return {
    x: centre[0] - request.width / 2,
    y: centre[1] - request.height / 2,
    width: request.width,
    height: request.height,
  };
}

describe('placeLabels', () => {
  it('keeps a label on its edge, where it would rather be, when nothing is in the way', () => {
    const request = label('a', edge([0, 0], [400, 100]));
    const places = placeLabels([request], []);
    expect(places.get('a')).toEqual(pointOnCubic(request.curve, 0.25));
  });

  it('moves a label along its edge off a node the edge passes behind (the weight under the service node)', () => {
    // A rule at x 0 routes to a subset at x 500; the Service node sits in between.
    const service: Box = { x: 60, y: -40, width: 220, height: 80 };
    const subset: Box = { x: 500, y: -40, width: 160, height: 80 };
    const request = label('a', edge([0, 0], [500, 0]));
    const centre = placeLabels([request], [service, subset]).get('a');
    expect(overlap(boxOf(request, centre), service)).toBe(0);
    expect(overlap(boxOf(request, centre), subset)).toBe(0);
    // Still on the edge (a straight line here), between the Service and the subset.
    expect(centre?.[1]).toBeCloseTo(0);
    expect(centre?.[0]).toBeGreaterThan(280);
  });

  it('never stacks the labels of two edges leaving one rule', () => {
    const rule: [number, number] = [0, 100];
    const requests = [
      label('v1', edge(rule, [300, 90]), '80% of requests'),
      label('v2', edge(rule, [300, 120]), '20% of requests'),
      label('v3', edge(rule, [300, 140]), 'mirror 5%', 0.75),
    ];
    const places = placeLabels(requests, []);
    const boxes = requests.map((r) => boxOf(r, places.get(r.id)));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(0);
  });

  it('puts a label beside its edge when the whole edge runs behind a node', () => {
    const node: Box = { x: -50, y: -30, width: 500, height: 60 };
    const request = label('a', edge([0, 0], [400, 0]), '20% of requests');
    const centre = placeLabels([request], [node]).get('a');
    expect(overlap(boxOf(request, centre), node)).toBe(0);
    // Just off the node, not far from the edge.
    expect(Math.abs(centre?.[1] ?? 0)).toBeLessThan(30 + 3 * 23);
  });
});
