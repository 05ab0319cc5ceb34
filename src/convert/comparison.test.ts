import { describe, expect, it } from 'vitest';
import { comparisonLine, differenceText } from './comparison.ts';
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

describe('the comparison in words', () => {
  const difference = (explained: boolean) => ({
    request: { url: 'http://shop.example.com/' },
    before: routed,
    after: { ...routed, upstream: 'shop.example.com/x' },
    ...(explained
      ? { explainedBy: { resource: 'Ingress/shop/shop', path: 'spec', message: '' } }
      : {}),
  });
  const line = (same: number, explained: boolean[]) =>
    comparisonLine({
      total: same + explained.length,
      same,
      differences: explained.map(difference),
    });

  it('says how many requests agree, and how the loss report accounts for the rest', () => {
    expect(line(41, [])).toBe('41 of 41 requests go where they went; no differences');
    expect(line(40, [true])).toBe(
      '40 of 41 requests go where they went; 1 difference, in the loss report',
    );
    expect(line(39, [true, true])).toBe(
      '39 of 41 requests go where they went; 2 differences, both in the loss report',
    );
    expect(line(38, [true, true, true])).toContain('3 differences, all in the loss report');
    expect(line(39, [false, false])).toContain('2 differences, not explained by the loss report');
    expect(line(38, [true, false, false])).toContain(
      '3 differences, 1 in the loss report, 2 not explained',
    );
  });
});
