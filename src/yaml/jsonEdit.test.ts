import { describe, expect, it } from 'vitest';
import { lineDiff } from '../testing/lineDiff.ts';
import { type DocEdit, editDoc, editDocAll } from './editDoc.ts';
import { parseYamlDoc } from './yamlDoc.ts';

const JSON_LIST = `{
    "apiVersion": "v1",
    "items": [
        {
            "kind": "VirtualService",
            "metadata": {
                "name": "a"
            },
            "spec": {
                "hosts": [
                    "a.example.com"
                ],
                "http": [
                    {
                        "route": [
                            {
                                "destination": {
                                    "host": "a"
                                }
                            }
                        ]
                    }
                ]
            }
        },
        {
            "kind": "Service",
            "metadata": {
                "name": "b"
            }
        }
    ],
    "kind": "List"
}
`;

function edited(edit: DocEdit): string {
  const result = editDoc(parseYamlDoc(JSON_LIST), edit);
  if (!result.ok) throw new Error(result.message);
  // Still JSON, and holding what YAML reads from it.
  expect(JSON.parse(result.doc.text)).toEqual(result.doc.document.toJS());
  return result.doc.text;
}

const VS: (string | number)[] = ['items', 0];

describe('editing a JSON document (kubectl get -o json)', () => {
  it('sets a value in place, in JSON', () => {
    const text = edited({
      op: 'set',
      path: [...VS, 'spec', 'http', 0, 'route', 0, 'destination', 'host'],
      value: 'b',
    });
    expect(lineDiff(JSON_LIST, text)).toEqual({
      removed: ['                                    "host": "a"'],
      added: ['                                    "host": "b"'],
    });
  });

  it("setting the value already there changes nothing, not even a flow map's quoting", () => {
    expect(edited({ op: 'set', path: [...VS, 'metadata', 'name'], value: 'a' })).toBe(JSON_LIST);
    const flow = '{"apiVersion": networking.istio.io/v1, kind: Gateway, metadata: {name: v1}}\n';
    const result = editDoc(parseYamlDoc(flow), {
      op: 'set',
      path: ['metadata', 'name'],
      value: 'v1',
    });
    expect(result.ok && result.doc.text).toBe(flow);
  });

  it('adds a key after the last one, indented as its neighbours', () => {
    const text = edited({ op: 'set', path: [...VS, 'spec', 'http', 0, 'timeout'], value: '5s' });
    expect(lineDiff(JSON_LIST, text)).toEqual({
      removed: ['                        ]'],
      added: ['                        ],', '                        "timeout": "5s"'],
    });
  });

  it('writes a new map as indented JSON', () => {
    const text = edited({ op: 'set', path: [...VS, 'metadata', 'labels'], value: { app: 'a' } });
    expect(lineDiff(JSON_LIST, text).added).toEqual([
      '                "name": "a",',
      '                "labels": {',
      '                    "app": "a"',
      '                }',
    ]);
  });

  it('inserts and deletes list items with their commas', () => {
    const inserted = edited({ op: 'insert', path: [...VS, 'spec', 'hosts'], index: 1, value: 'c' });
    expect(lineDiff(JSON_LIST, inserted)).toEqual({
      removed: ['                    "a.example.com"'],
      added: ['                    "a.example.com",', '                    "c"'],
    });
    const first = edited({ op: 'insert', path: [...VS, 'spec', 'hosts'], index: 0, value: 'c' });
    expect(lineDiff(JSON_LIST, first).added).toEqual(['                    "c",']);
    const removed = edited({ op: 'delete', path: ['items', 1] });
    expect(JSON.parse(removed).items).toHaveLength(1);
    expect(lineDiff(JSON_LIST, removed).added).toEqual([]);
    expect(lineDiff(JSON_LIST, removed).removed).toHaveLength(6);
    const emptied = edited({ op: 'delete', path: [...VS, 'spec', 'hosts', 0] });
    expect(lineDiff(JSON_LIST, emptied).added).toEqual(['                "hosts": [],']);
  });

  it('deletes a key, and the first item of a list', () => {
    const text = edited({ op: 'delete', path: ['apiVersion'] });
    expect(lineDiff(JSON_LIST, text)).toEqual({ removed: ['    "apiVersion": "v1",'], added: [] });
    const head = edited({ op: 'delete', path: ['items', 0] });
    expect(JSON.parse(head).items).toEqual([{ kind: 'Service', metadata: { name: 'b' } }]);
  });

  it('moves a list item', () => {
    const text = edited({ op: 'move', path: ['items'], from: 1, to: 0 });
    expect(JSON.parse(text).items[0].kind).toBe('Service');
  });

  it('makes several edits in one go, those whose text meets one after the other', () => {
    const edits: DocEdit[] = [
      { op: 'delete', path: ['apiVersion'] },
      { op: 'delete', path: ['items', 0, 'metadata'] },
      { op: 'delete', path: ['items', 0] },
    ];
    const all = editDocAll(parseYamlDoc(JSON_LIST), edits.slice(0, 2));
    expect(all.ok && JSON.parse(all.doc.text)).toMatchObject({ kind: 'List' });
    expect(all.ok && JSON.parse(all.doc.text).apiVersion).toBeUndefined();
    expect(all.ok && JSON.parse(all.doc.text).items[0].metadata).toBeUndefined();
    // Deleting items[0]'s metadata and then items[0] itself: the second splice holds the first.
    const nested = editDocAll(parseYamlDoc(JSON_LIST), edits.slice(1));
    expect(nested.ok && JSON.parse(nested.doc.text).items).toEqual([
      { kind: 'Service', metadata: { name: 'b' } },
    ]);
  });
});
