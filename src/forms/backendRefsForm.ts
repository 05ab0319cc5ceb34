import { readBackendRef } from '../model/gatewayRoutes.ts';
import { valueAt } from '../model/read.ts';
import {
  backendWeightField,
  gatewayPortField,
  objectNameField,
} from '../rules/gatewayApiFields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import type { FormContext } from './context.ts';
import { shareNote } from './destinationsForm.ts';
import { refEntries } from './gatewayApiParts.ts';
import { listGroup } from './groups.ts';
import type { FormGroup } from './types.ts';

/**
 * A Gateway API rule's `backendRefs`. Weights are relative and default to 1 (a weight of 0
 * sends nothing), so each item says its share as the simulator computes it.
 */
export function backendRefsGroup(ctx: FormContext, rule: Path): FormGroup {
  const path = [...rule, 'backendRefs'];
  const raw = valueAt(ctx.plain, path);
  const items = Array.isArray(raw) ? raw : [];
  const weights = items.map(weightOf);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const prefix = formatPath(path);
  const firstPort = valueAt(items[0], ['port']);
  return listGroup(ctx, {
    title: 'Backends',
    noun: 'backend',
    path,
    help: 'Weights are relative (1 when empty): a backend receives its weight divided by the sum. Another namespace needs a ReferenceGrant.',
    item: (itemPath, index, value) => ({
      title: `Backend ${index + 1}: ${String(valueAt(value, ['name']) ?? '?')}`,
      note: shareNote(items.length, weights[index] ?? 0, total),
      entries: [
        ...refEntries(ctx, itemPath, {
          what: `Backend ${index + 1}`,
          port: isService(value) ? 'required' : 'optional',
          namePlaceholder: 'reviews',
        }),
        field(ctx, {
          label: `Backend ${index + 1} weight`,
          type: 'number',
          path: [...itemPath, 'weight'],
          integer: true,
          validate: backendWeightField,
          placeholder: '1',
        }),
      ],
    }),
    addFields: [
      inputField(`${prefix}#new-name`, {
        label: 'New backend Service',
        type: 'text',
        required: true,
        validate: objectNameField,
      }),
      inputField(`${prefix}#new-port`, {
        label: 'New backend port',
        type: 'number',
        integer: true,
        required: true,
        validate: gatewayPortField,
        ...(typeof firstPort === 'number' ? { value: firstPort } : {}),
      }),
    ],
    newItem: (values) => ({
      value: { name: values[`${prefix}#new-name`], port: values[`${prefix}#new-port`] },
    }),
  });
}

/** A backendRef's weight as the model reads it (1 when unset); a negative one sends nothing. */
function weightOf(item: unknown): number {
  return Math.max(0, readBackendRef(item).weight);
}

/** A core-group Service (the default kind): the CRD wants its port. */
function isService(ref: unknown): boolean {
  const group = valueAt(ref, ['group']);
  const kind = valueAt(ref, ['kind']);
  return (group === undefined || group === '') && (kind === undefined || kind === 'Service');
}
