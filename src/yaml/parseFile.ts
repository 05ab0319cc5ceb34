import { Composer, type CST, Parser } from 'yaml';
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
 * The lexer's top-level tokens cover the text, so each document owns the tokens from the end
 * of the previous document up to and including its own `...` marker. Composing from the
 * tokens we already have (rather than parsing each slice again) keeps loading at the cost of
 * one `parseAllDocuments`.
 *
 * A document's text is cut from the input at its tokens' offsets, not rebuilt from the
 * tokens: the parser emits an error token (a stray `}`) before the document that holds it,
 * so joining tokens in the order they come would move characters.
 */
export function parseFile(text: string): ParsedFile {
  const tokens = Array.from(new Parser().parse(text));
  const groups: CST.Token[][] = [];
  let pending: CST.Token[] = [];
  for (const token of tokens) {
    // A `...` ends the document before it, with any blank lines and comments between them.
    if (token.type === 'doc-end' && groups.length > 0 && pending.every(isTrivia)) {
      groups[groups.length - 1]?.push(...pending, token);
      pending = [];
      continue;
    }
    pending.push(token);
    if (token.type === 'document') {
      groups.push(pending);
      pending = [];
    }
  }
  // Errors after the last document (`- a` then `b: 1`) are that document's: they must be
  // reported, not kept as an unread tail.
  if (pending.some((token) => token.type === 'error')) {
    if (groups.length > 0) groups[groups.length - 1]?.push(...pending);
    else groups.push(pending);
    pending = [];
  }

  // Each group starts at its first token by offset; the first document starts the file.
  const starts: number[] = [];
  for (const group of groups) {
    const first = Math.min(...group.map((token) => token.offset));
    starts.push(starts.length === 0 ? 0 : Math.max(first, starts[starts.length - 1] as number));
  }
  const tailStart =
    groups.length === 0
      ? 0
      : pending.length === 0
        ? text.length
        : Math.max(
            Math.min(...pending.map((token) => token.offset)),
            starts[starts.length - 1] as number,
          );

  const docs: YamlDoc[] = [];
  const composer = new Composer(PARSE_OPTIONS);
  groups.forEach((group, i) => {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? tailStart;
    const docText = text.slice(start, end);
    const composed = Array.from(composer.compose(group, true, end));
    const document = composed[0];
    if (!document || composed.length !== 1)
      throw new Error('internal: expected one document per group');
    docs.push({ text: docText, document, base: start, problems: problemsOf(document, start) });
  });
  return { docs, tail: text.slice(tailStart) };
}

function isTrivia(token: CST.Token): boolean {
  return token.type === 'space' || token.type === 'newline' || token.type === 'comment';
}
