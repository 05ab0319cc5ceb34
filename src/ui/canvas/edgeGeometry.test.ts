import { describe, expect, it } from 'vitest';
import { pointOnPath } from './edgeGeometry.ts';

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
