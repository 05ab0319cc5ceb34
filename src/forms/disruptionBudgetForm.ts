import { sameValue, valueAt } from '../model/read.ts';
import type { Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import { deleteAt, setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { labelGroup } from './stringMap.ts';
import type { FormSection } from './types.ts';
import { intOrPercent, intOrPercentField } from './validators.ts';

/**
 * A PodDisruptionBudget. `minAvailable` and `maxUnavailable` exclude each other (Kubernetes
 * takes one), so writing one removes the other.
 */
export function disruptionBudgetForm(ctx: FormContext): FormSection[] {
  return [
    section('budget', 'PodDisruptionBudget', [
      budgetField(ctx, 'Min available', 'minAvailable', 'maxUnavailable'),
      budgetField(ctx, 'Max unavailable', 'maxUnavailable', 'minAvailable'),
      labelGroup(ctx, ['spec', 'selector', 'matchLabels'], 'Selector'),
    ]),
  ];
}

function budgetField(ctx: FormContext, label: string, key: string, other: string) {
  const path: Path = ['spec', key];
  const otherPath: Path = ['spec', other];
  return field(ctx, {
    label,
    type: 'text',
    path,
    validate: intOrPercentField,
    placeholder: '1 or 50%',
    write: (target, value) => {
      const next = intOrPercent(value);
      const written = valueAt(ctx.plain, path);
      if (next === undefined) return written === undefined ? [] : [deleteAt(target, path)];
      if (sameValue(next, written)) return [];
      const drop = valueAt(ctx.plain, otherPath) !== undefined ? [deleteAt(target, otherPath)] : [];
      return [setAt(target, path, next), ...drop];
    },
  });
}
