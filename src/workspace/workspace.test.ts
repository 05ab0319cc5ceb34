import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { fileText, loadFile, loadWorkspace, serializeWorkspace } from './workspace.ts';

function load(text: string) {
  const file = loadWorkspace([{ name: 'f.yaml', text }]).files[0];
  if (!file) throw new Error('no file');
  return file;
}

const GATEWAY = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: gw
  spec:
    servers:
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: ["*"]
`;

/** 9 levels of 9 aliases: 9^9 strings when expanded. */
function billionLaughs(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return text;
}

describe('loading', () => {
  test('each document gets its typed view; the file text is kept', () => {
    const text = `${GATEWAY}---\n# just a comment\n---\nkind: Thing\nmetadata: {name: t}\n`;
    const file = load(text);
    expect(fileText(file)).toBe(text);
    expect(file.docs.map((doc) => doc.object?.kind)).toEqual(['Gateway', undefined, 'Thing']);
    expect(file.docs[0]?.object).toMatchObject({
      kind: 'Gateway',
      metadata: { name: 'gw' },
      servers: [{ port: { number: 80, protocol: 'HTTP' }, hosts: ['*'] }],
    });
  });

  test('a broken document has problems and no typed view; the others load', () => {
    const text = `${GATEWAY}---\nkind: Broken\nmetadata:\n  name: [b\n---\nkind: After\nmetadata: {name: c}\n`;
    const file = load(text);
    expect(file.docs.map((doc) => doc.object?.kind)).toEqual(['Gateway', undefined, 'After']);
    expect(file.docs.map((doc) => doc.problems.length > 0)).toEqual([false, true, false]);
    expect(fileText(file)).toBe(text);
  });

  test('merge keys are merged into the typed view, as Kubernetes reads them', () => {
    const text = dedent`
      kind: Gateway
      apiVersion: networking.istio.io/v1
      metadata: {name: gw}
      spec:
        servers:
          - &http
            port: {number: 80, name: http, protocol: HTTP}
            hosts: [a.example.com]
          - <<: *http
            hosts: [b.example.com]
    `;
    expect(load(text).docs[0]?.object).toMatchObject({
      servers: [
        { port: { number: 80 }, hosts: ['a.example.com'] },
        { port: { number: 80 }, hosts: ['b.example.com'] },
      ],
    });
  });

  test('an alias bomb is refused quickly, with a problem instead of a throw', () => {
    const text = `${billionLaughs()}---\n${GATEWAY}`;
    const started = performance.now();
    const file = load(text);
    expect(performance.now() - started).toBeLessThan(1000);
    const bomb = file.docs[0];
    expect(bomb?.object).toBeUndefined();
    expect(bomb?.problems.map((problem) => problem.code)).toEqual(['ALIAS_LIMIT']);
    expect(bomb?.problems[0]?.message).toContain('resource exhaustion');
    expect(file.docs[1]?.object?.kind).toBe('Gateway');
  });

  test('an alias without its anchor is a problem at the alias, not a throw', () => {
    const doc = load('a: 1\nb: *nope\n').docs[0];
    expect(doc?.object).toBeUndefined();
    expect(doc?.problems).toEqual([
      {
        code: 'BAD_ALIAS',
        message: 'Unresolved alias (the anchor must be set before the alias): nope',
        offset: 8,
        end: 13,
      },
    ]);
  });

  test('an alias inside the node it refers to is a problem, not a circular value', () => {
    const doc = load('kind: X\nmetadata: &m\n  name: x\n  self: *m\n').docs[0];
    expect(doc?.object).toBeUndefined();
    expect(doc?.problems.map((problem) => problem.message)).toEqual([
      'Alias *m is inside the node it refers to',
    ]);
  });

  test('a merge of something other than maps is a problem at its value', () => {
    const doc = load('kind: X\nmetadata: {name: a}\nspec:\n  <<: 5\n').docs[0];
    expect(doc?.object).toBeUndefined();
    expect(doc?.problems).toEqual([
      {
        code: 'BAD_MERGE',
        message: 'A merge (<<) takes a map or a list of maps',
        offset: 40,
        end: 41,
      },
    ]);
    expect(load('a: &a {x: 1}\nb:\n  <<: [*a, {y: 2}]\n').docs[0]?.problems).toEqual([]);
  });

  test('__proto__ keys never reach Object.prototype', () => {
    const text =
      '{"__proto__": {"polluted": 1}, "kind": "X", "metadata": {"name": "p", "__proto__": {"polluted": 2}}}\n';
    const doc = load(text).docs[0];
    expect(doc?.problems).toEqual([]);
    // Reading the typed view and the plain value is where a polluting assignment would happen.
    expect(doc?.object?.kind).toBe('X');
    expect(doc?.object?.metadata.name).toBe('p');
    const plain = doc?.document.toJS() as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.hasOwn(plain, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('never throws, whatever the text', () => {
    const texts = [
      '',
      '\n',
      '---',
      '...',
      '}',
      '[',
      '"',
      '- - -',
      '? : :',
      '%',
      '%YAML 1.2',
      '!',
      '&',
      '*',
      '\uFEFF',
      '\t',
      '\r',
      'a: !!binary x',
      'a: !!int x',
    ];
    for (const text of texts) {
      const file = load(text);
      expect(fileText(file)).toBe(text);
    }
  });
});

describe('reloading and writing', () => {
  test('unchanged documents are reused as they are', () => {
    const first = loadFile('f.yaml', `${GATEWAY}---\nkind: B\nmetadata: {name: b}\n`);
    const second = loadFile('f.yaml', `${GATEWAY}---\nkind: B\nmetadata: {name: c}\n`, first);
    expect(second.docs[0]).toBe(first.docs[0]);
    expect(second.docs[1]).not.toBe(first.docs[1]);
    expect(second.docs[1]?.object?.metadata.name).toBe('c');
  });

  test('serializing gives every file back as loaded', () => {
    const sources = [
      { name: 'a.yaml', text: crlfText() },
      { name: 'b.yaml', text: '# only a comment' },
      { name: 'c.yaml', text: '' },
    ];
    expect(serializeWorkspace(loadWorkspace(sources))).toEqual(sources);
  });
});

function crlfText(): string {
  return GATEWAY.replace(/\n/g, '\r\n');
}
