import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** A path into a document: map keys and list indexes, as in `['spec', 'http', 0, 'route']`. */
export type Path = readonly (string | number)[];

/** Renders a path the way Istio and kubectl print field paths: `spec.http[0].route`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The inverse of `formatPath`: `spec.http[0].route` → `['spec', 'http', 0, 'route']`. */
export function parsePath(text: string): Path {
  const out: (string | number)[] = [];
  for (const [, key, index] of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(index === undefined ? (key as string) : Number(index));
  return out;
}

/** Where a path leads in a parsed document. */
export type Located =
  | {
      readonly found: true;
      readonly node: Node | null;
      readonly parent: Container | null;
      readonly key: string | number | null;
    }
  | { readonly found: false; readonly depth: number; readonly node: Node | null };

export type Container = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** The pair of `map` whose key is `key` (keys compare by their scalar value, as text). */
export function findPair(
  map: YAMLMap<unknown, unknown>,
  key: string | number,
): Pair<unknown, unknown> | undefined {
  const wanted = String(key);
  return map.items.find((pair) => isScalar(pair.key) && keyText(pair.key.value) === wanted);
}

/** A key as text; the merge key `<<` is parsed as a symbol. */
function keyText(value: unknown): string {
  return typeof value === 'symbol' ? (value.description ?? '') : String(value);
}

/**
 * Follows `path` from `root`. When it stops early, `depth` is how many segments resolved and
 * `node` the last node reached, so callers can create what is missing below it.
 */
export function locate(root: Node | null, path: Path): Located {
  let node: Node | null = root;
  let parent: Container | null = null;
  let key: string | number | null = null;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as string | number;
    if (isMap(node)) {
      const pair = findPair(node, segment);
      if (!pair) return { found: false, depth, node };
      parent = node;
      key = segment;
      node = (pair.value as Node | null) ?? null;
    } else if (
      isSeq(node) &&
      typeof segment === 'number' &&
      segment >= 0 &&
      segment < node.items.length
    ) {
      parent = node;
      key = segment;
      node = (node.items[segment] as Node | null) ?? null;
    } else {
      return { found: false, depth, node };
    }
    if (isAlias(node) && depth < path.length - 1) return { found: false, depth: depth + 1, node };
  }
  return { found: true, node, parent, key };
}

/** The source range `[start, end)` of the node at `path`, if it exists and came from source. */
export function rangeAt(root: Node | null, path: Path): readonly [number, number] | undefined {
  const located = locate(root, path);
  if (located.found) {
    const range = located.node?.range;
    if (range) return [range[0], range[1]];
    // A key with no value (`spec:`) has no node; point at its key instead.
    if (isMap(located.parent) && located.key !== null) {
      const keyRange = (findPair(located.parent, located.key)?.key as Node | undefined)?.range;
      if (keyRange) return [keyRange[0], keyRange[1]];
    }
    return undefined;
  }
  // Point at the deepest ancestor that exists: the best place to report what is missing.
  const range = located.node?.range;
  return range ? [range[0], range[1]] : undefined;
}
