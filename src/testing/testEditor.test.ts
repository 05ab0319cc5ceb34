import { describe, expect, it } from 'vitest';
import { dedent } from './dedent.ts';
import { TestEditor } from './testEditor.ts';

const GATEWAY = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: gw, namespace: web}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
`;

describe('TestEditor drives the real store', () => {
  it('text typed into one file is one undo step with the graph, as in the app', () => {
    const editor = TestEditor.load(GATEWAY, 'gw.yaml');
    editor.text('gw.yaml', GATEWAY.replace('name: gw', 'name: gw2'));
    editor.text('gw.yaml', GATEWAY.replace('name: gw', 'name: gw23'));
    expect(editor.graph().nodes.some((n) => n.resource === 'Gateway/web/gw23')).toBe(true);
    // Keystrokes in one file coalesce: one undo goes back to the text before typing.
    expect(editor.undo().yaml('gw.yaml')).toBe(GATEWAY);
    expect(editor.redo().yaml('gw.yaml')).toContain('name: gw23');
  });

  it('refuses graph commands while a file holds text that does not parse, with the app’s message', () => {
    const editor = TestEditor.load(GATEWAY, 'gw.yaml');
    editor.text('gw.yaml', `${GATEWAY}\n  bad: [indent`);
    const rename = { type: 'renameResource', target: 'Gateway/web/gw', name: 'edge' } as const;
    expect(() => editor.apply(rename)).toThrow(/has YAML errors/);
    // Undo drops the unparsable text first, as the app's Undo does; then the rename applies.
    editor.undo().apply(rename);
    expect(editor.yaml('gw.yaml')).toContain('name: edge');
    expect(editor.graph().nodes.some((n) => n.resource === 'Gateway/web/edge')).toBe(true);
  });
});
