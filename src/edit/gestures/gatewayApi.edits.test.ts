import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import {
  accepted,
  applyChecked,
  edges,
  graphOf,
  refused,
  TestEditor,
} from '../../testing/gestures.ts';
import { lineDiff } from '../../testing/lineDiff.ts';
import { applyCommand } from '../applyCommand.ts';
import type { Command } from '../command.ts';
import { deleteEdgeCommand, deleteNodeCommand } from '../graphDeletes.ts';
import { connect } from './connect.ts';
import { duplicate } from './duplicate.ts';
import { API_IDS, GATEWAY_API, istioNeighbours } from './gatewayApiFixtures.ts';
import { addFromPalette, PALETTE_ITEMS } from './palette.ts';
import { nodeReferences, referenceWarning } from './references.ts';
import { renameNode } from './rename.ts';
import { reorderRule } from './reorder.ts';

/** Applies a delete as one step; checks undo and redo give the texts back; returns the line diff. */
function deleted(editor: TestEditor, command: Command) {
  const before = editor.yaml();
  editor.apply(command);
  const after = editor.yaml();
  expect(editor.undo().yaml()).toBe(before);
  expect(editor.redo().yaml()).toBe(after);
  return lineDiff(before, after);
}

function node(editor: TestEditor, id: string) {
  const found = graphOf(editor).nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function edge(editor: TestEditor, source: string, target: string) {
  const found = graphOf(editor).edges.find((e) => e.source === source && e.target === target);
  if (!found) throw new Error(`no edge ${source} -> ${target}`);
  return found;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('deleting Gateway API parts from the graph', () => {
  test('a bind edge removes that parentRef (the list goes with its last item)', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const diff = deleted(
      editor,
      unwrap(deleteEdgeCommand(edge(editor, API_IDS.http, API_IDS.shop))),
    );
    expect(diff.removed).toEqual([
      '  parentRefs:',
      '  - name: gw',
      '    namespace: infra',
      '    sectionName: http',
    ]);
    expect(edges(graphOf(editor), 'bind')).toEqual([]);
  });

  test('a route edge removes that backendRef; the other keeps its weight as written', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const diff = deleted(
      editor,
      unwrap(deleteEdgeCommand(edge(editor, API_IDS.apiV1, API_IDS.web))),
    );
    expect(diff).toEqual({
      removed: ['    - name: web', '      port: 80', '      weight: 10'],
      added: [],
    });
    expect(edges(graphOf(editor), 'route').filter((e) => e.startsWith(API_IDS.apiV1))).toEqual([
      `${API_IDS.apiV1} -> ${API_IDS.apiService} @90`,
    ]);
  });

  test('a listener row removes the listener, and the warning names the routes attached to it', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const graph = graphOf(editor);
    expect(referenceWarning(nodeReferences(editor.workspace, graph, API_IDS.http))).toBe(
      '1 HTTPRoute still refers to it (web/shop)',
    );
    const diff = deleted(editor, unwrap(deleteNodeCommand(node(editor, API_IDS.http))));
    expect(diff.removed).toEqual([
      '  - name: http',
      '    port: 80',
      '    protocol: HTTP',
      '    allowedRoutes:',
      '      namespaces: {from: All}',
    ]);
  });

  test('a rule row removes the rule', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const diff = deleted(editor, unwrap(deleteNodeCommand(node(editor, API_IDS.apiRedirect))));
    expect(diff).toEqual({
      removed: [
        '  - filters:',
        '    - type: RequestRedirect',
        '      requestRedirect: {scheme: https, statusCode: 301}',
      ],
      added: [],
    });
  });

  test('deleting a Gateway or a Service warns about what names it', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const graph = graphOf(editor);
    expect(referenceWarning(nodeReferences(editor.workspace, graph, API_IDS.gateway))).toBe(
      '1 HTTPRoute still refers to it (web/shop)',
    );
    expect(referenceWarning(nodeReferences(editor.workspace, graph, API_IDS.web))).toBe(
      '2 HTTPRoutes still refer to it (web/shop, web/api)',
    );
  });
});

describe('renaming in the Gateway API', () => {
  test('a Gateway: the parentRefs naming it follow, in every route', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(
      renameNode(editor.workspace, graphOf(editor), API_IDS.gateway, 'edge'),
    );
    expect(gesture.summary).toBe(
      'Renamed Gateway.gateway.networking.k8s.io gw to edge; updated 1 reference',
    );
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['  name: gw', '  - name: gw'],
      added: ['  name: edge', '  - name: edge'],
    });
    expect(edges(graphOf(editor), 'bind')).toEqual([
      `listener:Gateway.gateway.networking.k8s.io/infra/edge:listeners[0] -> ${API_IDS.shop}`,
    ]);
  });

  test('an Istio Gateway of the same name leaves the parentRefs alone', () => {
    const editor = TestEditor.load(GATEWAY_API + istioNeighbours('gw'));
    const gesture = accepted(
      renameNode(editor.workspace, graphOf(editor), 'gateway:Gateway/infra/gw', 'legacy'),
    );
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['metadata: {name: gw, namespace: infra}', '  gateways: [infra/gw]'],
      added: ['metadata: {name: legacy, namespace: infra}', '  gateways: [infra/legacy]'],
    });
  });

  test('a Service: the backendRefs, mirrors and ReferenceGrants naming it follow', () => {
    const grant = dedent`
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: {name: share-web, namespace: web}
      spec:
        from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
        to: [{group: "", kind: Service, name: web}]
    `;
    const mirror = GATEWAY_API.replace(
      '  - filters:\n    - type: RequestRedirect\n      requestRedirect: {scheme: https, statusCode: 301}\n',
      '  - filters:\n    - type: RequestMirror\n      requestMirror:\n        backendRef: {name: web, port: 80}\n',
    );
    const editor = TestEditor.load(mirror + grant);
    const gesture = accepted(renameNode(editor.workspace, graphOf(editor), API_IDS.web, 'shop'));
    expect(gesture.summary).toBe('Renamed Service web to shop; updated 4 references');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: [
        '    - name: web',
        '    - name: web',
        '        backendRef: {name: web, port: 80}',
        '  name: web',
        '  to: [{group: "", kind: Service, name: web}]',
      ],
      added: [
        '    - name: shop',
        '    - name: shop',
        '        backendRef: {name: shop, port: 80}',
        '  name: shop',
        '  to: [{group: "", kind: Service, name: shop}]',
      ],
    });
  });

  test('a listener: its name and the sectionName of the routes attached to it', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(renameNode(editor.workspace, graphOf(editor), API_IDS.http, 'web'));
    expect(gesture.summary).toBe('Renamed listener http to web; updated 1 route attached to it');
    expect(applyChecked(editor, gesture)).toEqual({
      removed: ['  - name: http', '    sectionName: http'],
      added: ['  - name: web', '    sectionName: web'],
    });
    expect(refused(renameNode(editor.workspace, graphOf(editor), API_IDS.http, 'https'))).toBe(
      'Gateway gw already has a listener named https',
    );
    expect(refused(renameNode(editor.workspace, graphOf(editor), API_IDS.http, 'Web_1'))).toMatch(
      /is not a valid name/,
    );
  });

  test('a rule: its name, unique in the route', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(renameNode(editor.workspace, graphOf(editor), API_IDS.apiV1, 'v1'));
    expect(gesture.summary).toBe('Renamed rule rules[0] to v1');
    expect(applyChecked(editor, gesture)).toEqual({ removed: [], added: ['    name: v1'] });
  });
});

describe('duplicating and moving HTTPRoute rules', () => {
  test('Ctrl+D copies a rule right after it, named, with a note that it is not used as it is', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(duplicate(editor.workspace, graphOf(editor), API_IDS.shopAll));
    expect(gesture.summary).toBe('Copied rule all as all-copy, right after it');
    expect(gesture.notes).toEqual([
      'all-copy matches the same requests as all; with equal matches the earlier rule wins, so all-copy is not used until you change its matches',
    ]);
    expect(applyChecked(editor, gesture).added).toEqual([
      '  - name: all-copy',
      '    backendRefs:',
      '    - name: web',
      '      port: 80',
    ]);
  });

  test('moving a rule says that specificity, not order, decides', () => {
    const editor = TestEditor.load(GATEWAY_API);
    const gesture = accepted(
      reorderRule(editor.workspace, graphOf(editor), API_IDS.apiRedirect, 0),
    );
    expect(gesture.summary).toBe('Moved rule rules[1] to position 1 of 2');
    expect(gesture.notes?.[0]).toMatch(/^In an HTTPRoute the most specific match wins/);
    applyChecked(editor, gesture);
    expect(editor.yaml()).toContain('  rules:\n  - filters:\n    - type: RequestRedirect');
  });
});

describe('every gesture on every node of a Gateway API workspace', () => {
  test('applies, or says why not in a sentence', () => {
    const editor = TestEditor.load(GATEWAY_API + istioNeighbours('legacy'));
    const graph = graphOf(editor);
    let applied = 0;
    for (const from of graph.nodes) {
      const results = [
        duplicate(editor.workspace, graph, from.id),
        renameNode(editor.workspace, graph, from.id, 'renamed'),
        ...PALETTE_ITEMS.map((item) =>
          addFromPalette(editor.workspace, graph, item, { selected: from.id }),
        ),
        ...graph.nodes.map((to) => connect(editor.workspace, graph, from.id, to.id)),
      ];
      for (const result of results) {
        if (!result.ok) {
          expect(result.error).not.toMatch(/internal|undefined/);
          continue;
        }
        applied++;
        expect(applyCommand(editor.workspace, result.value.command).ok).toBe(true);
      }
    }
    expect(applied).toBeGreaterThan(40);
  });
});
