import { describe, expect, test } from 'vitest';
import { formatShare, routeShares } from './weights.ts';

describe('weights as shares of the requests', () => {
  test('weights are relative: 3 and 1 are 75% and 25%; three equal ones a third each', () => {
    expect(routeShares([3, 1])).toEqual([0.75, 0.25]);
    expect(routeShares([1, 1, 1]).map(formatShare)).toEqual(['33.3%', '33.3%', '33.3%']);
  });

  test('a lone destination takes everything whatever its weight', () => {
    expect(routeShares([undefined])).toEqual([1]);
    expect(routeShares([0])).toEqual([1]);
  });

  test('with several, an unwritten weight gets nothing; all zero gives nobody anything', () => {
    expect(routeShares([90, undefined])).toEqual([1, 0]);
    expect(routeShares([0, 0])).toEqual([0, 0]);
    expect(routeShares([undefined, undefined])).toEqual([0, 0]);
  });

  test('a share reads with at most one decimal', () => {
    expect(formatShare(0.9)).toBe('90%');
    expect(formatShare(1 / 8)).toBe('12.5%');
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(0)).toBe('0%');
  });
});
