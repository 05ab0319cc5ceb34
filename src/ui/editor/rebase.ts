import { minimalEdit, type TextEdit } from '../../yaml/textEdit.ts';

/**
 * What the editor should do when the store's text of a file changes (a graph edit, undo,
 * import) while the editor may hold typing not yet sent to the store.
 *
 * `base` is the last text both sides agreed on, `mine` the editor's text now, `theirs` the
 * store's text now. The result is the store's change as an edit of `mine` (moved past the
 * user's own change when that comes first), `none` when the store did not change from
 * `base`, or `conflict` when both changed the same stretch: then the caller keeps the user's
 * text, because typing is never thrown away.
 */
export type Rebased =
  | { readonly kind: 'edit'; readonly edit: TextEdit }
  | { readonly kind: 'none' }
  | { readonly kind: 'conflict' };

export function rebase(base: string, mine: string, theirs: string): Rebased {
  const their = minimalEdit(base, theirs);
  if (!their) return { kind: 'none' };
  const own = minimalEdit(base, mine);
  if (!own) return { kind: 'edit', edit: their };
  if (sameInsertionPoint(their, own)) return { kind: 'conflict' };
  if (their.end <= own.start) return { kind: 'edit', edit: their };
  if (their.start >= own.end) {
    const shift = own.text.length - (own.end - own.start);
    return {
      kind: 'edit',
      edit: { start: their.start + shift, end: their.end + shift, text: their.text },
    };
  }
  return { kind: 'conflict' };
}

/** Two insertions at one offset: which goes first is a guess, so it counts as a conflict. */
function sameInsertionPoint(a: TextEdit, b: TextEdit): boolean {
  return a.start === a.end && b.start === b.end && a.start === b.start;
}
