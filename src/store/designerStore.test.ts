import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
import { dedent } from '../testing/dedent.ts';
import { EXAMPLE } from '../workspace/example.ts';
import { createDesignerStore } from './designerStore.ts';
import { loadSaved, persist, STORAGE_KEY } from './persistence.ts';
import {
  selectCanRedo,
  selectCanUndo,
  selectFileText,
  selectGraph,
  selectIsStale,
  selectProblems,
  selectProblemsCurrent,
} from './selectors.ts';

const GW = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: gw, namespace: web}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [a.example.com]
`;

function storeWith(text: string, clock = { t: 0 }) {
  return createDesignerStore({ files: [{ name: 'a.yaml', text }], now: () => clock.t });
}

describe('the designer store', () => {
  test('the example opens with the whole request path', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    const kinds = new Set(selectGraph(store.getState()).nodes.map((n) => n.kind));
    for (const kind of [
      'client',
      'loadBalancer',
      'gatewayWorkload',
      'gateway',
      'virtualService',
      'route',
      'service',
      'subset',
      'pods',
      'autoscaler',
      'disruptionBudget',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(lint(store.getState().workspace)).toEqual([]);
  });

  test('a graph command changes the text the editor shows, and undo/redo walk it back and forth', () => {
    const store = storeWith(GW);
    store.getState().apply({ type: 'renameResource', target: 'Gateway/web/gw', name: 'edge' });
    expect(selectFileText(store.getState(), 'a.yaml')).toContain('name: edge');
    store.getState().undo();
    expect(selectFileText(store.getState(), 'a.yaml')).toBe(GW);
    expect(selectCanRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(selectFileText(store.getState(), 'a.yaml')).toContain('name: edge');
  });

  test('typing that parses redraws the graph; quick keystrokes coalesce into one undo step', () => {
    const clock = { t: 0 };
    const store = storeWith(GW, clock);
    store.getState().editText('a.yaml', GW.replace('name: gw', 'name: g'));
    clock.t += 100;
    store.getState().editText('a.yaml', GW.replace('name: gw', 'name: gx'));
    expect(selectGraph(store.getState()).nodes.some((n) => n.resource === 'Gateway/web/gx')).toBe(
      true,
    );
    store.getState().undo();
    expect(selectFileText(store.getState(), 'a.yaml')).toBe(GW);
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  test('typing that does not parse keeps the last good graph, marks it stale and keeps the text', () => {
    const store = storeWith(GW);
    const graph = selectGraph(store.getState());
    const broken = `${GW}  bad: [\n`;
    store.getState().editText('a.yaml', broken);
    expect(selectIsStale(store.getState())).toBe(true);
    expect(selectGraph(store.getState())).toBe(graph);
    expect(selectFileText(store.getState(), 'a.yaml')).toBe(broken);
    const [problem] = selectProblems(store.getState());
    // An unclosed flow list is reported where the text ends: the line after it.
    expect(problem).toMatchObject({ file: 'a.yaml', severity: 'error', line: 10 });
    // Graph edits wait until the text parses: nothing typed is thrown away.
    expect(store.getState().apply({ type: 'removeResource', target: 'Gateway/web/gw' })).toBe(
      false,
    );
    expect(store.getState().notice?.text).toMatch(/a\.yaml has YAML errors/);
    store.getState().editText('a.yaml', GW);
    expect(selectIsStale(store.getState())).toBe(false);
  });

  test('import replaces the workspace in one undoable step', () => {
    const store = storeWith(GW);
    store
      .getState()
      .apply({ type: 'replaceWorkspace', files: [{ name: 'b.yaml', text: 'kind: Service\n' }] });
    expect(store.getState().activeFile).toBe('b.yaml');
    store.getState().undo();
    expect(selectFileText(store.getState(), 'a.yaml')).toBe(GW);
  });

  test('a refused command leaves the workspace and says why', () => {
    const store = storeWith(GW);
    const before = store.getState().workspace;
    expect(store.getState().apply({ type: 'removeResource', target: 'Gateway/web/nope' })).toBe(
      false,
    );
    expect(store.getState().workspace).toBe(before);
    expect(store.getState().notice).toEqual({
      kind: 'error',
      text: 'no resource Gateway/web/nope in the workspace',
    });
  });

  test('findings show for the workspace they were found in until newer ones arrive; fixes wait for them', () => {
    const store = storeWith(GW);
    const checkNow = () => {
      const { workspace, assumeComplete } = store.getState();
      store.getState().setProblems({
        workspace,
        complete: assumeComplete,
        diagnostics: lint(workspace, { complete: assumeComplete }),
      });
    };
    checkNow();
    expect(selectProblemsCurrent(store.getState())).toBe(true);
    expect(selectProblems(store.getState())).toEqual([]);
    // A route bound to a Gateway the workspace does not have: IST0101 once checked.
    store.getState().apply({
      type: 'addResource',
      value: {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'v', namespace: 'web' },
        spec: { hosts: ['a.example.com'], gateways: ['nope'], http: [{ route: [] }] },
      },
    });
    expect(selectProblemsCurrent(store.getState())).toBe(false);
    expect(selectProblems(store.getState())).toEqual([]);
    checkNow();
    expect(selectProblems(store.getState()).map((d) => d.istio)).toContain('IST0101');
  });

  test('the history holds at least 100 steps', () => {
    const store = storeWith(GW);
    for (let i = 0; i < 120; i++) {
      store.getState().apply({
        type: 'setValue',
        target: 'Gateway/web/gw',
        path: ['spec', 'servers', 0, 'port', 'number'],
        value: 1000 + i,
      });
    }
    for (let i = 0; i < 120; i++) store.getState().undo();
    expect(selectFileText(store.getState(), 'a.yaml')).toBe(GW);
  });
});

describe('saving in the browser', () => {
  test('what is saved comes back on the next start, drafts included', async () => {
    const storage = new Map<string, string>();
    const kv = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const store = storeWith(GW);
    const stop = persist(store, kv, 0);
    store.getState().editText('a.yaml', `${GW}oops: [\n`);
    stop();
    const init = loadSaved(kv);
    expect(init?.files).toEqual([{ name: 'a.yaml', text: GW }]);
    expect(init?.drafts).toEqual({ 'a.yaml': `${GW}oops: [\n` });
    const reopened = createDesignerStore(init ?? { files: [] });
    expect(selectFileText(reopened.getState(), 'a.yaml')).toBe(`${GW}oops: [\n`);
  });

  test('a change still waiting for its save is saved when the page goes away', () => {
    const storage = new Map<string, string>();
    const kv = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const page = new EventTarget();
    const store = storeWith(GW);
    const stop = persist(store, kv, 60_000, page);
    store.getState().editText('a.yaml', GW.replace('name: gw', 'name: edge'));
    expect(loadSaved(kv)).toBeUndefined();
    page.dispatchEvent(new Event('pagehide'));
    expect(loadSaved(kv)?.files[0]?.text).toContain('name: edge');
    stop();
  });

  test('unreadable saved data is ignored', () => {
    const kv = { getItem: () => '{not json', setItem: () => {} };
    expect(loadSaved(kv)).toBeUndefined();
    expect(
      loadSaved({
        getItem: (k: string) => (k === STORAGE_KEY ? '{"files": 3}' : null),
        setItem: () => {},
      }),
    ).toBeUndefined();
  });
});
