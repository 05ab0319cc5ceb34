import { describe, expect, test } from 'vitest';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { dedent } from '../testing/dedent.ts';
import { newErrors } from '../testing/gestures.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { EXAMPLE, EXAMPLE_FILE_NAME, EXAMPLE_YAML } from '../workspace/example.ts';
import { entries } from '../workspace/workspace.ts';
import type { Command } from './command.ts';

const CART_GATEWAY = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'Gateway',
  metadata: { name: 'cart-gateway', namespace: 'istio-system' },
  spec: {
    selector: { istio: 'ingressgateway' },
    servers: [
      { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['cart.example.com'] },
    ],
  },
};

const WEB_RULE = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'web', namespace: 'web' },
  spec: { host: 'web', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
};

/** Three documents; the middle one has comments, the lists are not indented. */
const WEB = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: web-gw
    namespace: web
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts:
      - web.example.com
  ---
  # Everything to the web service.
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: web
    namespace: web
  spec:
    hosts:
    - web.example.com
    gateways:
    - web/web-gw
    http:
    - name: all
      route:
      - destination: {host: web, subset: v1}
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: web
  spec:
    selector: {app: web}
    ports:
    - {name: http, port: 80}
`;

/** Where WEB's second document starts (its comment), and its third (its `---`). */
const SECOND = WEB.indexOf('---\n# Everything');
const THIRD = WEB.indexOf('---\napiVersion: v1');

/**
 * Applies a command as one step and checks that undo gives back the text before and redo the
 * text after. Returns the line diff of `file`.
 */
function applyChecked(editor: TestEditor, command: Command, file?: string) {
  const before = editor.yaml(file);
  editor.apply(command);
  const after = editor.yaml(file);
  expect(editor.undo().yaml(file)).toBe(before);
  expect(editor.redo().yaml(file)).toBe(after);
  return lineDiff(before, after);
}

describe('a new resource is written in the style of its file', () => {
  test('added to the example file, its lists sit at their keys, as the file writes them', () => {
    const editor = TestEditor.loadFiles(EXAMPLE);
    const before = editor.workspace;
    const diff = applyChecked(editor, { type: 'addResource', value: CART_GATEWAY });
    const added = dedent`
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: cart-gateway
        namespace: istio-system
      spec:
        selector:
          istio: ingressgateway
        servers:
        - port:
            number: 80
            name: http
            protocol: HTTP
          hosts:
          - cart.example.com
    `;
    expect(editor.yaml(EXAMPLE_FILE_NAME)).toBe(EXAMPLE_YAML + added);
    expect(diff).toEqual({ removed: [], added: added.split('\n').slice(0, -1) });
    expect(deriveGraph(editor.workspace).nodes.map((n) => n.label)).toContain('cart-gateway');
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('added to a file indented by 4 spaces, it is indented by 4 spaces', () => {
    const four = dedent`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
          name: web-gw
          namespace: web
      spec:
          selector:
              istio: ingressgateway
          servers:
              - port:
                    number: 80
                    name: http
                    protocol: HTTP
                hosts:
                    - web.example.com
    `;
    const editor = TestEditor.load(four);
    applyChecked(editor, { type: 'addResource', value: WEB_RULE });
    expect(editor.yaml()).toBe(
      four +
        dedent`
          ---
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
              name: web
              namespace: web
          spec:
              host: web
              subsets:
                  - name: v1
                    labels:
                        version: v1
        `,
    );
  });

  test('a last document without lists says nothing about them: the one before it decides', () => {
    const text = dedent`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: web
      spec:
        ports:
        - name: http
          port: 80
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: web
    `;
    const editor = TestEditor.load(text);
    applyChecked(editor, { type: 'addResource', value: WEB_RULE });
    expect(editor.yaml().slice(text.length)).toContain(
      '  subsets:\n  - name: v1\n    labels:\n      version: v1\n',
    );
  });

  test('a file with no documents keeps the default: lists indented under their keys by 2', () => {
    const editor = TestEditor.load('# The web team’s resources\n');
    applyChecked(editor, { type: 'addResource', value: WEB_RULE });
    expect(editor.yaml()).toBe(
      dedent`
        # The web team’s resources
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: web
          namespace: web
        spec:
          host: web
          subsets:
            - name: v1
              labels:
                version: v1
      `,
    );
  });

  test('a file with CRLF line ends gets CRLF lines, in its list style', () => {
    const text = WEB.replaceAll('\n', '\r\n');
    const editor = TestEditor.load(text);
    applyChecked(editor, { type: 'addResource', value: WEB_RULE });
    expect(editor.yaml().slice(text.length)).toBe(
      '---\r\napiVersion: networking.istio.io/v1\r\nkind: DestinationRule\r\nmetadata:\r\n  name: web\r\n  namespace: web\r\nspec:\r\n  host: web\r\n  subsets:\r\n  - name: v1\r\n    labels:\r\n      version: v1\r\n',
    );
  });
});

describe('a new resource right after another', () => {
  test('after a document in the middle: only its lines are added, before the next document', () => {
    const editor = TestEditor.load(WEB);
    const before = editor.workspace;
    const diff = applyChecked(editor, {
      type: 'addResource',
      value: WEB_RULE,
      after: 'VirtualService/web/web',
    });
    const added = dedent`
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: web
        namespace: web
      spec:
        host: web
        subsets:
        - name: v1
          labels:
            version: v1
    `;
    expect(editor.yaml()).toBe(WEB.slice(0, THIRD) + added + WEB.slice(THIRD));
    // The line diff pairs the new `---` with the next document's, so it counts that one as added.
    const lines = added.split('\n').slice(1, -1);
    expect(diff).toEqual({ removed: [], added: [...lines, '---'] });
    expect(entries(editor.workspace).map((e) => e.id)).toEqual([
      'Gateway/web/web-gw',
      'VirtualService/web/web',
      'DestinationRule/web/web',
      'Service/web/web',
    ]);
    // The route's subset now exists: the graph draws it.
    expect(deriveGraph(editor.workspace).nodes.map((n) => n.id)).toContain(
      'subset:DestinationRule/web/web:v1',
    );
    expect(newErrors(before, editor.workspace)).toEqual([]);
  });

  test('after the first document, addressed by file and index; the documents after it are kept as they were', () => {
    const editor = TestEditor.load(WEB);
    const [, second, third] = editor.workspace.files[0]?.docs ?? [];
    applyChecked(editor, {
      type: 'addResource',
      value: CART_GATEWAY,
      after: { file: 'test.yaml', index: 0 },
    });
    expect(editor.yaml().startsWith(`${WEB.slice(0, SECOND)}---\n`)).toBe(true);
    expect(editor.yaml().endsWith(WEB.slice(SECOND))).toBe(true);
    const docs = editor.workspace.files[0]?.docs ?? [];
    expect(docs.map((d) => d.object?.metadata.name)).toEqual([
      'web-gw',
      'cart-gateway',
      'web',
      'web',
    ]);
    expect(docs[3]).toBe(third);
    expect(docs[2]?.text).toBe(second?.text);
  });

  test('with its text: written as given, comments and flow style kept, and a --- added when it has none', () => {
    const editor = TestEditor.load(WEB);
    const text = dedent`
      # Subsets of web, by version.
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: web, namespace: web}
      spec:
        host: web
        subsets:
        - {name: v1, labels: {version: v1}}   # the stable pods
    `;
    const diff = applyChecked(editor, {
      type: 'addResource',
      value: WEB_RULE,
      after: 'Gateway/web/web-gw',
      text,
    });
    expect(editor.yaml()).toBe(`${WEB.slice(0, SECOND)}---\n${text}${WEB.slice(SECOND)}`);
    expect(diff).toEqual({ removed: [], added: [...text.split('\n').slice(0, -1), '---'] });
  });

  test('with a text that has its ---, none is added; a text without a final line break gets one before the next document', () => {
    const editor = TestEditor.load(WEB);
    const text =
      '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: web, namespace: web}\nspec: {host: web, subsets: [{name: v1, labels: {version: v1}}]}';
    applyChecked(editor, {
      type: 'addResource',
      value: WEB_RULE,
      after: 'Gateway/web/web-gw',
      text,
    });
    expect(editor.yaml()).toBe(`${WEB.slice(0, SECOND)}${text}\n${WEB.slice(SECOND)}`);
  });

  test('after the last document it is appended, a comment after the file’s last document staying in front of it', () => {
    const text = `${WEB}...\n# end of the web resources\n`;
    const editor = TestEditor.load(text);
    applyChecked(editor, { type: 'addResource', value: WEB_RULE, after: 'Service/web/web' });
    expect(editor.yaml().startsWith(`${text}---\napiVersion: networking.istio.io/v1\n`)).toBe(true);
    expect(entries(editor.workspace).map((e) => e.id)).toContain('DestinationRule/web/web');
  });

  test('refused, changing nothing: a text of two documents, another manifest than its value, YAML errors', () => {
    const editor = TestEditor.load(WEB);
    const rule =
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: web, namespace: web}\nspec: {host: web, subsets: [{name: v1, labels: {version: v1}}]}\n';
    const add = (text: string): Command => ({
      type: 'addResource',
      value: WEB_RULE,
      after: 'Gateway/web/web-gw',
      text,
    });
    expect(editor.refuse(add(`${rule}---\n${rule}`))).toMatch(/must be one YAML document/);
    expect(editor.refuse(add(rule.replace('kind: DestinationRule', 'kind: Gateway')))).toBe(
      'The text of the new DestinationRule does not hold the manifest given as its value',
    );
    expect(editor.refuse(add(rule.replace('name: v1', 'name: v2')))).toMatch(/does not hold/);
    expect(editor.refuse(add(rule.replace('{host: web', '{host: [web')))).toMatch(
      /^The text of the new DestinationRule has a YAML error: /,
    );
    expect(editor.yaml()).toBe(WEB);
  });

  test('refused: after a resource that is not there, or in another file than the one named', () => {
    const editor = TestEditor.load(WEB);
    expect(editor.refuse({ type: 'addResource', value: WEB_RULE, after: 'Gateway/web/gone' })).toBe(
      'no resource Gateway/web/gone in the workspace',
    );
    expect(
      editor.refuse({
        type: 'addResource',
        value: WEB_RULE,
        after: 'Gateway/web/web-gw',
        file: 'other.yaml',
      }),
    ).toBe('The document to insert after is in test.yaml, not in other.yaml');
    expect(editor.workspace.files.map((f) => f.name)).toEqual(['test.yaml']);
  });

  test('refused before a document that starts without ---: the new one would swallow it', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: web}\n...\napiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: web}\n';
    const editor = TestEditor.load(text);
    expect(editor.refuse({ type: 'addResource', value: WEB_RULE, after: 'Service/web/a' })).toBe(
      'Document 2 of test.yaml does not start with ---: a document cannot be inserted before it',
    );
    // Appending stays possible.
    editor.apply({ type: 'addResource', value: WEB_RULE, after: 'Service/web/b' });
    expect(entries(editor.workspace).map((e) => e.id)).toEqual([
      'Service/web/a',
      'Service/web/b',
      'DestinationRule/web/web',
    ]);
  });
});
