/**
 * Route weights as shares of the requests, and how a share reads: one answer for the canvas
 * labels, the Inspector's form, the gestures' notices and the simulator's steps.
 */

/**
 * The share (0..1) of a rule's requests each destination receives, from the weights as written
 * (`undefined` when unwritten). Istio reads weights as relative (virtual_service.proto
 * `HTTPRouteDestination.weight`, ISTIO-FACTS (b)): a lone destination takes everything whatever
 * its weight; with several, each gets weight / sum, an unwritten or negative weight counting 0;
 * when they sum to 0 (invalid in Istio) nobody gets anything.
 */
export function routeShares(weights: readonly (number | undefined)[]): number[] {
  if (weights.length === 1) return [1];
  const counted = weights.map((w) => (w !== undefined && w > 0 ? w : 0));
  const total = counted.reduce((sum, w) => sum + w, 0);
  return counted.map((w) => (total > 0 ? w / total : 0));
}

/** `90%`, `33.3%`, `0%`: a share (0..1) as a percentage with at most one decimal. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
