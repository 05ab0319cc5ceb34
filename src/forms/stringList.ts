import type { FieldValidator } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import type { FormGroup } from './types.ts';

export interface StringListSpec {
  readonly title: string;
  /** `host`: names the inputs ("Host 2", "New host") and the buttons. */
  readonly noun: string;
  readonly validate?: FieldValidator;
  readonly placeholder?: string;
  readonly help?: string;
  /** At least one item is needed (a Gateway server's hosts). */
  readonly keepLast?: boolean;
}

/** A list of strings (hosts) as one input per item, each removable, and an input to add one. */
export function stringListGroup(ctx: FormContext, path: Path, spec: StringListSpec): FormGroup {
  const Noun = `${spec.noun.charAt(0).toUpperCase()}${spec.noun.slice(1)}`;
  const newId = `${formatPath(path)}#new`;
  const check = spec.validate ? { validate: spec.validate } : {};
  return listGroup(ctx, {
    title: spec.title,
    noun: spec.noun,
    path,
    ...(spec.help ? { help: spec.help } : {}),
    ...(spec.keepLast ? { keepLast: true } : {}),
    item: (itemPath, index, value) => ({
      title: typeof value === 'string' ? value : `${Noun} ${index + 1}`,
      entries: [
        field(ctx, {
          label: `${Noun} ${index + 1}`,
          type: 'text',
          path: itemPath,
          required: true,
          ...check,
        }),
      ],
    }),
    addFields: [
      inputField(newId, {
        label: `New ${spec.noun}`,
        type: 'text',
        required: true,
        ...check,
        ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
      }),
    ],
    newItem: (values, items) => {
      const value = values[newId];
      return items.includes(value) ? `${String(value)} is already in the list` : { value };
    },
  });
}
