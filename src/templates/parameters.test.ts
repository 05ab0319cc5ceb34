import { describe, expect, test } from 'vitest';
import { EMPTY_WORKSPACE } from '../workspace/workspace.ts';
import { gatewayHost, resourceName } from './parameters.ts';
import { quantityValue } from './quantity.ts';
import { parameterProblems, resolveParameters } from './scenario.ts';
import { CANARY } from './trafficSplits.ts';

describe('resolving parameters', () => {
  test('the host follows the name unless the user gives one', () => {
    expect(resolveParameters(CANARY, { name: 'cart' }, EMPTY_WORKSPACE)).toEqual({
      api: 'istio',
      name: 'cart',
      namespace: 'default',
      gatewayNamespace: 'istio-system',
      host: 'cart.example.com',
      percent: 10,
    });
    expect(
      resolveParameters(CANARY, { name: 'cart', host: 'shop.example.org' }, EMPTY_WORKSPACE).host,
    ).toBe('shop.example.org');
  });

  test('in the Gateway API the Gateway goes with the app, whose namespace it follows', () => {
    const params = resolveParameters(
      CANARY,
      { api: 'gateway-api', name: 'cart', namespace: 'shop' },
      EMPTY_WORKSPACE,
    );
    expect([params.gatewayNamespace, params.host]).toEqual(['shop', 'cart.example.com']);
  });

  test('blank fields take their default; text is trimmed; numbers typed as text are numbers', () => {
    const params = resolveParameters(
      CANARY,
      { name: ' cart ', namespace: '  ', percent: ' 25 ' },
      EMPTY_WORKSPACE,
    );
    expect([params.name, params.namespace, params.percent]).toEqual(['cart', 'default', 25]);
  });

  test('what is not a number stays as typed, so the form can say what is wrong with it', () => {
    const params = resolveParameters(CANARY, { percent: 'ten' }, EMPTY_WORKSPACE);
    expect(parameterProblems(CANARY, params)).toEqual({
      percent: 'Percentage must be a number from 0 to 100',
    });
  });
});

describe('checks of their own', () => {
  test('a name leaves room for the longest suffix the scenario adds', () => {
    const check = resourceName('-gateway');
    expect(check('a'.repeat(55), {})).toBeUndefined();
    expect(check('a'.repeat(56), {})).toBe(
      `At most 55 characters: "${'a'.repeat(56)}-gateway" must fit in 63`,
    );
  });

  test('a scenario host is written without a namespace part', () => {
    expect(gatewayHost('*.example.com', {})).toBeUndefined();
    expect(gatewayHost('prod/shop.example.com', {})).toBe(
      'Write the host alone: the scenario binds its own Gateway',
    );
  });

  test('quantities read as Kubernetes reads them', () => {
    expect(quantityValue('100m')).toBeCloseTo(0.1);
    expect(quantityValue('2')).toBe(2);
    expect(quantityValue('128Mi')).toBe(128 * 2 ** 20);
    expect(quantityValue('1G')).toBe(1e9);
    expect(quantityValue('1e3')).toBe(1000);
    expect(quantityValue('1 GB')).toBeUndefined();
    expect(quantityValue('Mi')).toBeUndefined();
  });
});
