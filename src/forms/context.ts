import { isRecord, valueAt } from '../model/read.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Path } from '../yaml/path.ts';

/** What every form builder reads: the resource's document as plain values, and the workspace. */
export interface FormContext {
  readonly workspace: Workspace;
  readonly target: ResourceId;
  /** The resource's namespace (short host names resolve in it). */
  readonly namespace: string;
  readonly plain: unknown;
}

/**
 * What deleting the value at `path` should delete: the value itself, or the highest map above it
 * that holds nothing but it, so that clearing `retries.attempts` does not leave `retries: {}`
 * behind. Stops at list items (never removes one) and below the first segment (`spec`).
 */
export function clearPath(root: unknown, path: Path): Path {
  let out = path;
  while (out.length > 2) {
    const last = out[out.length - 1];
    const parentPath = out.slice(0, -1);
    if (typeof last !== 'string' || typeof parentPath[parentPath.length - 1] === 'number') break;
    const parent = valueAt(root, parentPath);
    if (!isRecord(parent) || Object.keys(parent).length !== 1) break;
    out = parentPath;
  }
  return out;
}
