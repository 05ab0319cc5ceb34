import { useProblemCounts } from '../../useProblems.ts';

/**
 * How many problems the checks found on a node (or a rule row), coloured by the worst.
 * Subscribes to its own node's counts only, so a new lint result re-renders only badges.
 */
export function ProblemBadge({ id }: { id: string }) {
  const counts = useProblemCounts(id);
  if (!counts) return null;
  const total = counts.error + counts.warning + counts.info;
  const worst = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  const parts = [
    counts.error && `${counts.error} error${counts.error > 1 ? 's' : ''}`,
    counts.warning && `${counts.warning} warning${counts.warning > 1 ? 's' : ''}`,
    counts.info && `${counts.info} info`,
  ].filter(Boolean);
  return (
    <span
      className={`problem-badge problem-badge--${worst}`}
      data-severity={worst}
      role="img"
      aria-label={parts.join(', ')}
      title={parts.join(', ')}
    >
      {total}
    </span>
  );
}
