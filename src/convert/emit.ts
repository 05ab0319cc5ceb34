import { Document } from 'yaml';
import type { Conversion, Loss, ResourceOrigin, Written } from './types.ts';

/**
 * The converted manifests as one YAML stream, each document headed by a comment that says what
 * it was converted from, in the order they were written (deterministic for the same input).
 */
export function conversionOf(
  fileName: string,
  written: readonly Written[],
  losses: readonly Loss[],
  replaced: readonly string[],
): Conversion {
  const origins: Record<string, ResourceOrigin> = Object.create(null);
  const texts = written.map((w) => {
    origins[w.id] = w.origin;
    // A value used twice (hosts and sniHosts) is written twice, never as an anchor and alias.
    const doc = new Document(w.plain, { aliasDuplicateObjects: false });
    // On the top node, not the document, so the comment sits right above the manifest.
    if (doc.contents) doc.contents.commentBefore = ` ${w.comment}`;
    return doc.toString({ lineWidth: 0 });
  });
  return {
    files: texts.length ? [{ name: fileName, text: texts.join('---\n') }] : [],
    losses,
    replaced,
    origins,
  };
}
