import { describe, expect, test } from 'vitest';
import { encodeShare, type SharedDesign } from '../../share/shareLink.ts';
import { createDesignerStore } from '../../store/designerStore.ts';
import { selectFileText, selectGraph } from '../../store/selectors.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { currentDesign, receiveLink } from './sharedLink.ts';

const SHARED: SharedDesign = {
  files: [{ name: 'shop.yaml', text: 'kind: Service  # shared\nmetadata: {name: shop}\n' }],
  savedTests: [
    {
      name: 'root',
      request: { method: 'GET', url: 'http://shop.example.com/', headers: {} },
      expect: { outcome: 'route' },
    },
  ],
};

function hashOf(design: SharedDesign): string {
  const encoded = encodeShare(design);
  if (!encoded.ok) throw new Error('too large');
  return `#${encoded.fragment}`;
}

/** Receives `hash` into `store`, recording what the page was asked to do. */
function arrive(store: ReturnType<typeof createDesignerStore>, hash: string) {
  const seen = { cleared: 0, asked: null as SharedDesign | null };
  receiveLink(
    store,
    {
      hash,
      clearFragment: () => seen.cleared++,
      ask: (design) => {
        seen.asked = design;
      },
    },
    EXAMPLE,
  );
  return seen;
}

describe('opening a share link', () => {
  test('over the untouched example: opens at once, as one undo step, and clears the fragment', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    const seen = arrive(store, hashOf(SHARED));
    expect(seen).toEqual({ cleared: 1, asked: null });
    expect(currentDesign(store.getState())).toEqual(SHARED);
    store.getState().undo();
    expect(currentDesign(store.getState()).files).toEqual(EXAMPLE);
  });

  test('the layout goes with the design: only nodes of the graph, set as shared', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    const gateway = selectGraph(store.getState()).nodes.find((n) => n.kind === 'gateway');
    if (!gateway) throw new Error('no gateway');
    store.getState().setPositions({ [gateway.id]: { x: 500, y: 60 }, 'gone:node': { x: 1, y: 1 } });
    const design = currentDesign(store.getState());
    expect(design.positions).toEqual({ [gateway.id]: { x: 500, y: 60 } });

    const other = createDesignerStore({ files: [] });
    arrive(other, hashOf(design));
    expect(other.getState().positions).toEqual({ [gateway.id]: { x: 500, y: 60 } });
  });

  test('over edited work: asks, and changes nothing until answered', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    const edited = `${EXAMPLE[0]?.text}# my note\n`;
    store.getState().editText(EXAMPLE[0]?.name ?? '', edited);
    const seen = arrive(store, hashOf(SHARED));
    expect(seen.asked).toEqual(SHARED);
    expect(seen.cleared).toBe(0);
    expect(selectFileText(store.getState(), EXAMPLE[0]?.name ?? '')).toBe(edited);
  });

  test('text being typed that does not parse yet counts as work too', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    store.getState().editText(EXAMPLE[0]?.name ?? '', 'kind: [unclosed');
    expect(arrive(store, hashOf(SHARED)).asked).not.toBeNull();
  });

  test('saved tests alone count as work', () => {
    const store = createDesignerStore({ files: EXAMPLE, savedTests: SHARED.savedTests });
    expect(arrive(store, hashOf({ ...SHARED, savedTests: [] })).asked).not.toBeNull();
  });

  test('the same design again opens without asking', () => {
    const store = createDesignerStore(SHARED);
    expect(arrive(store, hashOf(SHARED)).asked).toBeNull();
  });

  test('a damaged link: an error notice, the fragment cleared, the work untouched', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    store.getState().editText(EXAMPLE[0]?.name ?? '', `${EXAMPLE[0]?.text}# mine\n`);
    const before = currentDesign(store.getState());
    const hash = hashOf(SHARED);
    const seen = arrive(store, hash.slice(0, hash.length - 12));
    expect(seen).toEqual({ cleared: 1, asked: null });
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().notice?.text).toMatch(/damaged.*unchanged/);
    expect(currentDesign(store.getState())).toEqual(before);
  });

  test('a fragment that is no share link is left alone', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    expect(arrive(store, '#top')).toEqual({ cleared: 0, asked: null });
    expect(store.getState().notice).toBeNull();
  });
});
