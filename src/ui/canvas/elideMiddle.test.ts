import { describe, expect, it } from 'vitest';
import { elideMiddle } from './elideMiddle.ts';

/** Every character 8 px wide. */
const measure = (s: string) => [...s].length * 8;

describe('elideMiddle', () => {
  it('keeps a name that fits', () => {
    expect(elideMiddle('my-gateway', 200, measure)).toBe('my-gateway');
  });

  it('cuts the middle so both ends stay: siblings that differ at the end stay apart', () => {
    const one = elideMiddle('istio-ingressgateway-canary-v1', 136, measure);
    const two = elideMiddle('istio-ingressgateway-canary-v2', 136, measure);
    expect(one).toBe('istio-in…anary-v1');
    expect(measure(one)).toBeLessThanOrEqual(136);
    expect(one).not.toBe(two);
  });

  it('keeps as much as fits', () => {
    const shown = elideMiddle('istio-ingressgateway', 17 * 8, measure);
    expect([...shown]).toHaveLength(17);
    expect(shown).toBe('istio-in…sgateway');
  });
});
