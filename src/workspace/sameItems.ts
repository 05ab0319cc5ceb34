/**
 * The same objects in the same order. Workspaces share every document an edit did not touch, so
 * this is how what was derived from a list (an index, findings, canvas elements) tells that the
 * list it was made from is unchanged.
 */
export function sameItems<T>(a: readonly T[], b: readonly T[] | undefined): boolean {
  return a === b || (b?.length === a.length && a.every((item, i) => item === b[i]));
}
