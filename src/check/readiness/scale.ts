/**
 * Kubernetes' arithmetic for replicas, budgets and rollouts, as the controllers do it, so a
 * finding says exactly when a drain or a rollout goes wrong.
 */

/**
 * An int-or-percent field against a total, as apimachinery's
 * `intstr.GetScaledValueFromIntOrPercent`: a number as it is, `N%` of the total rounded up or
 * down. Anything else (a number written as a string, a negative) is undefined: Kubernetes
 * refuses it, and a check stays quiet.
 */
export function scaledValue(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!match) return undefined;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** What a PodDisruptionBudget asks for: its `minAvailable` or `maxUnavailable`. */
export interface Budget {
  readonly minAvailable: number | string | undefined;
  readonly maxUnavailable: number | string | undefined;
}

/**
 * How many pods the budget wants healthy when `expected` run, as the disruption controller
 * works it out (`getExpectedScale`/`updatePdbStatus`): `maxUnavailable` first, taken from the
 * expected count; a percentage rounds up either way. Undefined when it cannot be read.
 */
export function desiredHealthy(budget: Budget, expected: number): number | undefined {
  if (budget.maxUnavailable !== undefined) {
    const unavailable = scaledValue(budget.maxUnavailable, expected, true);
    return unavailable === undefined ? undefined : Math.max(0, expected - unavailable);
  }
  if (budget.minAvailable !== undefined) return scaledValue(budget.minAvailable, expected, true);
  return undefined;
}

/**
 * Whether the budget lets a drain evict none of `expected` healthy pods: the eviction API
 * allows `currentHealthy - desiredHealthy` disruptions, so a node drain waits for ever.
 */
export function blocksEveryDrain(budget: Budget, expected: number): boolean {
  const desired = desiredHealthy(budget, expected);
  return desired !== undefined && desired >= expected;
}

/** A Deployment's `spec.strategy`, as written. */
export interface Strategy {
  readonly type: string | undefined;
  readonly maxUnavailable: number | string | undefined;
  readonly maxSurge: number | string | undefined;
}

/**
 * How many of `replicas` pods a rollout may take down at once: `Recreate` all of them; a
 * RollingUpdate its `maxUnavailable` (25% by default) rounded down, and 1 when that and
 * `maxSurge` (25%, rounded up) both come to 0 (deploymentutil's `ResolveFenceposts`).
 */
export function rolloutUnavailable(strategy: Strategy, replicas: number): number | undefined {
  if (strategy.type === 'Recreate') return replicas;
  const surge = scaledValue(strategy.maxSurge ?? '25%', replicas, true);
  const unavailable = scaledValue(strategy.maxUnavailable ?? '25%', replicas, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  return surge === 0 && unavailable === 0 ? 1 : unavailable;
}
