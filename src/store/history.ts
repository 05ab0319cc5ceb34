import type { Workspace } from '../workspace/workspace.ts';

/**
 * How a change enters the undo history (after excalidraw's `CaptureUpdateAction` and tldraw's
 * `batch({history})`): `record` is one step; `coalesce` merges into the previous step when that
 * had the same key and came within `COALESCE_MS` (typing, dragging a slider); `ignore` changes
 * the state without a step (loading, layout).
 */
export type HistoryPolicy = 'record' | 'ignore' | { readonly coalesce: string };

export interface History {
  readonly past: readonly Workspace[];
  readonly future: readonly Workspace[];
  /** The coalesce key of the last step and when it was taken. */
  readonly last: { readonly key: string; readonly at: number } | null;
}

export const EMPTY_HISTORY: History = { past: [], future: [], last: null };

/** Steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1200;

/** The history after `before` was replaced by a new workspace under `policy`. */
export function recordChange(
  history: History,
  before: Workspace,
  policy: HistoryPolicy,
  now: number,
): History {
  if (policy === 'ignore') return history;
  const key = typeof policy === 'object' ? policy.coalesce : null;
  if (
    key !== null &&
    history.last?.key === key &&
    now - history.last.at <= COALESCE_MS &&
    history.past.length > 0
  ) {
    return { past: history.past, future: [], last: { key, at: now } };
  }
  const past = [...history.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], last: key === null ? null : { key, at: now } };
}

/** Steps back: the workspace to show and the history after it, or null when there is none. */
export function undoStep(
  history: History,
  current: Workspace,
): { workspace: Workspace; history: History } | null {
  const previous = history.past[history.past.length - 1];
  if (!previous) return null;
  return {
    workspace: previous,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], last: null },
  };
}

export function redoStep(
  history: History,
  current: Workspace,
): { workspace: Workspace; history: History } | null {
  const next = history.future[history.future.length - 1];
  if (!next) return null;
  return {
    workspace: next,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), last: null },
  };
}
