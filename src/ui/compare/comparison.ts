import { diffWorkspaces, type WorkspaceDiff } from '../../diff/diffWorkspaces.ts';
import { trafficLine } from '../../diff/trafficText.ts';
import type { SimRequest } from '../../simulate/types.ts';
import { syntaxDiagnostics } from '../../workspace/diagnostics.ts';
import type { Workspace } from '../../workspace/workspace.ts';

/** What the Compare view shows: the diff, its traffic lines in words, and what did not parse. */
export interface Comparison {
  readonly diff: WorkspaceDiff;
  /** One line per traffic change, as `cli diff --format text` writes it. */
  readonly trafficLines: readonly string[];
  /** Syntax errors of the version compared with (an uploaded file): what of it was left out. */
  readonly unparsed: number;
}

/**
 * The diff from `before` (the workspace as opened, a file, the last export) to `after` (the
 * workspace now). Plain data, so it can come from a worker: two lint runs and a simulation per
 * derived request take about a second at a thousand resources.
 */
export function compareWorkspaces(
  before: Workspace,
  after: Workspace,
  tests: readonly SimRequest[],
): Comparison {
  const diff = diffWorkspaces(before, after, { tests });
  return {
    diff,
    trafficLines: diff.traffic.map(trafficLine),
    unparsed: syntaxDiagnostics(before).length,
  };
}
