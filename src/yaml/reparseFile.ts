import { type ParsedFile, parseFile } from './parseFile.ts';
import { minimalEdit } from './textEdit.ts';
import type { YamlDoc } from './yamlDoc.ts';

/**
 * Splits a file again after its text changed, parsing only the documents the change touched
 * (and one on each side, since a change at a boundary can join or split documents). Documents
 * outside that region are returned as the same objects, so what was derived from them stays
 * valid. The result is what `parseFile(text)` gives; where that cannot be guaranteed from the
 * region alone (the region does not start a document, or leaves something after its last
 * document), the whole file is parsed.
 *
 * This is what keeps typing in a 300-resource file fast: a keystroke re-reads one document.
 */
export function reparseFile<D extends YamlDoc>(
  previous: { readonly docs: readonly D[]; readonly tail: string },
  text: string,
): ParsedFile & { readonly docs: readonly (D | YamlDoc)[] } {
  const { docs } = previous;
  const old = docs.map((d) => d.text).join('') + previous.tail;
  if (old === text) return previous;
  if (docs.length < 3) return parseFile(text);

  const change = minimalEdit(old, text);
  if (!change) return previous;
  const prefix = change.start;
  const suffix = old.length - change.end;

  const starts: number[] = [];
  let at = 0;
  for (const doc of docs) {
    starts.push(at);
    at += doc.text.length;
  }
  const n = docs.length;
  const end = (k: number) => (starts[k] as number) + (docs[k] as D).text.length;
  const changeEnd = old.length - suffix;
  // The documents the change touches, and the one before: deleting a `---` joins a document
  // to the previous one.
  let first = 0;
  while (first < n - 1 && end(first) <= prefix) first++;
  first = Math.max(0, first - 1);
  let last = n - 1;
  while (last > first && (starts[last] as number) >= changeEnd) last--;
  // The document after them is parsed too, as a sentinel: if it comes out exactly as before,
  // the change did not run on into it (an unclosed quote can swallow a `---`), and everything
  // after it parses as before.
  const sentinel = last + 1 < n ? last + 1 : undefined;

  const regionStart = starts[first] as number;
  const regionEndOld = sentinel === undefined ? old.length : end(sentinel);
  const region = text.slice(regionStart, text.length - (old.length - regionEndOld));
  const parsed = parseFile(region);
  const startsDocument = first === 0 || /^(---|%)/.test(parsed.docs[0]?.text ?? '');
  const sentinelDoc = sentinel === undefined ? undefined : (docs[sentinel] as D);
  const closed =
    sentinelDoc === undefined ||
    (parsed.tail === '' &&
      parsed.docs.length >= 2 &&
      sameDocument(parsed.docs[parsed.docs.length - 1] as YamlDoc, sentinelDoc));
  if (!startsDocument || !closed || parsed.docs.length === 0) return parseFile(text);
  if (sentinel === undefined)
    return { docs: [...docs.slice(0, first), ...parsed.docs], tail: parsed.tail };
  return {
    docs: [...docs.slice(0, first), ...parsed.docs.slice(0, -1), ...docs.slice(sentinel)],
    tail: previous.tail,
  };
}

/**
 * Whether a document parsed again came out as before: same text, same problems, same value.
 * Same text alone is not enough: an unclosed `[` before a `---` leaves the lexer in flow
 * context, which changes how the next document reads without moving its boundaries.
 */
function sameDocument(a: YamlDoc, b: YamlDoc): boolean {
  if (a.text !== b.text) return false;
  const problems = (d: YamlDoc) =>
    d.problems.map((p) => `${p.code}@${p.offset}-${p.end}:${p.message}`).join('\n');
  if (problems(a) !== problems(b)) return false;
  return (
    a.problems.length > 0 || JSON.stringify(a.document.toJS()) === JSON.stringify(b.document.toJS())
  );
}
