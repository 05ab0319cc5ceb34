import { describe, expect, it } from 'vitest';
import { backwardPath, runsBackward } from './wrapPath.ts';

describe('backwardPath', () => {
  it('runs out right, along the lane, and into the target from the left', () => {
    const [path, run] = backwardPath({ x: 700, y: 100 }, { x: 20, y: 500 }, 440);
    expect(path).toBe('M700,100 L716,100 L716,440 L4,440 L4,500 L20,500');
    // The label runs along the gap, from above the source's exit to above the target's entry.
    expect(run[0]).toEqual([716, 440]);
    expect(run[3]).toEqual([4, 440]);
  });

  it('only for edges whose target stands left of the source', () => {
    expect(runsBackward(700, 20)).toBe(true);
    expect(runsBackward(300, 340)).toBe(false);
  });
});
