import { parseResourceId } from '../../model/resource.ts';
import { entries, type Workspace } from '../../workspace/workspace.ts';

/** Kubernetes names (and DNS labels) are at most 63 characters for most kinds; stay within. */
const MAX_NAME = 63;

/**
 * The first of `base`, `base-2`, `base-3`… that `taken` does not hold. The base is shortened
 * when the suffix would make the name longer than a DNS label allows.
 */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const name = `${base.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(name)) return name;
  }
}

/** `web-copy`, then `web-copy-2`…: the name of a copy. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  return uniqueName(`${name.slice(0, MAX_NAME - '-copy'.length).replace(/-+$/, '')}-copy`, taken);
}

/** Names of the resources of one kind in one namespace. */
export function namesOf(workspace: Workspace, kind: string, namespace: string): Set<string> {
  const out = new Set<string>();
  for (const entry of entries(workspace)) {
    const id = parseResourceId(entry.id);
    if (id?.kind === kind && id.namespace === namespace) out.add(id.name);
  }
  return out;
}
