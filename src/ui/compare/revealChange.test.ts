import { describe, expect, test } from 'vitest';
import { diffWorkspaces } from '../../diff/diffWorkspaces.ts';
import { canary, canaryYaml } from '../../diff/testDesigns.ts';
import { createDesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { revealChange } from './revealChange.ts';

describe('revealChange', () => {
  test('a changed weight selects its rule and shows the weight line in the editor', () => {
    const store = createDesignerStore({ files: canary(80, 20) });
    store.getState().editText('myapp.yaml', canaryYaml(60, 40));
    const state = store.getState();
    const [change] = diffWorkspaces(state.baseline, state.workspace).resources;
    expect(change?.paths[0]).toBe('spec.http[0].route[0].weight');
    expect(revealChange(store, change as NonNullable<typeof change>)).toBe(true);
    const after = store.getState();
    const selected = selectGraph(after).nodes.find((n) => n.id === after.selection);
    expect(selected?.kind).toBe('route');
    expect(selected?.resource).toBe('VirtualService/default/myapp');
    const lines = canaryYaml(60, 40).split('\n');
    expect(lines[(after.reveal?.line ?? 0) - 1]).toBe('      weight: 60');
  });

  test('a removed resource is not revealed', () => {
    const store = createDesignerStore({ files: canary(80, 20) });
    const before = loadWorkspace([
      ...canary(80, 20),
      { name: 'x.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: gone}\n' },
    ]);
    const [change] = diffWorkspaces(before, store.getState().workspace).resources;
    expect(change?.change).toBe('removed');
    expect(revealChange(store, change as NonNullable<typeof change>)).toBe(false);
    expect(store.getState().selection).toBeNull();
  });
});
