import { describe, expect, test } from 'vitest';
import { SHOP } from '../../forms/testManifests.ts';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { TestEditor } from '../../testing/testEditor.ts';
import { formDocs, nodeKey, optionsKey, whereText } from './inspectedNode.ts';

const RULE = 'route:VirtualService/shop/shop:http[0]';
const SERVICE = 'service:web.shop.svc.cluster.local';

function nodeOf(editor: TestEditor, id: string) {
  return deriveGraph(editor.workspace).nodes.find((n) => n.id === id);
}

describe('what the inspector subscribes to', () => {
  test('an edit in another resource changes none of it', () => {
    const editor = TestEditor.load(SHOP);
    const node = nodeOf(editor, RULE);
    const before = {
      key: nodeKey(deriveGraph(editor.workspace), RULE),
      docs: formDocs(editor.workspace, node),
      options: optionsKey(editor.workspace),
      where: whereText(editor.workspace, node),
    };
    // The Service comes after the VirtualService: its edit moves no line of the rule.
    editor.apply({
      type: 'setValue',
      target: 'Service/shop/web',
      path: ['spec', 'ports', 0, 'name'],
      value: 'http-web',
    });
    expect(nodeKey(deriveGraph(editor.workspace), RULE)).toBe(before.key);
    const docs = formDocs(editor.workspace, node);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toBe(before.docs[0]);
    expect(optionsKey(editor.workspace)).toBe(before.options);
    expect(whereText(editor.workspace, node)).toBe(before.where);
  });

  test('an edit of the rule’s own document changes its documents', () => {
    const editor = TestEditor.load(SHOP);
    const node = nodeOf(editor, RULE);
    const before = formDocs(editor.workspace, node)[0];
    editor.apply({
      type: 'setValue',
      target: 'VirtualService/shop/shop',
      path: ['spec', 'http', 0, 'timeout'],
      value: '7s',
    });
    expect(formDocs(editor.workspace, node)[0]).not.toBe(before);
  });

  test('a Service’s form also reads the DestinationRules of its host', () => {
    const editor = TestEditor.load(SHOP);
    expect(formDocs(editor.workspace, nodeOf(editor, SERVICE))).toHaveLength(2);
  });

  test('a new subset changes what the selects offer', () => {
    const editor = TestEditor.load(SHOP);
    const before = optionsKey(editor.workspace);
    editor.apply({
      type: 'insertItem',
      target: 'DestinationRule/shop/web',
      path: ['spec', 'subsets'],
      index: 2,
      value: { name: 'v3', labels: { version: 'v3' } },
    });
    expect(optionsKey(editor.workspace)).not.toBe(before);
  });

  test('implied and missing nodes have no documents and no place', () => {
    const editor = TestEditor.load(SHOP);
    const implied = nodeOf(editor, 'gatewayWorkload:implied:istio-system/istio-ingressgateway');
    expect(formDocs(editor.workspace, implied)).toEqual([]);
    expect(whereText(editor.workspace, implied)).toBeNull();
    expect(nodeKey(deriveGraph(editor.workspace), 'nope')).toBeNull();
  });
});
