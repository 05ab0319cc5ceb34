import type { Workspace } from './workspace.ts';

/**
 * About a hundred thousand characters of manifests: an import or a whole file replaced, never
 * typing (a keystroke re-parses one document and keeps every other document object).
 */
export const BIG_CHANGE_DOCS = 300;

/**
 * Whether `after` holds at least `BIG_CHANGE_DOCS` documents that `before` does not (by
 * identity: a re-parse keeps the documents it did not touch). Stops counting once it knows.
 */
export function isBigChange(before: Workspace, after: Workspace): boolean {
  if (before === after) return false;
  const known = new Set<object>();
  for (const file of before.files) for (const doc of file.docs) known.add(doc);
  let fresh = 0;
  for (const file of after.files)
    for (const doc of file.docs) if (!known.has(doc) && ++fresh >= BIG_CHANGE_DOCS) return true;
  return false;
}
