import { describe, expect, it } from 'vitest';
import { connect } from '../../edit/gestures/connect.ts';
import { IDS, SHOP } from '../../edit/gestures/fixtures.ts';
import { createDesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { fileText } from '../../workspace/workspace.ts';
import { applyGesture } from './applyGesture.ts';

function shop() {
  return createDesignerStore({ files: [{ name: 'shop.yaml', text: SHOP }] });
}

function text(store: ReturnType<typeof shop>): string {
  return store.getState().workspace.files.map(fileText).join('');
}

describe('applyGesture', () => {
  it('says what split a new destination made, and its Undo takes the gesture back', () => {
    const store = shop();
    const state = store.getState();
    const before = text(store);
    const result = connect(state.workspace, selectGraph(state), IDS.all, IDS.v3);
    expect(applyGesture(store, result)).toBe(true);
    expect(store.getState().notice).toMatchObject({
      kind: 'info',
      text: 'Rule all now splits its traffic: web v1 60%, web v2 7%, web v3 33%',
      undoable: true,
    });
    expect(text(store)).toContain('subset: v3');

    store.getState().undo();
    expect(text(store)).toBe(before);
    expect(store.getState().notice).toBeNull();
  });

  it('a refusal says why and offers no Undo (nothing changed)', () => {
    const store = shop();
    const state = store.getState();
    expect(applyGesture(store, connect(state.workspace, selectGraph(state), IDS.all, IDS.v1))).toBe(
      false,
    );
    expect(store.getState().notice).toEqual({
      kind: 'error',
      text: 'Rule all already routes to web v1',
    });
  });
});
