import { describe, expect, test } from 'vitest';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  newErrors,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { IDS, SHOP } from './fixtures.ts';
import { setSplit } from './split.ts';
import { rebalanceForNew, toPercentages } from './weights.ts';

function split(editor: TestEditor, weights: number[], percentages = false) {
  return setSplit(editor.workspace, graphOf(editor), IDS.all, weights, { percentages });
}

describe('the split control', () => {
  test('writes the weights as given, touching only the weight lines', () => {
    const editor = TestEditor.load(SHOP);
    const before = editor.workspace;
    const gesture = accepted(split(editor, [50, 50], true));
    expect(gesture.summary).toBe('Rule all now splits its traffic: web v1 50%, web v2 50%');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['      weight: 90', '      weight: 10'],
      added: ['      weight: 50', '      weight: 50'],
    });
    expect(edges(graphOf(editor), 'route').filter((e) => e.startsWith(IDS.all))).toEqual([
      `${IDS.all} -> ${IDS.v1} @50`,
      `${IDS.all} -> ${IDS.v2} @50`,
    ]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('relative weights need not add up to 100; the summary shows the shares', () => {
    const editor = TestEditor.load(SHOP);
    const gesture = accepted(split(editor, [3, 1]));
    expect(gesture.summary).toBe('Rule all now splits its traffic: web v1 75%, web v2 25%');
    expect(applyChecked(editor, gesture).added).toEqual(['      weight: 3', '      weight: 1']);
  });

  test('only the weights that change are written', () => {
    const editor = TestEditor.load(SHOP);
    expect(applyChecked(editor, accepted(split(editor, [90, 0])))).toEqual({
      removed: ['      weight: 10'],
      added: ['      weight: 0'],
    });
  });

  test('a weight of 0 is allowed and the note says that destination gets nothing', () => {
    expect(accepted(split(TestEditor.load(SHOP), [100, 0], true)).notes).toEqual([
      'web v2 gets no traffic (weight 0)',
    ]);
  });

  const invalid: [string, number[], boolean, string][] = [
    ['negative', [110, -10], false, 'Weights cannot be negative (Istio: weight must be ≥ 0)'],
    [
      'all zero',
      [0, 0],
      false,
      'At least one destination needs a weight above 0: Istio rejects a total weight of 0',
    ],
    [
      'fractions',
      [50.5, 49.5],
      false,
      'Weights are whole numbers (Istio reads weight as an integer)',
    ],
    ['wrong count', [100], false, 'The rule has 2 destinations: give 2 weights, not 1'],
    ['percentages off 100', [60, 30], true, 'Percentages must add up to 100 (they add up to 90)'],
    ['unchanged', [90, 10], true, 'Rule all already splits its traffic: web v1 90%, web v2 10%'],
  ];
  test.each(invalid)('refuses %s', (_, weights, percentages, reason) => {
    expect(refused(split(TestEditor.load(SHOP), weights, percentages))).toBe(reason);
  });

  test('a rule with one destination has nothing to split', () => {
    const editor = TestEditor.load(SHOP);
    expect(refused(setSplit(editor.workspace, graphOf(editor), IDS.beta, [100]))).toBe(
      'A rule with one destination sends it all the traffic: add another destination to split it',
    );
  });
});

describe('weights as percentages', () => {
  test('rounding keeps the sum at 100, the larger remainders first', () => {
    expect(toPercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(toPercentages([2, 1])).toEqual([67, 33]);
    expect(toPercentages([0, 0])).toEqual([0, 0]);
  });

  test('a new destination gets an equal share and the others keep their proportions', () => {
    expect(rebalanceForNew([])).toEqual([]);
    expect(rebalanceForNew([undefined])).toEqual([50, 50]);
    expect(rebalanceForNew([100])).toEqual([50, 50]);
    expect(rebalanceForNew([50, 50])).toEqual([34, 33, 33]);
    expect(rebalanceForNew([90, 10])).toEqual([60, 7, 33]);
    expect(rebalanceForNew([100, 0])).toEqual([67, 0, 33]);
    // All unwritten with several destinations is invalid in Istio: read as an even split.
    expect(rebalanceForNew([undefined, undefined])).toEqual([34, 33, 33]);
  });
});
