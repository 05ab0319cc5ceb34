import { describe, expect, it } from 'vitest';
import type { CanvasEdge, CanvasNode } from './flowTypes.ts';
import { withinBudget } from './useMountBudget.ts';

const node = (id: string) => ({ id }) as CanvasNode;
const edge = (source: string, target: string) =>
  ({ id: `${source}>${target}`, source, target }) as CanvasEdge;

describe('withinBudget', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
  const edges = [edge('a', 'b'), edge('b', 'e'), edge('d', 'a')];

  it('hands over everything, as the same arrays, when few nodes are new', () => {
    const shown = withinBudget(nodes, edges, new Set(['a', 'b', 'c']), 2);
    expect(shown.partial).toBe(false);
    expect(shown.nodes).toBe(nodes);
    expect(shown.edges).toBe(edges);
  });

  it('keeps every node drawn before and adds new ones up to the budget, in order', () => {
    const shown = withinBudget(nodes, edges, new Set(['d']), 2);
    expect(shown.partial).toBe(true);
    expect(shown.nodes.map((n) => n.id)).toEqual(['a', 'b', 'd']);
    // An edge is drawn only with both of its ends.
    expect(shown.edges.map((e) => e.id)).toEqual(['a>b', 'd>a']);
  });
});
