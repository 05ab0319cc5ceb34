import { describe, expect, it } from 'vitest';
import { elkLayout } from './elkLayout.ts';

describe('elkLayout', () => {
  it('lays a chain out left to right (the bundled ELK, as Node has no Worker)', async () => {
    const box = { width: 100, height: 40 };
    const at = await elkLayout(
      [
        { id: 'a', layer: 0, ...box },
        {
          id: 'vs',
          layer: 1,
          width: 200,
          height: 120,
          ports: [
            { id: 'r0', y: 60 },
            { id: 'r1', y: 100 },
          ],
        },
        { id: 'b', layer: 2, ...box },
        { id: 'c', layer: 2, ...box },
      ],
      [
        { id: 'e1', source: 'a', target: 'vs' },
        { id: 'e2', source: 'vs', target: 'b', sourcePort: 'r0' },
        { id: 'e3', source: 'vs', target: 'c', sourcePort: 'r1' },
        { id: 'dangling', source: 'vs', target: 'nowhere' },
      ],
    );
    expect(Object.keys(at).sort()).toEqual(['a', 'b', 'c', 'vs']);
    const x = (id: string) => at[id]?.x ?? Number.NaN;
    expect(x('a')).toBeLessThan(x('vs'));
    expect(x('vs')).toBeLessThan(x('b'));
    expect(x('b')).toBe(x('c'));
    // The first rule's target sits above the second's, as the rows do.
    expect(at.b?.y ?? 0).toBeLessThan(at.c?.y ?? 0);
  });
});
