import { describe, expect, it } from 'vitest';
import { blocksEveryDrain, desiredHealthy, rolloutUnavailable, scaledValue } from './scale.ts';

describe('int-or-percent as Kubernetes scales it', () => {
  it('takes numbers as they are and rounds percentages up or down', () => {
    expect(scaledValue(2, 5, true)).toBe(2);
    expect(scaledValue('50%', 3, true)).toBe(2);
    expect(scaledValue('50%', 3, false)).toBe(1);
    expect(scaledValue('0%', 3, true)).toBe(0);
    expect(scaledValue('100%', 4, false)).toBe(4);
  });

  it('reads nothing from a number written as text or a negative number', () => {
    expect(scaledValue('1', 3, true)).toBeUndefined();
    expect(scaledValue(-1, 3, true)).toBeUndefined();
    expect(scaledValue(undefined, 3, true)).toBeUndefined();
  });
});

describe('a disruption budget during a drain', () => {
  const min = (minAvailable: number | string) => ({ minAvailable, maxUnavailable: undefined });
  const max = (maxUnavailable: number | string) => ({ minAvailable: undefined, maxUnavailable });

  it('blocks every eviction when minAvailable reaches the replicas, not one below', () => {
    expect(blocksEveryDrain(min(2), 2)).toBe(true);
    expect(blocksEveryDrain(min(1), 2)).toBe(false);
    expect(blocksEveryDrain(min(3), 2)).toBe(true);
  });

  it('rounds a percentage of minAvailable up: 50% of 3 keeps 2, 67% of 3 keeps all 3', () => {
    expect(desiredHealthy(min('50%'), 3)).toBe(2);
    expect(blocksEveryDrain(min('50%'), 3)).toBe(false);
    expect(blocksEveryDrain(min('67%'), 3)).toBe(true);
    expect(blocksEveryDrain(min('100%'), 3)).toBe(true);
  });

  it('blocks with maxUnavailable 0 or 0%, and lets one go with 1 or any percentage above 0', () => {
    expect(blocksEveryDrain(max(0), 3)).toBe(true);
    expect(blocksEveryDrain(max('0%'), 3)).toBe(true);
    expect(blocksEveryDrain(max(1), 3)).toBe(false);
    // 10% of 3 is 0.3, rounded up to one pod.
    expect(blocksEveryDrain(max('10%'), 3)).toBe(false);
  });
});

describe('how many pods a rollout takes down', () => {
  const rolling = (maxUnavailable?: number | string, maxSurge?: number | string) => ({
    type: 'RollingUpdate',
    maxUnavailable,
    maxSurge,
  });

  it('rounds maxUnavailable down: 25% (the default) of 3 is 0, of 4 is 1', () => {
    expect(rolloutUnavailable(rolling(), 3)).toBe(0);
    expect(rolloutUnavailable(rolling(), 4)).toBe(1);
    expect(rolloutUnavailable(rolling('67%'), 3)).toBe(2);
  });

  it('takes one down when both maxUnavailable and maxSurge come to 0', () => {
    expect(rolloutUnavailable(rolling(0, 0), 3)).toBe(1);
    expect(rolloutUnavailable(rolling(0, 1), 3)).toBe(0);
    expect(rolloutUnavailable(rolling('10%', '10%'), 3)).toBe(0);
  });

  it('takes every pod down with Recreate', () => {
    expect(rolloutUnavailable({ type: 'Recreate', maxUnavailable: 0, maxSurge: 1 }, 3)).toBe(3);
  });
});
