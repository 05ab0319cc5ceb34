import { describe, expect, it } from 'vitest';
import { generateWorkspaceText } from '../../../scripts/generateWorkspace.ts';
import { applyCommand } from '../../edit/applyCommand.ts';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { toFlowElements } from './toFlow.ts';

describe('canvas elements after an edit', () => {
  it('are the very objects of before, except what the edit changed', () => {
    const before = loadWorkspace([{ name: 'teams.yaml', text: generateWorkspaceText(40) }]);
    const old = toFlowElements(deriveGraph(before), before);
    const result = applyCommand(before, {
      type: 'setValue',
      target: 'VirtualService/team-1/vs-1',
      path: ['spec', 'http', 0, 'route', 0, 'weight'],
      value: 70,
    });
    if (!result.ok) throw new Error(result.error);
    const next = toFlowElements(deriveGraph(result.value), result.value);
    const oldNodes = new Map(old.nodes.map((n) => [n.id, n]));
    const oldEdges = new Map(old.edges.map((e) => [e.id, e]));
    const newNodes = next.nodes.filter((n) => oldNodes.get(n.id) !== n).map((n) => n.id);
    const newEdges = next.edges.filter((e) => oldEdges.get(e.id) !== e);
    // The VirtualService whose weight changed is drawn anew, and only its edges: the split
    // now reads 70 : 10.
    expect(newNodes).toEqual(['virtualService:VirtualService/team-1/vs-1']);
    expect(newEdges.every((e) => e.id.includes('VirtualService/team-1/vs-1'))).toBe(true);
    expect(newEdges.map((e) => e.label)).toContain('87.5%');
    expect(next.edges.length - newEdges.length).toBeGreaterThan(next.edges.length - 10);
  });
});
