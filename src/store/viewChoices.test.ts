import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { freeName } from '../workspace/fileNames.ts';
import { createDesignerStore } from './designerStore.ts';
import { loadSaved, openingState, persist, STORAGE_KEY } from './persistence.ts';
import { selectFileNames, selectFileText } from './selectors.ts';

const GW = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: gw, namespace: web}
`;
const VS = dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: vs, namespace: web}
`;

/** A localStorage stand-in. */
function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('theme', () => {
  test("follows the system's until the user chooses; only a choice is saved", () => {
    const storage = memory();
    const store = createDesignerStore({ files: [], systemTheme: 'dark' });
    const stop = persist(store, storage, 0);
    expect(store.getState().theme).toBe('dark');
    store.getState().followSystemTheme('light');
    expect(store.getState().theme).toBe('light');
    store.getState().apply({ type: 'replaceFile', file: 'a.yaml', text: GW });
    stop();
    expect(loadSaved(storage)?.theme).toBeUndefined();

    const again = createDesignerStore({ files: [], systemTheme: 'light' });
    const stopAgain = persist(again, storage, 0);
    again.getState().setTheme('dark');
    again.getState().followSystemTheme('light');
    expect(again.getState().theme).toBe('dark');
    stopAgain();
    expect(loadSaved(storage)?.theme).toBe('dark');
  });

  test('a save from before themes followed the system keeps only dark, which took a click', () => {
    const saved = (theme: string) => {
      const storage = memory();
      storage.setItem(STORAGE_KEY, JSON.stringify({ files: [], theme }));
      return loadSaved(storage)?.theme;
    };
    expect(saved('light')).toBeUndefined();
    expect(saved('dark')).toBe('dark');
  });
});

describe('file names', () => {
  test('a text that replaced the whole file becomes untitled.yaml, in place, in one undo step', () => {
    const store = createDesignerStore({
      files: [
        { name: 'gw.yaml', text: GW },
        { name: 'other.yaml', text: GW },
      ],
    });
    store.getState().setActiveFile('gw.yaml');
    store.getState().editText('gw.yaml', VS, true);
    expect(selectFileNames(store.getState())).toEqual(['untitled.yaml', 'other.yaml']);
    expect(store.getState().activeFile).toBe('untitled.yaml');
    expect(selectFileText(store.getState(), 'untitled.yaml')).toBe(VS);

    // An untitled file keeps its name when replaced again; typing never renames.
    store.getState().editText('untitled.yaml', GW, true);
    store.getState().editText('other.yaml', VS);
    expect(selectFileNames(store.getState())).toEqual(['untitled.yaml', 'other.yaml']);

    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(selectFileNames(store.getState())).toEqual(['gw.yaml', 'other.yaml']);
    expect(store.getState().activeFile).toBe('gw.yaml');
  });

  test('free names count up', () => {
    expect(freeName('untitled.yaml', new Set(['untitled.yaml', 'untitled-2.yaml']))).toBe(
      'untitled-3.yaml',
    );
  });
});

describe('panels', () => {
  test('maximised panels go back to "as the screen suggests" when another panel shows', () => {
    const store = createDesignerStore({ files: [{ name: 'a.yaml', text: GW }] });
    store.getState().setPanelMaximized(false);
    store.getState().showPanel('Problems');
    expect(store.getState().panelMaximized).toBe(false);
    store.getState().showPanel('Inspector');
    expect(store.getState().panelMaximized).toBeNull();
  });
});

describe('the API for new designs', () => {
  test('is the Istio API until the user chooses; the choice is kept across visits, outside history', () => {
    const storage = memory();
    const store = createDesignerStore({ files: [{ name: 'a.yaml', text: GW }] });
    expect(store.getState().designApi).toBe('istio');
    const stop = persist(store, storage, 0);
    store.getState().setDesignApi('gateway-api');
    expect(store.getState().history.past).toHaveLength(0);
    stop();
    const saved = loadSaved(storage);
    expect(saved?.designApi).toBe('gateway-api');
    expect(createDesignerStore(saved ?? { files: [] }).getState().designApi).toBe('gateway-api');
  });

  test('a saved value that is not an API is ignored', () => {
    const storage = memory();
    storage.setItem(STORAGE_KEY, JSON.stringify({ files: [], designApi: 'gateway' }));
    expect(loadSaved(storage)?.designApi).toBeUndefined();
  });

  test('an emptied workspace opens on the example, with the theme and the API the user chose', () => {
    const storage = memory();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ files: [], chosenTheme: 'dark', designApi: 'gateway-api' }),
    );
    const example = [{ name: 'example.yaml', text: VS }];
    const opened = createDesignerStore(openingState(loadSaved(storage), example)).getState();
    expect(selectFileNames(opened)).toEqual(['example.yaml']);
    expect(opened.designApi).toBe('gateway-api');
    expect(opened.theme).toBe('dark');
    expect(openingState(undefined, example)).toEqual({ files: example });
  });
});
