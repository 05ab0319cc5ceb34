import { isMap, type Node, type Pair } from 'yaml';
import { type EditContext, plainValue, type Splice } from './editContext.ts';
import { findPair, locate, type Path } from './path.ts';
import { omitKey, removeAt } from './plainEdit.ts';
import { replaceRoot } from './replaceEntry.ts';
import { rewriteWhole } from './rewriteCollection.ts';
import { setValue } from './setValue.ts';

/**
 * Removes the entry at `path` with its lines and the comments above it. Deleting what is
 * not there changes nothing; deleting the last entry of a map or list leaves `{}` or `[]`.
 */
export function deleteEntry(ctx: EditContext, path: Path): Splice | string | null {
  const { source } = ctx;
  const located = locate(ctx.root, path);
  if (!located.found) return null;
  const { parent, key } = located;
  if (parent === null || key === null) return replaceRoot(ctx, null);
  const parentPath = path.slice(0, -1);
  if (parent.items.length === 1) return setValue(ctx, parentPath, isMap(parent) ? {} : []);
  if (isMap(parent)) {
    const index = parent.items.indexOf(findPair(parent, key) as Pair<unknown, unknown>);
    const pair = parent.items[index] as Pair<Node, Node | null>;
    const keyStart = source.start(pair.key);
    if (source.onlySpacesBefore(keyStart)) {
      return {
        from: source.blockStart(keyStart),
        to: source.lineAfter(source.contentEnd(pair.value ?? pair.key)),
        text: '',
      };
    }
    // The first key of a list item (`- name: a`): the next key moves up behind the dash.
    const next = parent.items[index + 1] as Pair<Node, Node | null> | undefined;
    if (next) return { from: keyStart, to: source.start(next.key), text: '' };
    return rewriteWhole(
      ctx,
      parent,
      omitKey(plainValue(ctx, parent) as Record<string, unknown>, key),
    );
  }
  const dashes = source.dashes(parent);
  const index = key as number;
  if (!dashes)
    return rewriteWhole(ctx, parent, removeAt(plainValue(ctx, parent) as unknown[], index));
  const item = parent.items[index] as Node;
  return {
    from: source.blockStart(dashes[index] as number),
    to: source.lineAfter(source.contentEnd(item)),
    text: '',
  };
}
