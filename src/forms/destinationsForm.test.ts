import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { evenShares, shareNote } from './destinationsForm.ts';
import {
  addItem,
  applyChecked,
  editField,
  errors,
  fieldOf,
  formOf,
  groupOf,
  refusal,
} from './testForms.ts';
import { RULE_API, RULE_SITE, SHOP } from './testManifests.ts';

const ROUTE = 'spec.http[0].route';

describe('destinations form', () => {
  test('each destination shows its share of the relative weights', () => {
    const group = groupOf(formOf(TestEditor.load(SHOP), RULE_API), `group:${ROUTE}`);
    expect(group.items.map((i) => i.note)).toEqual([
      'Receives 90% of requests (weight 90 of 100)',
      'Receives 10% of requests (weight 10 of 100)',
    ]);
    expect(shareNote(2, 1, 3)).toBe('Receives 33.3% of requests (weight 1 of 3)');
    expect(shareNote(1, 0, 0)).toBe('Receives all requests');
  });

  test('a weight change moves the graph edge weight', () => {
    const { diff, graph } = editField(SHOP, RULE_API, `${ROUTE}[1].weight`, '30');
    expect(diff).toEqual({ removed: ['      weight: 10'], added: ['      weight: 30'] });
    const weights = graph.edges
      .filter((e) => e.kind === 'route' && e.source === RULE_API)
      .map((e) => e.weight);
    expect(weights).toEqual([90, 30]);
  });

  test('a negative weight is refused', () => {
    expect(refusal(SHOP, RULE_API, `${ROUTE}[0].weight`, '-1')).toMatch(/0 or more/);
  });

  test('the subset is picked from the DestinationRules of the host', () => {
    const subset = fieldOf(
      formOf(TestEditor.load(SHOP), RULE_API),
      `${ROUTE}[0].destination.subset`,
    );
    expect(subset.options?.map((o) => o.value)).toEqual(['v1', 'v2']);
    const { diff, graph } = editField(SHOP, RULE_API, `${ROUTE}[0].destination.subset`, 'v2');
    expect(diff).toEqual({ removed: ['        subset: v1'], added: ['        subset: v2'] });
    expect(
      graph.edges.filter((e) => e.kind === 'route' && e.source === RULE_API).map((e) => e.target),
    ).toEqual(['subset:DestinationRule/shop/web:v2', 'subset:DestinationRule/shop/web:v2']);
  });

  test('host and port are edited in place', () => {
    expect(editField(SHOP, RULE_API, `${ROUTE}[0].destination.host`, 'web-canary').diff).toEqual({
      removed: ['        host: web'],
      added: ['        host: web-canary'],
    });
    expect(
      editField(SHOP, RULE_API, `${ROUTE}[0].destination.port.number`, '9090').diff.added,
    ).toEqual(['          number: 9090']);
  });

  test('a second destination splits 100/0, so the total weight stays valid', () => {
    const { diff, editor, graph } = addItem(SHOP, RULE_SITE, 'group:spec.http[1].route', {
      'spec.http[1].route#new-host': 'web',
    });
    expect(diff).toEqual({
      removed: [],
      added: [
        '      weight: 100',
        '    - destination:',
        '        host: web',
        '        port:',
        '          number: 8080',
        '      weight: 0',
      ],
    });
    expect(graph.edges.filter((e) => e.kind === 'route' && e.source === RULE_SITE)).toHaveLength(2);
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(SHOP).workspace));
  });

  test('a destination is removed; the last one cannot be', () => {
    const editor = TestEditor.load(SHOP);
    const group = groupOf(formOf(editor, RULE_API), `group:${ROUTE}`);
    const remove = group.items[1]?.remove;
    if (!remove) throw new Error('expected a remove');
    const { diff } = applyChecked(editor, remove);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toHaveLength(6);
    expect(groupOf(formOf(editor, RULE_API), `group:${ROUTE}`).items[0]?.remove).toBeUndefined();
  });

  test('even shares sum to 100', () => {
    expect(evenShares(3)).toEqual([34, 33, 33]);
    expect(evenShares(1)).toEqual([100]);
  });
});
