import { describe, expect, it } from 'vitest';
import { duplicate } from '../edit/gestures/duplicate.ts';
import { IDS, SHOP } from '../edit/gestures/fixtures.ts';
import { renameNode } from '../edit/gestures/rename.ts';
import { setSplit } from '../edit/gestures/split.ts';
import { editField } from '../forms/testForms.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { nodeAtOffset } from '../graph/nodeLocation.ts';
import { listJson, listYaml } from '../testing/clusterDump.ts';
import { accepted, applyChecked, edges, newErrors } from '../testing/gestures.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { entries } from './workspace.ts';

// Gestures on the items of a `kubectl get -o yaml|json` dump: each rewrites its item's lines
// only, in the List's indentation (or as JSON), and undo gives the dump back byte for byte.

describe.each([
  ['YAML', listYaml(SHOP)],
  ['JSON', listJson(SHOP)],
] as const)('a %s List of the shop', (format, dump) => {
  it('splits a rule of one item, touching only its weight lines', () => {
    const editor = TestEditor.load(dump);
    const before = editor.workspace;
    const gesture = accepted(
      setSplit(editor.workspace, editor.graph(), IDS.all, [50, 50], { percentages: true }),
    );
    const diff = applyChecked(editor, gesture);
    expect(diff.removed).toHaveLength(2);
    expect(diff.added).toHaveLength(2);
    expect(diff.removed.every((line) => /weight.*(90|10)/.test(line))).toBe(true);
    expect(diff.added.every((line) => /weight.*50/.test(line))).toBe(true);
    // The List's indentation is kept: the new lines start where the old ones did.
    expect(diff.added.map((line) => line.search(/\S/))).toEqual(
      diff.removed.map((line) => line.search(/\S/)),
    );
    expect(edges(editor.graph(), 'route').filter((e) => e.startsWith(IDS.all))).toEqual([
      `${IDS.all} -> ${IDS.v1} @50`,
      `${IDS.all} -> ${IDS.v2} @50`,
    ]);
    expect(newErrors(before, editor.workspace)).toEqual([]);
    if (format === 'JSON') expect(() => JSON.parse(editor.yaml())).not.toThrow();
  });

  it('renames a Gateway item and the VirtualService item that names it', () => {
    const editor = TestEditor.load(dump);
    const gesture = accepted(
      renameNode(editor.workspace, editor.graph(), IDS.shopGateway, 'front'),
    );
    const diff = applyChecked(editor, gesture);
    expect(diff.added.join('\n')).toMatch(/front[\s\S]*web\/front/);
    expect(diff.removed).toHaveLength(diff.added.length);
    expect(edges(editor.graph(), 'bind')).toContain(
      'gateway:Gateway/web/front -> virtualService:VirtualService/web/shop',
    );
  });

  it('copies an item into the List, without the fields the cluster set', () => {
    const editor = TestEditor.load(dump);
    const gesture = accepted(duplicate(editor.workspace, editor.graph(), IDS.api));
    const diff = applyChecked(editor, gesture);
    expect(diff.removed.filter((line) => line.trim() !== '}' && line.trim() !== '},')).toEqual([]);
    const ids = entries(editor.workspace).map((e) => e.id);
    expect(ids.indexOf('VirtualService/web/api-copy')).toBe(
      ids.indexOf('VirtualService/web/api') + 1,
    );
    expect(editor.workspace.files).toHaveLength(1);
    expect(editor.workspace.files[0]?.docs).toHaveLength(1);
    const copy = entries(editor.workspace).find((e) => e.id === 'VirtualService/web/api-copy');
    expect(copy?.plain.status).toBeUndefined();
    expect(copy?.plain.metadata).toEqual({ name: 'api-copy', namespace: 'web' });
    if (format === 'JSON') expect(JSON.parse(editor.yaml()).items).toHaveLength(ids.length);
  });

  it('removes one item from the List, and undo puts it back', () => {
    const editor = TestEditor.load(dump);
    editor.apply({ type: 'removeResource', target: 'VirtualService/web/checkout' });
    expect(entries(editor.workspace).map((e) => e.id)).not.toContain('VirtualService/web/checkout');
    expect(entries(editor.workspace)).toHaveLength(
      entries(TestEditor.load(dump).workspace).length - 1,
    );
    expect(editor.undo().yaml()).toBe(dump);
  });
});

describe('the Inspector and the editor on a List', () => {
  it.each([
    ['YAML', listYaml(SHOP)],
    ['JSON', listJson(SHOP)],
  ])('a form edit of a %s item changes its line only', (_, dump) => {
    const { diff } = editField(dump, IDS.shopGateway, 'spec.servers[0].port.number', '8080');
    expect(diff.removed).toHaveLength(1);
    expect(diff.removed[0]).toMatch(/number"?: 80,?$/);
    expect(diff.added).toEqual([diff.removed[0]?.replace('80', '8080')]);
  });

  it('the cursor in an item selects that item’s node, its rule when inside one', () => {
    const dump = listYaml(SHOP);
    const workspace = TestEditor.load(dump, 'dump.yaml').workspace;
    const graph = deriveGraph(workspace);
    const at = (needle: string) =>
      nodeAtOffset(workspace, graph, 'dump.yaml', dump.indexOf(needle))?.id;
    expect(at('name: shop-gw')).toBe(IDS.shopGateway);
    expect(at('name: api\n')).toBe(IDS.api);
    expect(at('weight: 90')).toBe(IDS.all);
  });
});

describe('adding a resource to a JSON dump', () => {
  it('adds it as the last item of the List, and the file stays JSON', () => {
    const dump = listJson(SHOP);
    const editor = TestEditor.load(dump, 'dump.json');
    const value = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'extra', namespace: 'web' },
    };
    editor.apply({ type: 'addResource', value });
    const json = JSON.parse(editor.yaml());
    expect(json.items.at(-1)).toEqual(value);
    expect(entries(editor.workspace).at(-1)?.id).toBe('Service/web/extra');
    expect(editor.undo().yaml()).toBe(dump);
  });

  it('a YAML List gets a document of its own after it', () => {
    const editor = TestEditor.load(listYaml(SHOP));
    editor.apply({
      type: 'addResource',
      value: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'extra' } },
    });
    expect(editor.workspace.files[0]?.docs).toHaveLength(2);
  });
});
