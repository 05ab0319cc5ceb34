import { formatShare } from '../../model/weights.ts';

/**
 * Weights of a rule's destinations. Istio reads them as relative: a destination receives
 * `weight / (sum of weights)` of the requests; a lone destination receives everything whatever
 * its weight; with several, an unwritten weight is 0 (virtual_service.proto
 * `HTTPRouteDestination.weight`, ISTIO-FACTS (b)).
 */

/** Integer percentages (summing to 100) for relative weights; all-zero input gives all zeros. */
export function toPercentages(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * 100) / total);
  const out = exact.map(Math.floor);
  // Largest remainder: the points lost to rounding down go to the largest fractions, earlier
  // destinations first on ties, so the result is stable and always sums to 100.
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  let missing = 100 - out.reduce((sum, p) => sum + p, 0);
  for (const { index } of order) {
    if (missing <= 0) break;
    out[index] = (out[index] as number) + 1;
    missing--;
  }
  return out;
}

/**
 * The traffic each destination of a rule receives, as relative weights: a lone destination all
 * of it; several, their written weights (unwritten: 0). A rule whose weights are all 0 is invalid
 * in Istio; it is read as an even split so that a gesture can repair it.
 */
export function effectiveWeights(written: readonly (number | undefined)[]): number[] {
  if (written.length === 1) return [1];
  const weights = written.map((w) => (w !== undefined && w > 0 ? w : 0));
  return weights.every((w) => w === 0) ? written.map(() => 1) : weights;
}

/**
 * The weights after a destination is added to a rule that has `written` ones: the newcomer gets
 * an equal share (1 / (n + 1)) and the others keep their proportions among themselves in the
 * rest. Written as integer percentages summing to 100, so the YAML reads as a split at a glance:
 * one destination + new → 50/50; 90/10 + new → 60/7/33. Empty when the rule had no destination
 * (a lone destination needs no weight).
 */
export function rebalanceForNew(written: readonly (number | undefined)[]): number[] {
  const n = written.length;
  if (n === 0) return [];
  const existing = effectiveWeights(written);
  const total = existing.reduce((sum, w) => sum + w, 0);
  return toPercentages([...existing.map((w) => (w / total) * n), 1]);
}

/** `web v1 60%, web v2 40%`: a split as a sentence fragment. */
export function describeSplit(labels: readonly string[], percentages: readonly number[]): string {
  return labels
    .map((label, i) => `${label} ${formatShare((percentages[i] ?? 0) / 100)}`)
    .join(', ');
}

/**
 * Why a split cannot be written, following Istio's validation (`validateHTTPRouteDestinations`,
 * ISTIO-FACTS (c)): weights are whole numbers ≥ 0 and, with several destinations, not all 0.
 * Istio does not require them to sum to 100; `percentages` asks for that, for a control that
 * shows percentages.
 */
export function splitProblem(
  weights: readonly number[],
  destinations: number,
  percentages: boolean,
): string | undefined {
  if (destinations < 2)
    return 'A rule with one destination sends it all the traffic: add another destination to split it';
  if (weights.length !== destinations)
    return `The rule has ${destinations} destinations: give ${destinations} weights, not ${weights.length}`;
  if (weights.some((w) => !Number.isInteger(w)))
    return 'Weights are whole numbers (Istio reads weight as an integer)';
  if (weights.some((w) => w < 0)) return 'Weights cannot be negative (Istio: weight must be ≥ 0)';
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0)
    return 'At least one destination needs a weight above 0: Istio rejects a total weight of 0';
  if (percentages && total !== 100)
    return `Percentages must add up to 100 (they add up to ${total})`;
  return undefined;
}
