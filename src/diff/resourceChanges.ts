import { isClusterField } from '../model/clusterFields.ts';
import type { ResourceId } from '../model/resource.ts';
import { entries, type Workspace } from '../workspace/workspace.ts';
import { formatPath, type Path } from '../yaml/path.ts';

/** One resource that differs between two workspaces (CONTRACT section 1, `diff`). */
export interface ResourceChange {
  readonly resource: ResourceId;
  readonly change: 'added' | 'removed' | 'changed';
  /** The fields that differ, `spec.http[0].route[1].weight`; empty for added and removed. */
  readonly paths: readonly string[];
}

/**
 * Resources added, removed and changed, by identity (`Kind/ns/name`, Gateway API kinds with
 * their group) and compared as parsed values: formatting, comments, key order and quoting are
 * no change, and neither are the fields a cluster adds (`status`, `managedFields`…), which a
 * `kubectl get -o yaml` dump carries and a hand-written manifest does not. Sorted by resource.
 */
export function resourceChanges(before: Workspace, after: Workspace): ResourceChange[] {
  const old = byId(before);
  const now = byId(after);
  const out: ResourceChange[] = [];
  for (const [id, value] of old) {
    const next = now.get(id);
    if (next === undefined) {
      out.push({ resource: id, change: 'removed', paths: [] });
      continue;
    }
    const paths: string[] = [];
    fieldChanges(value, next, [], paths);
    if (paths.length) out.push({ resource: id, change: 'changed', paths });
  }
  for (const id of now.keys())
    if (!old.has(id)) out.push({ resource: id, change: 'added', paths: [] });
  return out.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}

/** The first resource of each id (a repeated id is an error the checks report). */
function byId(workspace: Workspace): Map<ResourceId, unknown> {
  const out = new Map<ResourceId, unknown>();
  for (const entry of entries(workspace)) if (!out.has(entry.id)) out.set(entry.id, entry.plain);
  return out;
}

/**
 * The paths where `a` and `b` differ: the deepest field that exists on both sides, so a changed
 * weight is `…weight`; a field or list item on one side only says which (`spec.http[2] (added)`,
 * at its index after; `spec.http[0] (removed)`, at its index before), so a removed rule and a
 * change to the rule now in its place read apart. Other paths are where the field is now.
 */
function fieldChanges(a: unknown, b: unknown, path: Path, out: string[]): void {
  if (path.length > 0 && isClusterField(path)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    listChanges(a, b, path, out);
    return;
  }
  if (isMap(a) && isMap(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const inA = Object.hasOwn(a, key);
      const inB = Object.hasOwn(b, key);
      if (inA && inB) fieldChanges(a[key], b[key], [...path, key], out);
      else if (!isClusterField([...path, key]))
        out.push(`${formatPath([...path, key])} (${inB ? 'added' : 'removed'})`);
    }
    return;
  }
  if (!sameLeaf(a, b)) out.push(path.length ? formatPath(path) : '(whole resource)');
}

/**
 * A list's changes. Items that all carry a distinct `name` (rules, subsets, ports, servers) are
 * matched by name: a rule taken out is that rule, not every rule after it shifted. Otherwise,
 * lists of the same length compare by position; of another length, the items both keep (the
 * longest common run) are matched and the rest are the ones removed (at their index before)
 * and added (at their index after).
 */
function listChanges(
  a: readonly unknown[],
  b: readonly unknown[],
  path: Path,
  out: string[],
): void {
  const namesA = itemNames(a);
  const namesB = itemNames(b);
  if (namesA && namesB) {
    const at = new Map(namesB.map((name, j) => [name, j]));
    namesA.forEach((name, i) => {
      const j = at.get(name);
      if (j === undefined) out.push(`${formatPath([...path, i])} (removed)`);
      else fieldChanges(a[i], b[j], [...path, j], out);
    });
    const kept = new Set(namesA);
    namesB.forEach((name, j) => {
      if (!kept.has(name)) out.push(`${formatPath([...path, j])} (added)`);
    });
    // The same rules in another order route differently: Istio takes the first that matches.
    const order = (names: readonly string[], other: ReadonlySet<string>) =>
      names.filter((n) => other.has(n)).join('\n');
    if (order(namesA, new Set(namesB)) !== order(namesB, kept))
      out.push(`${formatPath(path)} (order)`);
    return;
  }
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) fieldChanges(a[i], b[i], [...path, i], out);
    return;
  }
  let i = 0;
  let j = 0;
  const ends: (readonly [number, number])[] = [
    ...commonRun(a.map(canonical), b.map(canonical)),
    [a.length, b.length],
  ];
  for (const [keptA, keptB] of ends) {
    // Between two kept items: what is left pairs by position; the surplus is removed or added.
    for (; i < keptA && j < keptB; i++, j++) fieldChanges(a[i], b[j], [...path, j], out);
    for (; i < keptA; i++) out.push(`${formatPath([...path, i])} (removed)`);
    for (; j < keptB; j++) out.push(`${formatPath([...path, j])} (added)`);
    i = keptA + 1;
    j = keptB + 1;
  }
}

/** Each item's `name`, when every item has one and no two share it. */
function itemNames(list: readonly unknown[]): string[] | undefined {
  const names = list.map((item) =>
    isMap(item) && typeof item.name === 'string' ? item.name : undefined,
  );
  if (names.length === 0 || names.some((n) => n === undefined)) return undefined;
  return new Set(names).size === names.length ? (names as string[]) : undefined;
}

/** The longest common subsequence of two key lists, as index pairs (lists are short: rules, routes). */
function commonRun(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1;
  // rest[i * width + j]: the longest common run of a[i..] and b[j..].
  const rest = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => rest[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      rest[i * width + j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/** A value as text with its keys sorted: equal texts are equal values, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isMap(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scalars by value; a Date (a timestamp YAML parsed) by its time; a map against a list differs. */
function sameLeaf(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}
