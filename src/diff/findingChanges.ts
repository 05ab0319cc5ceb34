import { lint } from '../check/lint.ts';
import type { Diagnostic } from '../workspace/diagnostics.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** Findings that appear and disappear (CONTRACT section 1, `diff`), as section 3's diagnostics. */
export interface FindingChanges {
  readonly added: readonly Diagnostic[];
  readonly removed: readonly Diagnostic[];
}

/**
 * Both workspaces linted and compared by code, resource, path and message: a finding that only
 * moved to another line (a comment added above it) is the same finding.
 */
export function findingChanges(before: Workspace, after: Workspace): FindingChanges {
  const old = lint(before).map(plain);
  const now = lint(after).map(plain);
  const oldKeys = new Set(old.map(key));
  const nowKeys = new Set(now.map(key));
  return {
    added: now.filter((d) => !oldKeys.has(key(d))),
    removed: old.filter((d) => !nowKeys.has(key(d))),
  };
}

function key(d: Diagnostic): string {
  return JSON.stringify([d.code, d.resource ?? '', d.path ?? '', d.message]);
}

/** Section 3's fields only: quick fixes and path segments serve the designer, not a review. */
function plain(d: Diagnostic & { fixes?: unknown; fieldPath?: unknown; suppress?: unknown }) {
  const { fixes: _fixes, fieldPath: _fieldPath, suppress: _suppress, ...diagnostic } = d;
  return diagnostic as Diagnostic;
}
