import { describe, expect, it } from 'vitest';
import { collapseExclusiveFields, exclusiveGroups } from './exclusiveFields.ts';

const properties = { exact: { type: 'string' }, prefix: { type: 'string' } };
const variant = (required: string[]) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});

describe('collapseExclusiveFields', () => {
  it('turns copies that each require one field into one object with a rule', () => {
    const out = collapseExclusiveFields({
      description: 'URI',
      anyOf: [variant(['exact']), variant(['prefix'])],
    });
    expect(out).toEqual({
      type: 'object',
      additionalProperties: false,
      properties,
      description: 'URI',
      allOf: [
        {
          if: { required: ['exact'] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then`, not a promise.
          then: { properties: { prefix: false }, errorMessage: 'Set only one of exact, prefix.' },
        },
      ],
    });
  });

  it('keeps an anyOf whose alternatives differ in more than `required`', () => {
    const schema = { anyOf: [variant(['exact']), { type: 'string' }] };
    expect(collapseExclusiveFields(schema)).toBe(schema);
  });
});

describe('exclusiveGroups', () => {
  it('finds independent groups from the combinations that occur', () => {
    const sets = [
      ['header', 'ring'],
      ['header', 'maglev'],
      ['cookie', 'ring'],
      ['cookie', 'maglev'],
    ];
    expect(exclusiveGroups(['cookie', 'header', 'maglev', 'ring'], sets)).toEqual([
      ['cookie', 'header'],
      ['maglev', 'ring'],
    ]);
  });
});
