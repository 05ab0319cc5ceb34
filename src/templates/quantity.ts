import type { ParameterValidator } from './scenario.ts';

/**
 * Kubernetes resource quantities (`100m` CPU, `128Mi` memory), as apimachinery's
 * `resource.ParseQuantity` reads them: a decimal number and an optional binary (`Ki`…`Ei`),
 * decimal (`n`, `u`, `m`, `k`, `M`…`E`) or exponent (`e3`) suffix.
 */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))((?:[KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/;

const SCALE: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The quantity as a number of units (cores, bytes), or undefined when it is not one. */
export function quantityValue(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const suffix = match[2] ?? '';
  const scale = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SCALE[suffix];
  return scale === undefined ? undefined : Number(match[1]) * scale;
}

/**
 * A non-negative quantity; with `limitKey`, a request must not exceed the limit in that
 * parameter, which the API server refuses ("must be less than or equal to … limit").
 */
export function quantity(what: 'CPU' | 'memory', limitKey?: string): ParameterValidator {
  return (value, params) => {
    const amount = quantityValue(String(value));
    if (amount === undefined || amount < 0) {
      return what === 'CPU'
        ? 'Write cores like 500m or 2'
        : 'Write bytes with a unit, like 128Mi or 1Gi';
    }
    if (limitKey === undefined) return undefined;
    const limit = quantityValue(String(params[limitKey] ?? ''));
    return limit !== undefined && amount > limit
      ? `More than the ${what} limit (${String(params[limitKey])}): a request cannot exceed its limit`
      : undefined;
  };
}
