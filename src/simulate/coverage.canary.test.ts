import { describe, expect, it } from 'vitest';
import { ingress, nginx, rule } from '../testing/ingressSimulations.ts';
import { workspaceOf } from '../testing/simulations.ts';
import { runSavedTests } from './runSavedTests.ts';

/** A main Ingress on /api and a canary Ingress of it, with these canary annotations. */
const shop = (annotations: Record<string, string>) =>
  workspaceOf(
    ingress([rule('shop.example.com', [['/api', 'Prefix', 'api', 80]])]),
    ingress([rule('shop.example.com', [['/api', 'Prefix', 'api-v2', 80]])], {
      name: 'shop-canary',
      annotations: { [nginx('canary')]: 'true', ...annotations },
    }),
  );

const covered = (annotations: Record<string, string>, headers: Record<string, string> = {}) =>
  runSavedTests(shop(annotations), [
    { name: 'api', request: { url: 'http://shop.example.com/api', headers }, expect: {} },
  ]).coverage.rules.map((r) => `${r.resource} ${r.covered}`);

describe('route coverage of a canary Ingress (ingress-nginx serves it in the main path)', () => {
  it('counts the canary path when its weight takes a share of the request', () => {
    expect(covered({ [nginx('canary-weight')]: '20' })).toEqual([
      'Ingress/web/shop true',
      'Ingress/web/shop-canary true',
    ]);
  });

  it('counts it when its header decided, "never" too; not when nothing sends there', () => {
    const byHeader = { [nginx('canary-by-header')]: 'x-canary' };
    expect(covered(byHeader, { 'x-canary': 'always' })[1]).toBe('Ingress/web/shop-canary true');
    expect(covered(byHeader, { 'x-canary': 'never' })[1]).toBe('Ingress/web/shop-canary true');
    expect(covered(byHeader)[1]).toBe('Ingress/web/shop-canary false');
  });
});
