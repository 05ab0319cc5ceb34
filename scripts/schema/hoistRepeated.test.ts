import { describe, expect, it } from 'vitest';
import { hoistRepeated } from './hoistRepeated.ts';

const policy = {
  type: 'object',
  properties: { simple: { type: 'string', enum: ['RANDOM', 'ROUND_ROBIN'] } },
  additionalProperties: false,
};

describe('hoistRepeated', () => {
  it('moves a repeated shape to definitions and keeps each place’s description', () => {
    const out = hoistRepeated(
      {
        type: 'object',
        properties: {
          trafficPolicy: { ...policy, description: 'For the host.' },
          subsets: { type: 'array', items: { ...policy, description: 'For a subset.' } },
        },
      },
      10,
    );
    expect(out.definitions).toEqual({ trafficPolicy: policy });
    expect(out.properties).toEqual({
      trafficPolicy: { $ref: '#/definitions/trafficPolicy', description: 'For the host.' },
      subsets: {
        type: 'array',
        items: { $ref: '#/definitions/trafficPolicy', description: 'For a subset.' },
      },
    });
  });

  it('leaves shapes that occur once, or are small, inline', () => {
    const schema = { type: 'object', properties: { a: policy, b: { type: 'string' } } };
    expect(hoistRepeated(schema, 10)).toEqual(schema);
  });
});
