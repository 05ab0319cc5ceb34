import { isRecord, valueAt } from '../model/read.ts';
import type { FieldValidator } from '../rules/fields.ts';
import { regexField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import { deleteAt, setAt } from './commands.ts';
import { clearPath, type FormContext } from './context.ts';
import { mapGroup } from './groups.ts';
import { KEYED_MATCH_KINDS, MATCH_KINDS } from './options.ts';
import type { FormField, FormGroup } from './types.ts';

/**
 * Istio `StringMatch` (exact, prefix or RE2 regex; `{}` asks only for presence) as two fields:
 * how it compares, and the value. Changing how it compares keeps the value.
 */

type Kind = 'exact' | 'prefix' | 'regex';
const KINDS: readonly Kind[] = ['exact', 'prefix', 'regex'];

/** Which comparison a written StringMatch uses ('present' for `{}` or an empty value). */
export function matchKindOf(value: unknown): Kind | 'present' | undefined {
  if (value === null) return 'present';
  if (!isRecord(value)) return undefined;
  return KINDS.find((k) => typeof value[k] === 'string') ?? 'present';
}

export interface StringMatchSpec {
  /** What is matched, for labels: `URI`, `Method`, `Header x-user`. */
  readonly what: string;
  /** The comparison a value typed into an absent match uses. */
  readonly defaultKind: Kind;
  /** Keyed matches (headers, query parameters) may ask only for presence. */
  readonly keyed?: boolean;
  /** The match cannot be left out (an item of a list of matches). */
  readonly required?: boolean;
  readonly placeholder?: string;
  /** A new match of this kind starts with this value (URIs start at `/`). */
  readonly startValue?: (kind: Kind) => string;
}

export function stringMatchFields(
  ctx: FormContext,
  path: Path,
  spec: StringMatchSpec,
): FormField[] {
  const current = valueAt(ctx.plain, path);
  const kind = current === undefined ? undefined : matchKindOf(current);
  const kindField = field(ctx, {
    id: `${formatPath(path)}#kind`,
    label: `${spec.what} match type`,
    type: 'select',
    path,
    value: kind ?? '',
    options: spec.keyed ? KEYED_MATCH_KINDS : MATCH_KINDS,
    required: spec.keyed === true || spec.required === true,
    write: (target, next) => {
      if (next === kind || (next === undefined && kind === undefined)) return [];
      if (next === undefined) return [deleteAt(target, clearPath(ctx.plain, path))];
      if (next === 'present') return [setAt(target, path, {})];
      const to = next as Kind;
      if (kind === undefined || kind === 'present')
        return [setAt(target, path, { [to]: spec.startValue?.(to) ?? '' })];
      // Set the new key before deleting the old one, so the map is never empty in between.
      return [
        setAt(target, [...path, to], valueAt(current, [kind])),
        deleteAt(target, [...path, kind]),
      ];
    },
  });
  if (kind === 'present') return [kindField];
  const valueKind = kind ?? spec.defaultKind;
  return [
    kindField,
    field(ctx, {
      label: `${spec.what} ${valueKind}`,
      type: 'text',
      path: [...path, valueKind],
      ...validatorOf(valueValidator(valueKind, spec.keyed === true)),
      ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
    }),
  ];
}

function valueValidator(kind: Kind, keyed: boolean): FieldValidator | undefined {
  if (kind === 'regex') return (v) => (v === '' ? 'Enter a regular expression' : regexField(v));
  // Istio requires a non-empty prefix everywhere but in `uri` (validateStringMatch).
  if (kind === 'prefix' && keyed) return (v) => (v === '' ? 'Enter a prefix' : undefined);
  return undefined;
}

export interface KeyedMatchesSpec {
  readonly title: string;
  /** `header match`, `query parameter match`. */
  readonly noun: string;
  /** `Header`, `Query parameter`: starts the labels. */
  readonly what: string;
  readonly keyValidate?: FieldValidator;
  readonly help?: string;
}

/** A map of name → StringMatch: `headers`, `withoutHeaders`, `queryParams`. */
export function keyedMatchGroup(ctx: FormContext, path: Path, spec: KeyedMatchesSpec): FormGroup {
  const prefix = formatPath(path);
  const kindField = inputField(`${prefix}#new-kind`, {
    label: `New ${spec.noun} type`,
    type: 'select',
    options: KEYED_MATCH_KINDS,
    required: true,
    value: 'exact',
  });
  return mapGroup(ctx, {
    title: spec.title,
    noun: spec.noun,
    path,
    ...(spec.help ? { help: spec.help } : {}),
    keyLabel: (key) => `${spec.what} ${key} name`,
    ...(spec.keyValidate ? { keyValidate: spec.keyValidate } : {}),
    itemTitle: (key) => `${spec.what} ${key}`,
    entries: (key, entryPath) =>
      stringMatchFields(ctx, entryPath, {
        what: `${spec.what} ${key}`,
        defaultKind: 'exact',
        keyed: true,
      }),
    addFields: [
      inputField(`${prefix}#new-name`, {
        label: `New ${spec.what.toLowerCase()} name`,
        type: 'text',
        required: true,
        ...(spec.keyValidate ? { validate: spec.keyValidate } : {}),
      }),
      kindField,
      inputField(`${prefix}#new-value`, { label: `New ${spec.noun} value`, type: 'text' }),
    ],
    addProblem: (values) => {
      const kind = values[kindField.id];
      const value = values[`${prefix}#new-value`];
      if (kind === 'present' || kind === undefined) return undefined;
      const problem = valueValidator(kind as Kind, true)?.(value ?? '');
      return problem ? `New ${spec.noun} value: ${problem}` : undefined;
    },
    newValue: (values) => {
      const kind = values[kindField.id];
      const value = values[`${prefix}#new-value`];
      if (kind === 'present' || kind === undefined) return {};
      return { [kind as string]: typeof value === 'string' ? value : '' };
    },
  });
}

function validatorOf(validate: FieldValidator | undefined): { validate?: FieldValidator } {
  return validate ? { validate } : {};
}
