import type { FormField } from './types.ts';

/** A field's input read as the value to write (undefined: the field was emptied). */
export type Parsed =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Reads what the user entered, by field type: text is trimmed (except in a text area), numbers
 * are numbers, an unchecked box is absent (every boolean the forms offer defaults to false),
 * lists are split on commas and line breaks. Empty is undefined.
 */
export function parseInput(field: FormField, input: unknown): Parsed {
  switch (field.type) {
    case 'boolean':
      return { ok: true, value: input === true || input === 'true' ? true : undefined };
    case 'number':
    case 'percentage':
      return parseNumber(field, input);
    case 'multiselect':
    case 'list':
      return { ok: true, value: listItems(input) };
    case 'textarea': {
      const text = typeof input === 'string' ? input : '';
      return { ok: true, value: text.trim() === '' ? undefined : text };
    }
    default: {
      const text = typeof input === 'string' ? input.trim() : input == null ? '' : String(input);
      return { ok: true, value: text === '' ? undefined : text };
    }
  }
}

function parseNumber(field: FormField, input: unknown): Parsed {
  if (typeof input === 'number') return checkNumber(field, input);
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: true, value: undefined };
  if (!NUMBER.test(text)) return { ok: false, error: 'Enter a number' };
  return checkNumber(field, Number(text));
}

function checkNumber(field: FormField, n: number): Parsed {
  if (!Number.isFinite(n)) return { ok: false, error: 'Enter a number' };
  if (field.integer && !Number.isInteger(n)) return { ok: false, error: 'Enter a whole number' };
  return { ok: true, value: n };
}

/** `a, b` or one item per line, or an array; empty items dropped; no items is undefined. */
export function listItems(input: unknown): readonly string[] | undefined {
  const raw = Array.isArray(input)
    ? input.map((item) => String(item))
    : typeof input === 'string'
      ? input.split(/[,\n]/)
      : [];
  const items = raw.map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}
