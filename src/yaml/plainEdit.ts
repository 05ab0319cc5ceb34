import type { DocEdit } from './editDoc.ts';
import { formatPath, type Path } from './path.ts';
import { isCollectionValue } from './render.ts';

// Edits on plain values, for what is written again whole: flow collections (`{…}`, `[…]`)
// and block layouts the line-based edits do not handle.

/** Why a plain edit cannot be made. */
export class PlainEditError {
  constructor(readonly message: string) {}
}

/**
 * Applies an edit to a plain value. `at` is the path of `value` in the document, for messages.
 * Refuses what the line-based edits refuse: indexes out of range, paths through scalars.
 */
export function applyPlain(value: unknown, edit: DocEdit, at: Path): unknown {
  const { path } = edit;
  const where = formatPath(at) || 'the document';
  if (path.length === 0) {
    switch (edit.op) {
      case 'set':
        return edit.value;
      case 'delete':
        return null;
      case 'insert': {
        const list = value ?? [];
        if (!Array.isArray(list)) return new PlainEditError(`${where} is not a list`);
        if (!isIndex(edit.index, list.length + 1))
          return new PlainEditError(`the list has ${list.length} items`);
        return insertAt(list, edit.index, edit.value);
      }
      case 'move':
        if (!Array.isArray(value)) return new PlainEditError(`${where} is not a list`);
        if (!isIndex(edit.from, value.length) || !isIndex(edit.to, value.length))
          return new PlainEditError(`the list has ${value.length} items`);
        return moveWithin(value, edit.from, edit.to);
    }
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (edit.op === 'move' && (value === undefined || value === null))
    return new PlainEditError(`${formatPath([...at, ...path])} is not a list`);
  const base = value ?? (typeof head === 'number' ? [] : {});
  if (!isCollectionValue(base)) return new PlainEditError(`${where} is not a map or list`);
  const list = Array.isArray(base);
  if (list && typeof head !== 'number') return new PlainEditError(`${where} is a list`);
  const has = list ? isIndex(head as number, base.length) : Object.hasOwn(base, String(head));
  if (edit.op === 'delete') {
    if (!has || value === undefined) return value;
    if (rest.length === 0)
      return list ? removeAt(base, head as number) : omitKey(base as Record<string, unknown>, head);
  }
  if (list && !has && !(edit.op === 'set' && head === base.length))
    return new PlainEditError(`the list has ${base.length} items`);
  const child = has ? (base as Record<string | number, unknown>)[head] : undefined;
  const next = applyPlain(child, { ...edit, path: rest }, [...at, head]);
  if (next instanceof PlainEditError) return next;
  if (list) {
    const copy = [...base];
    copy[head as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  Object.defineProperty(copy, String(head), {
    value: next,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function isIndex(index: unknown, length: number): index is number {
  return Number.isInteger(index) && (index as number) >= 0 && (index as number) < length;
}

export function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  return [...list.slice(0, index), value, ...list.slice(index)];
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function moveWithin<T>(list: readonly T[], from: number, to: number): T[] {
  const out = removeAt(list, from);
  out.splice(to, 0, list[from] as T);
  return out;
}

export function omitKey(
  map: Record<string, unknown>,
  key: string | number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) {
    if (k !== String(key))
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
