import { describe, expect, test } from 'vitest';
import type { FormField, FormSection } from '../../forms/types.ts';
import { fieldText, hasContent } from './fieldText.ts';

function field(value: unknown, type: FormField['type'] = 'text'): FormField {
  return { kind: 'field', id: 'f', label: 'F', type, path: ['spec', 'f'], value };
}

describe('field texts', () => {
  test('lists read as comma-separated text, absent values as empty', () => {
    expect(fieldText(field(['a.example.com', 'b.example.com'], 'list'))).toBe(
      'a.example.com, b.example.com',
    );
    expect(fieldText(field(undefined))).toBe('');
    expect(fieldText(field(8080, 'number'))).toBe('8080');
  });

  test('a section opens when it holds a value, a checked box or an item', () => {
    const section = (entries: FormSection['entries']): FormSection => ({
      kind: 'section',
      id: 's',
      title: 'S',
      entries,
    });
    expect(hasContent([field(undefined), field('', 'select')])).toBe(false);
    expect(hasContent([field(false, 'boolean')])).toBe(false);
    expect(hasContent([section([field('10s', 'duration')])])).toBe(true);
  });
});
