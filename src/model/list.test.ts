import { describe, expect, it } from 'vitest';
import { isClusterField } from './clusterFields.ts';
import { listItems } from './list.ts';

describe('listItems', () => {
  it('reads the items of a List and of any *List kubectl prints', () => {
    expect(listItems({ kind: 'List', items: [{ kind: 'Service' }] })).toEqual([
      { kind: 'Service' },
    ]);
    expect(listItems({ kind: 'VirtualServiceList', items: [] })).toEqual([]);
  });

  it('leaves anything else to be read as one manifest', () => {
    expect(listItems({ kind: 'VirtualService', items: [{ kind: 'Service' }] })).toBeUndefined();
    expect(listItems({ kind: 'List', items: 'none' })).toBeUndefined();
    expect(listItems([{ kind: 'Service' }])).toBeUndefined();
  });
});

describe('isClusterField', () => {
  it('names what the API server adds, and what lies below it', () => {
    expect(isClusterField(['status'])).toBe(true);
    expect(isClusterField(['metadata', 'managedFields', 0, 'manager'])).toBe(true);
    expect(
      isClusterField([
        'metadata',
        'annotations',
        'kubectl.kubernetes.io/last-applied-configuration',
      ]),
    ).toBe(true);
    expect(isClusterField(['metadata', 'annotations', 'team'])).toBe(false);
    expect(isClusterField(['metadata', 'name'])).toBe(false);
    expect(isClusterField(['spec', 'status'])).toBe(false);
  });
});
