import type { Command, DocTarget } from '../edit/command.ts';
import { sameValue } from '../model/read.ts';
import type { Path } from '../yaml/path.ts';

/** Small constructors for the path commands the forms write. */

export function setAt(target: DocTarget, path: Path, value: unknown): Command {
  return { type: 'setValue', target, path, value };
}

export function deleteAt(target: DocTarget, path: Path): Command {
  return { type: 'deleteValue', target, path };
}

/** One command for several: none is null, one is itself, more are a batch (one undo step). */
export function combine(commands: readonly Command[]): Command | null {
  if (commands.length === 0) return null;
  if (commands.length === 1) return commands[0] as Command;
  return { type: 'batch', commands };
}

/**
 * The commands that turn list `before` into `after`, touching only the items that differ: the
 * common head and tail stay, changed items are set in place, and the rest inserted or removed.
 * `clear` is what an emptied list deletes.
 */
export function listCommands(
  target: DocTarget,
  path: Path,
  before: unknown,
  after: readonly unknown[],
  clear: Path,
): Command[] {
  if (after.length === 0) return before === undefined ? [] : [deleteAt(target, clear)];
  if (!Array.isArray(before) || before.length === 0) return [setAt(target, path, after)];
  let head = 0;
  while (head < before.length && head < after.length && sameValue(before[head], after[head]))
    head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    sameValue(before[before.length - 1 - tail], after[after.length - 1 - tail])
  )
    tail++;
  const oldMiddle = before.length - head - tail;
  const newMiddle = after.length - head - tail;
  const shared = Math.min(oldMiddle, newMiddle);
  const out: Command[] = [];
  for (let k = 0; k < shared; k++) {
    if (!sameValue(before[head + k], after[head + k]))
      out.push(setAt(target, [...path, head + k], after[head + k]));
  }
  for (let k = shared; k < oldMiddle; k++)
    out.push({ type: 'removeItem', target, path, index: head + shared });
  for (let k = shared; k < newMiddle; k++)
    out.push({ type: 'insertItem', target, path, index: head + k, value: after[head + k] });
  return out;
}
