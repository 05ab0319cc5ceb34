import { isRecord } from '../../model/read.ts';

/**
 * The string items of a list with their positions in the YAML. The model's readers drop items of
 * the wrong type, which would shift indexes; findings must point at the item as written.
 */
export function indexedStrings(
  value: unknown,
): { readonly value: string; readonly index: number }[] {
  if (!Array.isArray(value)) return [];
  const out: { value: string; index: number }[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') out.push({ value: item, index });
  });
  return out;
}

/** A field of a plain object, or undefined when the value is not an object. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
