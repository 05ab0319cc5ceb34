import type { Command } from '../edit/command.ts';
import { sameValue, valueAt } from '../model/read.ts';
import type { Entry } from '../workspace/workspace.ts';
import type { Path } from '../yaml/path.ts';

/**
 * Commands that bring an existing resource to the values a scenario owns, touching nothing
 * else: each field is set only when it differs, so applying a pack twice changes nothing and
 * the YAML diff is exactly the fields that changed.
 */
export class Extension {
  readonly commands: Command[] = [];
  /** Why the resource cannot be extended, when it cannot. */
  problem: string | undefined;
  /** The resource as plain values, for reading fields the typed views leave out. */
  readonly raw: Record<string, unknown>;

  constructor(readonly entry: Entry) {
    this.raw = entry.plain;
  }

  /** The plain value at `path`, undefined when absent. */
  at(path: Path): unknown {
    return valueAt(this.raw, path);
  }

  /** Gives up on the resource: the scenario is refused with `message`. */
  refuse(message: string): void {
    this.problem ??= message;
  }

  /** Sets `path` to `value` unless it already holds an equal value. */
  set(path: Path, value: unknown): void {
    if (sameValue(this.at(path), value)) return;
    this.commands.push({ type: 'setValue', target: this.entry.id, path, value });
  }

  /** Removes `path` when present. */
  remove(path: Path): void {
    if (this.at(path) === undefined) return;
    this.commands.push({ type: 'deleteValue', target: this.entry.id, path });
  }

  /** Items appended so far, by path: a second append goes after the first. */
  private readonly appended = new Map<string, number>();

  /** Appends `value` to the list at `path`, creating the list when absent. */
  append(path: Path, value: unknown): void {
    const list = this.at(path);
    const key = JSON.stringify(path);
    const pending = this.appended.get(key) ?? 0;
    this.appended.set(key, pending + 1);
    const target = this.entry.id;
    if (!Array.isArray(list) && pending === 0)
      this.commands.push({ type: 'setValue', target, path, value: [value] });
    else
      this.commands.push({
        type: 'insertItem',
        target,
        path,
        index: (Array.isArray(list) ? list.length : 0) + pending,
        value,
      });
  }
}
