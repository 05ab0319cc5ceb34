import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { createDesignerStore } from './designerStore.ts';
import { loadSaved, persist } from './persistence.ts';

const GW = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: gw, namespace: web}
`;

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('graph view state', () => {
  test('the grouping is kept across visits; open groups and the focus are not', () => {
    const storage = memory();
    const store = createDesignerStore({ files: [] });
    expect(store.getState().groupBy).toBe('namespace');
    const stop = persist(store, storage, 0);
    store.getState().setGroupBy('host');
    store.getState().setGroupOpen(['host:a.example.com'], true);
    store.getState().setFocus({ kind: 'host', key: 'a.example.com', label: 'a.example.com' });
    stop();
    const saved = loadSaved(storage);
    expect(saved?.groupBy).toBe('host');
    const again = createDesignerStore(saved ?? { files: [] });
    expect(again.getState().groupBy).toBe('host');
    expect(again.getState().groupOpen).toEqual({});
    expect(again.getState().focus).toBeNull();
  });

  test('is outside the undo history; another grouping forgets which groups were open', () => {
    const store = createDesignerStore({ files: [] });
    store.getState().apply({ type: 'replaceFile', file: 'a.yaml', text: GW });
    store.getState().setGroupOpen(['namespace:web'], true);
    store.getState().setFocus({ kind: 'gateway', key: 'gateway:Gateway/web/gw', label: 'gw' });
    store.getState().undo();
    expect(store.getState().groupOpen).toEqual({ 'namespace:web': true });
    expect(store.getState().focus?.label).toBe('gw');
    store.getState().setGroupOpen(['namespace:web'], undefined);
    expect(store.getState().groupOpen).toEqual({});
    store.getState().setGroupOpen(['namespace:web'], false);
    store.getState().setGroupBy('host');
    expect(store.getState().groupOpen).toEqual({});
  });
});
