import { type Document, parseDocument } from 'yaml';

/**
 * Options every parse in the project uses. `uniqueKeys` and the alias limit stay at the
 * library's safe defaults: duplicate keys are errors, and alias bombs are refused when a
 * document is converted to plain values (`toJS({ maxAliasCount })`).
 */
export const PARSE_OPTIONS = { keepSourceTokens: false, prettyErrors: false } as const;

/** Aliases a document may expand before it is refused as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;

/** A syntax problem, with offsets into the text of the document that holds it. */
export interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
  readonly end: number;
}

/**
 * One YAML document of a file, as the exact text it came from. The text of a file is the
 * concatenation of its documents' texts and its tail, so the bytes of a document nobody
 * edited are the bytes that were loaded.
 *
 * `text` holds any comments or directives before the document, its `---`, its content and
 * its `...` end marker. `document` is the parsed form; its node ranges are offsets into the
 * source it was composed from, which is `text` shifted by `base`.
 */
export interface YamlDoc {
  readonly text: string;
  readonly document: Document.Parsed;
  readonly base: number;
  readonly problems: readonly YamlProblem[];
}

/** Parses the text of one document on its own (used after an edit rewrote it). */
export function parseYamlDoc(text: string): YamlDoc {
  const document = parseDocument(text, PARSE_OPTIONS);
  return { text, document, base: 0, problems: problemsOf(document, 0) };
}

/** The document's errors as problems, with offsets made relative to the document's text. */
export function problemsOf(document: Document.Parsed, base: number): YamlProblem[] {
  return document.errors.map((error) => ({
    code: error.code,
    message: firstSentence(error.message),
    offset: error.pos[0] - base,
    end: error.pos[1] - base,
  }));
}

/** yaml's messages end with " at line N, column M:" and a code frame; we report positions ourselves. */
function firstSentence(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
