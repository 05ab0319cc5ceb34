import { describe, expect, test } from 'vitest';
import { EXAMPLE } from '../workspace/example.ts';
import { createDesignerStore } from './designerStore.ts';

describe('baseline and last export (what Compare measures against)', () => {
  test('the workspace as opened stays the baseline while it is edited', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    const opened = store.getState().workspace;
    store.getState().editText('myapp.yaml', `${EXAMPLE[0]?.text}# edited\n`);
    expect(store.getState().workspace).not.toBe(opened);
    expect(store.getState().baseline).toBe(opened);
  });

  test('replacing the workspace whole (an import) makes a new baseline', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    store.getState().apply({
      type: 'replaceWorkspace',
      files: [{ name: 'shop.yaml', text: 'kind: Service\nmetadata: {name: shop}\n' }],
    });
    expect(store.getState().baseline).toBe(store.getState().workspace);
    expect(store.getState().baseline.files.map((f) => f.name)).toEqual(['shop.yaml']);
  });

  test('no last export until one is recorded', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    expect(store.getState().lastExport).toBeNull();
    const exported = store.getState().workspace;
    store.getState().recordExport(exported);
    store.getState().editText('myapp.yaml', `${EXAMPLE[0]?.text}# edited\n`);
    expect(store.getState().lastExport).toBe(exported);
  });
});
