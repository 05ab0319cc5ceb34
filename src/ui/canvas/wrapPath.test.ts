import { describe, expect, it } from 'vitest';
import { backwardPath, runsBackward } from './wrapPath.ts';

describe('backwardPath', () => {
  it('runs out right, along the lane, and into the target from the left', () => {
    const [path, labelX, labelY] = backwardPath({ x: 700, y: 100 }, { x: 20, y: 500 }, 440);
    expect(path).toBe('M700,100 L716,100 L716,440 L4,440 L4,500 L20,500');
    expect(labelY).toBe(440);
    expect(labelX).toBe(360);
  });

  it('only for edges whose target stands left of the source', () => {
    expect(runsBackward(700, 20)).toBe(true);
    expect(runsBackward(300, 340)).toBe(false);
  });
});
