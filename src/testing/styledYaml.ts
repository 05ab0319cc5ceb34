import fc from 'fast-check';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

/** How one file is written: everything the round trip must preserve byte for byte. */
export interface YamlStyle {
  readonly indent: 2 | 4;
  readonly indentSeq: boolean;
  readonly flowCollectionPadding: boolean;
  /** Per collection, in document order: written in flow style (`{…}`, `[…]`). */
  readonly flow: readonly boolean[];
  /** Per string scalar, in document order. */
  readonly quotes: readonly ('PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE')[];
  /** Comment lines to insert: before line `at` (modulo the line count), indented like it or not. */
  readonly comments: readonly {
    readonly at: number;
    readonly indented: boolean;
    readonly text: string;
  }[];
  /** Lines that get a trailing comment (modulo the line count). */
  readonly inline: readonly number[];
  readonly startMarker: boolean;
  readonly endMarker: boolean;
  readonly crlf: boolean;
}

const COMMENT = fc.stringMatching(/^[ -~]{0,16}$/);

export const YAML_STYLE: fc.Arbitrary<YamlStyle> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  indentSeq: fc.boolean(),
  flowCollectionPadding: fc.boolean(),
  flow: fc.array(fc.boolean(), { maxLength: 40 }),
  quotes: fc.array(
    fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
    {
      maxLength: 40,
    },
  ),
  comments: fc.array(fc.record({ at: fc.nat(), indented: fc.boolean(), text: COMMENT }), {
    maxLength: 4,
  }),
  inline: fc.array(fc.nat(), { maxLength: 3 }),
  startMarker: fc.boolean(),
  endMarker: fc.boolean(),
  crlf: fc.boolean(),
});

/** Writes one document's value with `yaml`'s stringify in the given style, plus comments. */
export function writeDocument(value: unknown, style: YamlStyle): string {
  const doc = new Document(value);
  let collection = 0;
  let scalar = 0;
  visit(doc, {
    Node(_key, node) {
      if ((isMap(node) || isSeq(node)) && style.flow[collection++]) node.flow = true;
      if (isScalar(node) && typeof node.value === 'string' && !node.value.includes('\n')) {
        node.type = style.quotes[scalar++] ?? 'PLAIN';
      }
    },
  });
  const text = doc.toString({
    indent: style.indent,
    indentSeq: style.indentSeq,
    flowCollectionPadding: style.flowCollectionPadding,
    lineWidth: 0,
  });
  const lines = text.replace(/\n$/, '').split('\n');
  for (const n of style.inline) {
    const i = n % lines.length;
    lines[i] = `${lines[i]} # inline ${i}`;
  }
  for (const comment of style.comments) {
    const i = comment.at % (lines.length + 1);
    const indent = comment.indented ? (/^ */.exec(lines[i] ?? '') as RegExpExecArray)[0] : '';
    lines.splice(i, 0, `${indent}#${comment.text}`);
  }
  return `${style.startMarker ? '---\n' : ''}${lines.join('\n')}\n${style.endMarker ? '...\n' : ''}`;
}

/** A file of documents, each written in its own style; CRLF if the first style says so. */
export function writeFile(values: readonly unknown[], styles: readonly YamlStyle[]): string {
  const docs = values.map((value, i) => {
    const style = styles[i % styles.length] as YamlStyle;
    const text = writeDocument(value, style);
    return i === 0 || style.startMarker ? text : `---\n${text}`;
  });
  const text = docs.join('');
  return styles[0]?.crlf ? text.replace(/\n/g, '\r\n') : text;
}
