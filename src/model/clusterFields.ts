/** The annotation `kubectl apply` writes with the whole manifest it applied, as JSON. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Fields the API server adds to an object it stores, as `kubectl get -o yaml` prints them. A
 * manifest copied from a cluster carries them: the designer keeps them as written, never checks
 * them, hides them from summaries, and leaves them out of a copy or a "clean for apply" export
 * (what `kubectl neat` removes).
 */
export const CLUSTER_FIELDS: readonly (readonly string[])[] = [
  ['metadata', 'uid'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'generation'],
  ['metadata', 'managedFields'],
  ['metadata', 'selfLink'],
  ['metadata', 'annotations', LAST_APPLIED],
  ['status'],
];

/** Whether a field (by its path from the resource) is one the cluster added. */
export function isClusterField(path: readonly (string | number)[]): boolean {
  return CLUSTER_FIELDS.some(
    (field) => field.length <= path.length && field.every((key, i) => path[i] === key),
  );
}
