import { describe, expect, it } from 'vitest';
import { columnLayout } from './fallbackLayout.ts';

describe('columnLayout', () => {
  it('puts kinds in request-path columns and centres each column', () => {
    const size = { width: 100, height: 40 };
    const at = columnLayout([
      { id: 'c', kind: 'client', size },
      { id: 'vs', kind: 'virtualService', size },
      { id: 's1', kind: 'subset', size },
      { id: 's2', kind: 'subset', size },
    ]);
    expect(at.c?.x).toBe(0);
    expect(at.vs?.x).toBeGreaterThan(0);
    expect(at.s1?.x).toBeGreaterThan(at.vs?.x ?? 0);
    expect(at.s2?.y).toBeGreaterThan(at.s1?.y ?? 0);
    // The lone VirtualService sits level with the middle of the two subsets.
    expect((at.vs?.y ?? 0) + 20).toBe(((at.s1?.y ?? 0) + (at.s2?.y ?? 0) + 40) / 2);
  });
});
