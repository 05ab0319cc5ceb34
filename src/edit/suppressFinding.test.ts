import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { findEntry, type Workspace } from '../workspace/workspace.ts';
import { suppressCommand } from './suppressFinding.ts';

function entry(workspace: Workspace, id: string) {
  const found = findEntry(workspace, id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const BARE = dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop   # the storefront
    namespace: web
  spec:
    hosts: [shop.example.com]
`;

describe('suppressCommand', () => {
  test('adds metadata.annotations with the code when the resource has none, one undo step', () => {
    const editor = TestEditor.load(BARE);
    editor.apply(suppressCommand(entry(editor.workspace, 'VirtualService/web/shop'), 'IST0101'));
    expect(lineDiff(BARE, editor.yaml())).toEqual({
      removed: [],
      added: ['  annotations:', '    galley.istio.io/analyze-suppress: IST0101'],
    });
    editor.undo();
    expect(editor.yaml()).toBe(BARE);
  });

  test('appends to an existing comma list, changing only that line', () => {
    const text = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: shop
        namespace: web
        annotations:
          owner: team-a
          galley.istio.io/analyze-suppress: "IST0102"
      spec:
        hosts: [shop.example.com]
    `;
    const editor = TestEditor.load(text);
    editor.apply(suppressCommand(entry(editor.workspace, 'VirtualService/web/shop'), 'IST0101'));
    const { removed, added } = lineDiff(text, editor.yaml());
    expect(removed).toEqual(['    galley.istio.io/analyze-suppress: "IST0102"']);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^ {4}galley\.istio\.io\/analyze-suppress: "?IST0102,IST0101"?$/);
  });

  test('adds annotations to a metadata written in flow style', () => {
    const text =
      'kind: Gateway\napiVersion: networking.istio.io/v1\nmetadata: {name: gw, namespace: istio-system}\nspec: {}\n';
    const editor = TestEditor.load(text);
    editor.apply(suppressCommand(entry(editor.workspace, 'Gateway/istio-system/gw'), 'IST0101'));
    expect(editor.workspace.files[0]?.docs[0]?.object?.metadata.annotations).toEqual({
      'galley.istio.io/analyze-suppress': 'IST0101',
    });
    expect(editor.yaml()).toContain('spec: {}');
  });

  test('writes on an item of a List (kubectl get -o yaml), inside that item only', () => {
    const text = dedent`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: web
        spec:
          hosts: [shop.example.com]
    `;
    const editor = TestEditor.load(text);
    editor.apply(suppressCommand(entry(editor.workspace, 'VirtualService/web/shop'), 'IST0101'));
    expect(lineDiff(text, editor.yaml())).toEqual({
      removed: [],
      added: ['    annotations:', '      galley.istio.io/analyze-suppress: IST0101'],
    });
  });
});
