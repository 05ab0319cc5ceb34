import type { FormEntry, FormField } from '../../forms/types.ts';

/** What a text input shows for a field's written value. */
export function fieldText(field: FormField): string {
  const value = field.value;
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The options a multi-select shows as chosen. */
export function chosen(field: FormField): readonly string[] {
  return Array.isArray(field.value) ? field.value.map(String) : [];
}

/** Whether a section holds anything written: such sections open, empty ones start closed. */
export function hasContent(entries: readonly FormEntry[]): boolean {
  return entries.some((entry) => {
    if (entry.kind === 'field')
      return (
        entry.path.length > 0 &&
        entry.value !== undefined &&
        entry.value !== '' &&
        !(entry.type === 'boolean' && entry.value !== true)
      );
    if (entry.kind === 'group') return entry.items.length > 0;
    return hasContent(entry.entries);
  });
}

/** A stable string for a value, to tell whether the document still holds what a draft wrote. */
export function valueKey(value: unknown): string {
  return JSON.stringify(value ?? null);
}
