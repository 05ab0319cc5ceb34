import { describe, expect, test } from 'vitest';
import { crlf, dedent } from '../testing/dedent.ts';
import { fileText, loadWorkspace } from '../workspace/workspace.ts';
import { parseFile } from './parseFile.ts';

/** The file as the workspace gives it back after loading it. */
function roundTrip(text: string): string {
  const file = loadWorkspace([{ name: 'f.yaml', text }]).files[0];
  if (!file) throw new Error('no file');
  return fileText(file);
}

const GATEWAY = dedent`
  # Ingress for the shop.
  apiVersion: networking.istio.io/v1   # v1 since Istio 1.22
  kind: Gateway
  metadata:
    name: shop  # inline
    namespace: 'shop'
  spec:
    # which pods
    selector: {istio: ingressgateway}

    servers:
      - port: { number: 443, name: "https", protocol: HTTPS }
        hosts: [ "shop.example.com", '*.shop.example.com' ]
        tls:
          mode: SIMPLE
          credentialName: shop-cert
      # plain text, redirected
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: [shop.example.com]
        tls: {httpsRedirect: true}
  # trailing comment of the document
`;

/** Files that must come back byte for byte, by name. */
const CASES: Record<string, string> = {
  'empty file': '',
  'only a line break': '\n',
  'only blank lines and spaces': '\n  \n\n',
  'comment-only file': '# nothing here yet\n# really\n',
  'comment-only file without a final line break': '# nothing',
  'no final line break': 'a: 1\nb: 2',
  'several final line breaks': 'a: 1\n\n\n',
  'a gateway with comments everywhere': GATEWAY,
  'comments between documents': dedent`
    a: 1 # one
    # after the first document
    ---
    # head of the second
    b: 2
    # tail of the second
  `,
  'comment after a document end marker': 'a: 1\n...\n# after the end\n',
  'comment on the document end marker line': 'a: 1\n... # end\n---\nb: 2\n',
  'comment on the document start marker line': '--- # start\na: 1\n',
  'blank lines everywhere': '\n\na: 1\n\n\nb:\n\n  c: 2\n\n---\n\nd: 3\n\n',
  'flow collections with and without padding': dedent`
    a: [a]
    b: [ a ]
    c: {a: 1}
    d: { a: 1 }
    e: [ ]
    f: {}
    g: [a, {b: [c, d]}, "e"]
    h: [
      multi,
      line,   # with a comment
    ]
  `,
  'every quoting style': dedent`
    plain: hello world
    single: 'it''s'
    double: "tab\tand \"quote\" and \u00e9"
    empty-single: ''
    empty-double: ""
    folded-plain: this is
      folded over lines
    "quoted key": 1
    'single key': 2
    ? explicit key
    : 3
  `,
  'block scalars': dedent`
    literal: |
      line 1
        indented
      line 3
    folded-strip: >-
      folded
      text

    keep: |+
      kept


    indicator: |2
        leading spaces
    last: end
  `,
  'anchors, aliases and merge keys': dedent`
    base: &base
      timeout: 5s
      retries: {attempts: 3}
    route-a:
      <<: *base
      name: a
    route-b:
      <<: [*base]
      timeout: 10s
    hosts: &hosts [a, b]
    same: *hosts
  `,
  'key order kept as written': 'z: 1\na: 2\nm: 3\nb: 4\n',
  'several --- separators': '---\na: 1\n---\nb: 2\n---\nc: 3\n',
  'duplicate --- with nothing between': '---\n---\n---\na: 1\n',
  'separators without content': '---\n---\n',
  '%YAML directives': '%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n',
  '%TAG directive': '%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1\n',
  'empty documents between full ones': 'a: 1\n---\n---\n# only a comment\n---\nb: 2\n',
  'a document that is only a comment': '# just a comment\n---\na: 1\n---\n# only this\n',
  'document end markers twice': 'a: 1\n...\n...\n',
  'document end marker alone': '...\n',
  'only a directive': '%YAML 1.2\n',
  'CRLF line endings': crlf(GATEWAY),
  'CRLF with several documents and a tail': crlf('a: 1\n---\nb: |\n  x\n...\n# tail\n'),
  'mixed line endings': 'a: 1\r\nb: 2\nc: 3\r\n',
  'byte order mark': '\uFEFFa: 1\nb: 2\n',
  'byte order mark before ---': '\uFEFF---\na: 1\n',
  'tabs inside values and before comments': 'a: x\ty\nb: "\t"\nc: 1\t# tab then comment\n',
  'very long line': `a: ${'x'.repeat(20_000)}\nb: [${Array.from({ length: 2000 }, (_, i) => i).join(', ')}]\n`,
  unicode: 'name: héllo wörld 🎉\n日本: 東京\nemoji: "👍🏽"\n',
  'trailing spaces': 'a: 1   \nb:   \n  - x  \n',
  'a bare scalar document': 'just a string\n',
  'a top-level list': '- a\n- b: 1\n  c: 2\n',
  'tags and null forms': 'a: !!str 1\nb: ~\nc: null\nd:\ne: !custom {x: 1}\n',
};

describe('a file comes back byte for byte', () => {
  for (const [name, text] of Object.entries(CASES)) {
    test(name, () => {
      expect(roundTrip(text)).toBe(text);
      const parsed = parseFile(text);
      expect(parsed.docs.map((doc) => doc.text).join('') + parsed.tail).toBe(text);
    });
  }
});

describe('how a file is split into documents', () => {
  test('comments before a --- belong to the document that follows', () => {
    const parsed = parseFile('a: 1\n---\n# about b\nb: 2\n');
    expect(parsed.docs.map((doc) => doc.text)).toEqual(['a: 1\n', '---\n# about b\nb: 2\n']);
    expect(parsed.tail).toBe('');
  });

  test('a document owns its ... marker and the file keeps what follows as its tail', () => {
    const parsed = parseFile('a: 1\n...\n# tail\n');
    expect(parsed.docs.map((doc) => doc.text)).toEqual(['a: 1\n...\n']);
    expect(parsed.tail).toBe('# tail\n');
  });

  test('a comment-only file has no document: everything is the tail', () => {
    const parsed = parseFile('# only\n');
    expect(parsed.docs).toEqual([]);
    expect(parsed.tail).toBe('# only\n');
  });

  test('empty documents are documents', () => {
    const parsed = parseFile('---\n---\n---\na: 1\n');
    expect(parsed.docs.map((doc) => doc.text)).toEqual(['---\n', '---\n', '---\na: 1\n']);
    expect(parsed.docs.map((doc) => doc.document.toJS())).toEqual([null, null, { a: 1 }]);
  });

  test('a stray character the parser reports early stays in its place', () => {
    // yaml's parser emits the error token for `}` before the document token that holds it.
    const parsed = parseFile('a: 1\n---\n}\n');
    expect(parsed.docs.map((doc) => doc.text)).toEqual(['a: 1\n', '---\n}\n']);
    expect(parsed.docs[1]?.problems.map((p) => [p.offset, p.message])).toEqual([
      [4, 'Unexpected flow-map-end token in YAML document: "}"'],
    ]);
  });

  test('errors after the last document are reported on it, not left unread in the tail', () => {
    const parsed = parseFile('- a\nb: 1\n');
    expect(parsed.docs.map((doc) => doc.text)).toEqual(['- a\nb: 1\n']);
    expect(parsed.tail).toBe('');
    expect(parsed.docs[0]?.problems.length).toBe(3);
  });

  test('a byte order mark before a top-level list: yaml 2.9 reports an error, the text survives', () => {
    // An upstream lexer quirk: the mark shifts the first `-` by one column.
    const text = '\uFEFF- a\n- b\n';
    const parsed = parseFile(text);
    expect(parsed.docs.map((doc) => doc.text).join('') + parsed.tail).toBe(text);
    expect(parsed.docs[0]?.problems.length).toBeGreaterThan(0);
  });

  test('each document parses with ranges that point into its own text', () => {
    const parsed = parseFile('a: 1\n---\nkey: value\n');
    const second = parsed.docs[1];
    if (!second) throw new Error('no second document');
    const range = second.document.contents?.range;
    if (!range) throw new Error('no range');
    expect(second.text.slice(range[0] - second.base, range[1] - second.base)).toBe('key: value\n');
  });

  test('CRLF documents keep their CRLF in their own text', () => {
    const parsed = parseFile('a: 1\r\n---\r\nb: 2\r\n');
    expect(parsed.docs.map((doc) => doc.text)).toEqual(['a: 1\r\n', '---\r\nb: 2\r\n']);
    expect(parsed.docs.map((doc) => doc.document.toJS())).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('the values read are the values written, not just the bytes', () => {
    const parsed = parseFile(CASES['anchors, aliases and merge keys'] as string);
    expect(parsed.docs[0]?.document.toJS({ maxAliasCount: 100 })).toEqual({
      base: { timeout: '5s', retries: { attempts: 3 } },
      'route-a': { timeout: '5s', retries: { attempts: 3 }, name: 'a' },
      'route-b': { timeout: '10s', retries: { attempts: 3 } },
      hosts: ['a', 'b'],
      same: ['a', 'b'],
    });
    expect(parseFile(CASES['block scalars'] as string).docs[0]?.document.toJS()).toMatchObject({
      literal: 'line 1\n  indented\nline 3\n',
      'folded-strip': 'folded text',
      keep: 'kept\n\n\n',
      indicator: '  leading spaces\n',
    });
  });
});
