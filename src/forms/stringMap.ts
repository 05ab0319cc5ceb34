import type { Command } from '../edit/command.ts';
import { valueAt } from '../model/read.ts';
import type { FieldValidator } from '../rules/fields.ts';
import { labelKeyField, labelValueField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import type { FormContext } from './context.ts';
import { mapGroup } from './groups.ts';
import type { FormGroup } from './types.ts';

export interface StringMapSpec {
  readonly title: string;
  /** `label`, `annotation`, `header to set`. */
  readonly noun: string;
  /** `Label`, `Annotation`, `Set header`: starts the labels of its inputs. */
  readonly what: string;
  readonly keyValidate?: FieldValidator;
  readonly valueValidate?: FieldValidator;
  readonly help?: string;
  readonly presets?: readonly { readonly label: string; readonly command: Command }[];
}

/** A map of name → text: labels, selectors, annotations, headers to set or add. */
export function stringMapGroup(ctx: FormContext, path: Path, spec: StringMapSpec): FormGroup {
  const prefix = formatPath(path);
  const group = mapGroup(ctx, {
    title: spec.title,
    noun: spec.noun,
    path,
    ...(spec.help ? { help: spec.help } : {}),
    keyLabel: (key) => `${spec.what} ${key} name`,
    ...(spec.keyValidate ? { keyValidate: spec.keyValidate } : {}),
    itemTitle: (key) => `${spec.what} ${key}`,
    entries: (key, entryPath) => [
      field(ctx, {
        label: `${spec.what} ${key} value`,
        type: 'text',
        path: entryPath,
        ...(spec.valueValidate ? { validate: spec.valueValidate } : {}),
        // An emptied value stays, as an empty string: removing the entry is the remove button.
        write: (target, value) => {
          const next = typeof value === 'string' ? value : '';
          const written = valueAt(ctx.plain, entryPath);
          return written != null && String(written) === next
            ? []
            : [{ type: 'setValue', target, path: entryPath, value: next }];
        },
      }),
    ],
    addFields: [
      inputField(`${prefix}#new-name`, {
        label: `New ${spec.noun} name`,
        type: 'text',
        required: true,
        ...(spec.keyValidate ? { validate: spec.keyValidate } : {}),
      }),
      inputField(`${prefix}#new-value`, {
        label: `New ${spec.noun} value`,
        type: 'text',
        ...(spec.valueValidate ? { validate: spec.valueValidate } : {}),
      }),
    ],
    newValue: (values) => {
      const value = values[`${prefix}#new-value`];
      return typeof value === 'string' ? value : '';
    },
  });
  return spec.presets ? { ...group, presets: spec.presets } : group;
}

/** Kubernetes labels (selectors, subset labels, pod labels). */
export function labelGroup(ctx: FormContext, path: Path, title: string, help?: string): FormGroup {
  return stringMapGroup(ctx, path, {
    title,
    noun: 'label',
    what: 'Label',
    keyValidate: labelKeyField,
    valueValidate: labelValueField,
    ...(help ? { help } : {}),
  });
}
