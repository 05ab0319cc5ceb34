import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  visit,
} from 'yaml';

/**
 * Options every parse in the project uses. `uniqueKeys` and the alias limit stay at the
 * library's safe defaults: duplicate keys are errors, and alias bombs are refused when a
 * document is converted to plain values (`toJS({ maxAliasCount })`). Merge keys (`<<: *base`)
 * are YAML 1.1, which Kubernetes reads, so they are merged as kubectl would merge them.
 */
export const PARSE_OPTIONS = { keepSourceTokens: false, prettyErrors: false, merge: true } as const;

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
  const problems: YamlProblem[] = document.errors.map((error) => ({
    code: error.code,
    message: firstSentence(error.message),
    offset: error.pos[0] - base,
    end: error.pos[1] - base,
  }));
  return problems.concat(referenceProblems(document, base));
}

/**
 * Problems yaml finds only when converting to plain values, by throwing, found here so they
 * are problems at a position like any other:
 * - an alias with no anchor before it;
 * - an alias inside the node it refers to (`&a [*a]`), which Kubernetes refuses ("anchor 'a'
 *   value contains itself") and from which yaml would build a circular value;
 * - a merge (`<<:`) of something other than maps, which Kubernetes refuses too.
 */
function referenceProblems(document: Document.Parsed, base: number): YamlProblem[] {
  const anchors = new Set<string>();
  const problems: YamlProblem[] = [];
  const report = (code: string, message: string, node: Node) => {
    if (node.range)
      problems.push({ code, message, offset: node.range[0] - base, end: node.range[1] - base });
  };
  const isMapSource = (node: unknown): boolean => {
    const target = isAlias(node) ? node.resolve(document) : node;
    return isMap(target) || (isAlias(node) && target === undefined);
  };
  visit(document, {
    Pair(_key, pair) {
      const { key, value } = pair;
      if (!isScalar(key) || typeof key.value !== 'symbol' || !isNode(value)) return;
      const ok = isSeq(value) ? value.items.every(isMapSource) : isMapSource(value);
      if (!ok) report('BAD_MERGE', 'A merge (<<) takes a map or a list of maps', value);
    },
    Node(_key, node, ancestors) {
      if (isAlias(node)) {
        const name = node.source;
        if (!anchors.has(name)) {
          report(
            'BAD_ALIAS',
            `Unresolved alias (the anchor must be set before the alias): ${name}`,
            node,
          );
        } else if (ancestors.some((a) => isNode(a) && a.anchor === name)) {
          report('BAD_ALIAS', `Alias *${name} is inside the node it refers to`, node);
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
    },
  });
  return problems;
}

/** yaml's messages end with " at line N, column M:" and a code frame; we report positions ourselves. */
function firstSentence(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
