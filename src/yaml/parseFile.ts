import { Composer, CST, Parser } from 'yaml';
import { PARSE_OPTIONS, problemsOf, type YamlDoc } from './yamlDoc.ts';

/** A file split into its documents, losslessly: `docs` texts plus `tail` give back the input. */
export interface ParsedFile {
  readonly docs: readonly YamlDoc[];
  /** Whatever follows the last document (comments after a `...`), or the whole text when the file holds no document. */
  readonly tail: string;
}

/**
 * Splits a file into documents with one pass of yaml's lexer and composer.
 *
 * The lexer's top-level tokens tile the text exactly, so each document owns the tokens from
 * the end of the previous document up to and including its own `...` marker. Composing from
 * the tokens we already have (rather than parsing each slice again) keeps loading at the cost
 * of one `parseAllDocuments`.
 */
export function parseFile(text: string): ParsedFile {
  const tokens = Array.from(new Parser().parse(text));
  const groups: CST.Token[][] = [];
  let pending: CST.Token[] = [];
  for (const token of tokens) {
    if (token.type === 'doc-end' && groups.length > 0 && pending.length === 0) {
      groups[groups.length - 1]?.push(token);
      continue;
    }
    pending.push(token);
    if (token.type === 'document') {
      groups.push(pending);
      pending = [];
    }
  }
  const tail = pending.map((token) => CST.stringify(token)).join('');

  const docs: YamlDoc[] = [];
  const composer = new Composer(PARSE_OPTIONS);
  for (const group of groups) {
    const start = group[0]?.offset ?? 0;
    const docText = group.map((token) => CST.stringify(token)).join('');
    const composed = Array.from(composer.compose(group, true, docText.length + start));
    const document = composed[0];
    if (!document || composed.length !== 1)
      throw new Error('internal: expected one document per group');
    docs.push({ text: docText, document, base: start, problems: problemsOf(document, start) });
  }
  return { docs, tail };
}
