import { valueAt } from '../model/read.ts';
import type { FieldValidator } from '../rules/fields.ts';
import {
  gatewayNamespaceField,
  gatewayPortField,
  objectNameField,
} from '../rules/gatewayApiFields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import type { FormEntry, FormField, FormGroup } from './types.ts';

/**
 * Pieces every Gateway API form uses: the fields of a reference (name, namespace, port) and a
 * list of `{name, value}` pairs (header matches, query parameter matches, headers to set or
 * add), which the Gateway API writes as lists where Istio writes maps.
 */

export interface RefSpec {
  /** `Service`, `Gateway`, `Secret`: starts the labels of the fields. */
  readonly what: string;
  /** Offer a port field; `required` when the reference needs one (a Service backend). */
  readonly port?: 'optional' | 'required';
  readonly namespaceHelp?: string;
  readonly namePlaceholder?: string;
}

/** A reference's `name`, `namespace` and (optionally) `port`. */
export function refEntries(ctx: FormContext, path: Path, spec: RefSpec): FormField[] {
  const out = [
    field(ctx, {
      label: `${spec.what} name`,
      type: 'text',
      path: [...path, 'name'],
      required: true,
      validate: objectNameField,
      ...(spec.namePlaceholder ? { placeholder: spec.namePlaceholder } : {}),
    }),
    field(ctx, {
      label: `${spec.what} namespace`,
      type: 'text',
      path: [...path, 'namespace'],
      validate: gatewayNamespaceField,
      placeholder: ctx.namespace,
      help: spec.namespaceHelp ?? 'Empty: this resource’s namespace.',
    }),
  ];
  if (spec.port)
    out.push(
      field(ctx, {
        label: `${spec.what} port`,
        type: 'number',
        path: [...path, 'port'],
        integer: true,
        validate: gatewayPortField,
        ...(spec.port === 'required'
          ? { required: true, help: 'A Service backend needs its port.' }
          : {}),
      }),
    );
  return out;
}

export interface PairListSpec {
  readonly title: string;
  /** `header match`, `header to set`: names the buttons. */
  readonly noun: string;
  /** `Header`, `Set header`: starts the labels of the inputs. */
  readonly what: string;
  readonly nameValidate: FieldValidator;
  readonly valueValidate: FieldValidator;
  /** Offer the match `type` (Exact or RegularExpression) of each pair. */
  readonly types?: readonly { readonly value: string; readonly label: string }[];
  readonly help?: string;
}

/** A list of `{name, value}` (and a match `type`), one item per pair, with an add row. */
export function pairListGroup(ctx: FormContext, path: Path, spec: PairListSpec): FormGroup {
  const prefix = formatPath(path);
  return listGroup(ctx, {
    title: spec.title,
    noun: spec.noun,
    path,
    ...(spec.help ? { help: spec.help } : {}),
    item: (itemPath, index, value) => {
      const name = valueAt(value, ['name']);
      const label = `${spec.what} ${index + 1}`;
      const entries: (FormEntry | undefined)[] = [
        field(ctx, {
          label: `${label} name`,
          type: 'text',
          path: [...itemPath, 'name'],
          required: true,
          validate: spec.nameValidate,
        }),
        spec.types &&
          field(ctx, {
            label: `${label} match type`,
            type: 'select',
            path: [...itemPath, 'type'],
            options: spec.types,
            help: 'Empty: Exact.',
          }),
        field(ctx, {
          label: `${label} value`,
          type: 'text',
          path: [...itemPath, 'value'],
          required: true,
          validate: spec.valueValidate,
        }),
      ];
      return { title: `${spec.what} ${typeof name === 'string' ? name : index + 1}`, entries };
    },
    addFields: [
      inputField(`${prefix}#new-name`, {
        label: `New ${spec.noun} name`,
        type: 'text',
        required: true,
        validate: spec.nameValidate,
      }),
      inputField(`${prefix}#new-value`, {
        label: `New ${spec.noun} value`,
        type: 'text',
        required: true,
        validate: spec.valueValidate,
      }),
    ],
    newItem: (values, items) => {
      const name = values[`${prefix}#new-name`];
      if (items.some((item) => sameName(valueAt(item, ['name']), name)))
        return `There is already a ${spec.noun} ${String(name)}`;
      return { value: { name, value: values[`${prefix}#new-value`] } };
    },
  });
}

/** Header names compare without case (HTTP); the API refuses two entries of one name. */
function sameName(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
