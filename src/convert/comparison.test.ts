import { describe, expect, it } from 'vitest';
import { differenceText } from './comparison.ts';
import type { Observed } from './verify.ts';

const routed: Observed = {
  outcome: 'route',
  status: null,
  destinations: ['api.shop.svc.cluster.local:80 100.0%'],
  upstream: 'shop.example.com/',
};

describe('a difference in words', () => {
  it('names only the aspect that changed', () => {
    expect(differenceText(routed, { ...routed, upstream: 'shop.example.com/api' })).toBe(
      'backend gets shop.example.com/ → shop.example.com/api',
    );
  });

  it('says the whole answer when the outcome changed', () => {
    expect(differenceText(routed, { outcome: 'no-route', status: 404, destinations: [] })).toBe(
      'route api.shop.svc.cluster.local:80 100.0% → no-route 404',
    );
  });

  it('lists every aspect that changed, and "none" for one that went away', () => {
    const mirrored = { ...routed, mirrors: ['audit.shop.svc.cluster.local 10%'] };
    expect(
      differenceText(mirrored, {
        ...routed,
        destinations: ['api-v2.shop.svc.cluster.local:80 100.0%'],
      }),
    ).toBe(
      'to api.shop.svc.cluster.local:80 100.0% → api-v2.shop.svc.cluster.local:80 100.0%; mirrors audit.shop.svc.cluster.local 10% → none',
    );
  });
});
