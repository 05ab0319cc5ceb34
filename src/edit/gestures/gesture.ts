import type { Workspace } from '../../workspace/workspace.ts';
import { applyCommand } from '../applyCommand.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail, ok } from '../command.ts';

/** A follow-up the UI can offer once the gesture is applied, e.g. "Add host X to server Y". */
export interface Offer {
  readonly title: string;
  /**
   * Valid on the workspace *after* the gesture's own command; the UI applies it as a separate
   * undo step when the user accepts it.
   */
  readonly command: Command;
}

/**
 * What a graph gesture produces: one command (one undo step), a sentence saying what it does,
 * notes on consequences worth knowing (a rule that becomes unreachable, a conflict Istio will
 * report) and optional follow-ups.
 */
export interface Gesture {
  readonly command: Command;
  readonly summary: string;
  readonly notes?: readonly string[];
  readonly offers?: readonly Offer[];
}

/** A successful gesture; empty notes and offers are left out. */
export function gesture(
  command: Command,
  summary: string,
  notes: readonly string[] = [],
  offers: readonly Offer[] = [],
): CommandResult<Gesture> {
  return ok({
    command,
    summary,
    ...(notes.length > 0 ? { notes } : {}),
    ...(offers.length > 0 ? { offers } : {}),
  });
}

/** One command from several: a batch only when there is more than one. */
export function combine(commands: readonly Command[]): Command {
  return commands.length === 1 ? (commands[0] as Command) : { type: 'batch', commands };
}

/**
 * The gesture, if its command applies to `workspace`: a gesture never hands the UI a command
 * that would fail (a name the edit layer refuses, a document with YAML errors).
 */
export function verified(
  workspace: Workspace,
  result: CommandResult<Gesture>,
): CommandResult<Gesture> {
  if (!result.ok) return result;
  const applied = applyCommand(workspace, result.value.command);
  return applied.ok ? result : fail(applied.error);
}
