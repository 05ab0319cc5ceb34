import type { YamlDoc } from '../yaml/yamlDoc.ts';

const sources = new WeakMap<YamlDoc, string | null>();

/**
 * The chart template a document was rendered from, as `helm template` writes it in a comment
 * before the document's content (`# Source: chart/templates/gateway.yaml`). Read from the
 * document's own text, once per document.
 */
export function helmSource(doc: YamlDoc): string | undefined {
  let source = sources.get(doc);
  if (source === undefined) {
    const start = doc.document.contents?.range[0];
    const head = start === undefined ? '' : doc.text.slice(0, start - doc.base);
    source = /^[ \t]*#[ \t]*Source:[ \t]*(\S.*?)[ \t]*$/m.exec(head)?.[1] ?? null;
    sources.set(doc, source);
  }
  return source ?? undefined;
}
