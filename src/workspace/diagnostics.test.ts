import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { dedent } from '../testing/dedent.ts';
import { formatDiagnosticLine, syntaxDiagnostics } from './diagnostics.ts';
import { loadWorkspace } from './workspace.ts';

function diagnose(text: string) {
  return syntaxDiagnostics(loadWorkspace([{ name: 'f.yaml', text }]));
}

describe('syntax diagnostics', () => {
  test('an error in the second document: file, 1-based line and column, one-line message', () => {
    const text = dedent`
      kind: A
      metadata: {name: a}
      ---
      kind: B
      metadata: {name: b}
      spec:
        hosts: a: b
    `;
    expect(diagnose(text)).toEqual([
      {
        code: 'yaml-syntax',
        severity: 'error',
        message: 'Nested mappings are not allowed in compact mappings',
        file: 'f.yaml',
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 11,
      },
    ]);
  });

  test('messages are one line, without yaml\'s "at line N" and code frame', () => {
    const diagnostics = diagnose('a: [1, 2\nb: "x\n');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.message).not.toContain('\n');
      expect(d.message).not.toMatch(/at line \d+/);
    }
  });

  test('positions match the ones yaml reports itself', () => {
    const texts = [
      'a: 1\n---\nb: [1\nc: 2\n',
      'a:\n\tb: 1\n',
      'x: 1\r\n---\r\na: b: c\r\n',
      'a: "x\n',
      'k: v\n  bad: 1\n',
      '@x\n',
      'a: 1\n---\na: 1\na: 2\n',
      '- a\nb: 1\n',
      'a: 1\n---\n}\n',
      'a: 1\n... \n- x\n---\n}\n',
    ];
    for (const text of texts) {
      const ours = diagnose(text).map((d) => [d.line, d.column]);
      const theirs = parseAllDocuments(text).flatMap((doc) =>
        doc.errors.map((error) => [error.linePos?.[0].line, error.linePos?.[0].col]),
      );
      expect(ours, JSON.stringify(text)).toEqual(theirs);
    }
  });

  test('a stray character before a document stays where it was written', () => {
    // yaml's parser emits the error token for `}` before the document that holds it.
    expect(diagnose('a: 1\n---\n}\n').map((d) => [d.line, d.column])).toEqual([[3, 1]]);
  });

  test('CRLF line ends count as one line break', () => {
    const [d] = diagnose('a: 1\r\nb: 2\r\nc: d: e\r\n');
    expect([d?.line, d?.column]).toEqual([3, 4]);
  });

  test('an alias bomb is a yaml-alias-limit diagnostic', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ]) {
      text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    }
    expect(diagnose(text).map((d) => [d.code, d.line, d.column])).toEqual([
      ['yaml-alias-limit', 1, 1],
    ]);
  });

  test('an unresolved alias points at the alias', () => {
    expect(
      diagnose('a: 1\nb: *nope\n').map((d) => [d.code, d.line, d.column, d.endColumn]),
    ).toEqual([['yaml-syntax', 2, 4, 9]]);
  });

  test('the one-line form', () => {
    const [d] = diagnose('a: b: c\n');
    if (!d) throw new Error('no diagnostic');
    expect(formatDiagnosticLine(d)).toBe(
      'f.yaml:1:4: Nested mappings are not allowed in compact mappings',
    );
  });
});
