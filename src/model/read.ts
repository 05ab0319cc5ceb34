/**
 * The boundary where untrusted plain values (from YAML) become typed views. Every reader
 * takes `unknown` and returns a well-typed value or `undefined`; nothing here throws, and
 * maps are built without prototypes so keys like `__proto__` stay ordinary data.
 */

export type Dict<T> = Readonly<Record<string, T>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The plain value at `path` (a number indexes a list, a string names an own key of a map), or
 * undefined where the path stops: the one reader of plain values by path for checks, forms,
 * gestures and templates.
 */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(at)) return undefined;
      at = at[segment];
    } else {
      if (!isRecord(at) || !Object.hasOwn(at, segment)) return undefined;
      at = at[segment];
    }
  }
  return at;
}

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A list of items read by `item`; entries it rejects are left out. */
export function list<T>(value: unknown, item: (v: unknown) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const v of value) {
    const read = item(v);
    if (read !== undefined) out.push(read);
  }
  return out;
}

export function strings(value: unknown): string[] {
  return list(value, str);
}

/** A map of name → value read by `item` (labels, annotations, header matches…). */
export function dict<T>(value: unknown, item: (v: unknown) => T | undefined): Dict<T> {
  const out: Record<string, T> = Object.create(null);
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const read = item(v);
    if (read !== undefined) out[key] = read;
  }
  return out;
}

/** Label maps: Kubernetes label values are strings, but YAML may have typed `version: 2`. */
export function labels(value: unknown): Dict<string> {
  return dict(value, (v) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined,
  );
}

/** Copies only the defined properties: keeps `exactOptionalPropertyTypes` honest. */
export function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}

/**
 * Deep equality of plain values: map keys in any order (YAML maps are unordered), and a key set
 * to undefined counts as no key (a value about to be written and one read back agree).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = (r: Record<string, unknown>) => Object.keys(r).filter((k) => r[k] !== undefined);
  const ka = keys(a);
  return (
    ka.length === keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]))
  );
}
