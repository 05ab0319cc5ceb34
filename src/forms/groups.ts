import type { Command } from '../edit/command.ts';
import { isClusterField } from '../model/clusterFields.ts';
import { isRecord, valueAt } from '../model/read.ts';
import type { FieldValidator } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field } from './build.ts';
import { combine, deleteAt, setAt } from './commands.ts';
import { clearPath, type FormContext } from './context.ts';
import { problemOf } from './fieldCommand.ts';
import { parseInput } from './parse.ts';
import type { FieldResult, FormEntry, FormField, FormGroup, GroupItem } from './types.ts';

/** Values of an add row, parsed and checked field by field. */
export type AddValues = Readonly<Record<string, unknown>>;

type AddOutcome =
  | { readonly ok: true; readonly commands: readonly Command[] }
  | { readonly ok: false; readonly error: string };

/** Parses and checks the inputs of an add row; the first wrong one names its field. */
export function readAddInputs(
  fields: readonly FormField[],
  inputs: Readonly<Record<string, unknown>>,
): { ok: true; values: AddValues } | { ok: false; error: string } {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const parsed = parseInput(f, inputs[f.id] ?? f.value);
    if (!parsed.ok) return { ok: false, error: `${f.label}: ${parsed.error}` };
    const problem = problemOf(f, parsed.value);
    if (problem) return { ok: false, error: `${f.label}: ${problem}` };
    values[f.id] = parsed.value;
  }
  return { ok: true, values };
}

function adder(
  fields: readonly FormField[],
  make: ((values: AddValues) => AddOutcome) | undefined,
): FormGroup['add'] {
  if (!make) return undefined;
  return (inputs): FieldResult => {
    const read = readAddInputs(fields, inputs);
    if (!read.ok) return read;
    const made = make(read.values);
    if (!made.ok) return made;
    return { ok: true, command: combine(made.commands), value: read.values };
  };
}

export interface ListGroupSpec {
  readonly title: string;
  readonly noun: string;
  /** The list's path. */
  readonly path: Path;
  readonly help?: string;
  readonly item: (
    itemPath: Path,
    index: number,
    value: unknown,
  ) => {
    readonly title: string;
    readonly note?: string;
    readonly entries: readonly (FormEntry | undefined)[];
  };
  readonly addFields?: readonly FormField[];
  /** The new item (appended) and commands to run before inserting it; undefined: no add. */
  readonly newItem?: (
    values: AddValues,
    items: readonly unknown[],
  ) => { readonly value: unknown; readonly before?: readonly Command[] } | string;
  /** The last item cannot be removed (a Gateway needs a server, a rule a destination). */
  readonly keepLast?: boolean;
}

/** A group over a list of maps (servers, match blocks, destinations, subsets…). */
export function listGroup(ctx: FormContext, spec: ListGroupSpec): FormGroup {
  const raw = valueAt(ctx.plain, spec.path);
  const items = Array.isArray(raw) ? raw : [];
  const clear = clearPath(ctx.plain, spec.path);
  const groupItems = items.map((value, index): GroupItem => {
    const built = spec.item([...spec.path, index], index, value);
    const last = items.length === 1;
    const remove: Command | undefined =
      last && spec.keepLast
        ? undefined
        : last
          ? deleteAt(ctx.target, clear)
          : { type: 'removeItem', target: ctx.target, path: spec.path, index };
    return withNote(
      {
        id: formatPath([...spec.path, index]),
        title: built.title,
        entries: built.entries.filter((e): e is FormEntry => e !== undefined),
        remove,
      },
      built.note,
    );
  });
  const addFields = spec.addFields ?? [];
  const newItem = spec.newItem;
  return withHelp(
    {
      kind: 'group',
      id: `group:${formatPath(spec.path)}`,
      title: spec.title,
      noun: spec.noun,
      items: groupItems,
      addFields,
      add: adder(
        addFields,
        newItem &&
          ((values) => {
            const made = newItem(values, items);
            if (typeof made === 'string') return { ok: false, error: made };
            const insert: Command =
              items.length === 0
                ? setAt(ctx.target, spec.path, [made.value])
                : {
                    type: 'insertItem',
                    target: ctx.target,
                    path: spec.path,
                    index: items.length,
                    value: made.value,
                  };
            return { ok: true, commands: [...(made.before ?? []), insert] };
          }),
      ),
    },
    spec.help,
  );
}

export interface MapGroupSpec {
  readonly title: string;
  readonly noun: string;
  /** The map's path. */
  readonly path: Path;
  readonly help?: string;
  readonly keyLabel: (key: string) => string;
  readonly keyValidate?: FieldValidator;
  readonly itemTitle: (key: string) => string;
  /** The entry's own fields, after its key. */
  readonly entries: (
    key: string,
    entryPath: Path,
    value: unknown,
  ) => readonly (FormEntry | undefined)[];
  /** The add row: its first field is the new key. */
  readonly addFields: readonly FormField[];
  /** What is wrong with the add row as a whole (a regex match without a regex). */
  readonly addProblem?: (values: AddValues) => string | undefined;
  /** The value written for a new key (from the add row's other fields). */
  readonly newValue: (values: AddValues) => unknown;
}

/**
 * A group over a map of like entries (labels, header matches, header operations). Each entry's
 * key is a field of its own: renaming writes the entry under its new key and removes the old
 * one (so it moves to the end of the map), committed when the input is left.
 */
export function mapGroup(ctx: FormContext, spec: MapGroupSpec): FormGroup {
  const raw = valueAt(ctx.plain, spec.path);
  const map = isRecord(raw) ? raw : {};
  const keys = Object.keys(map);
  const clear = clearPath(ctx.plain, spec.path);
  // What the cluster wrote (kubectl's last-applied annotation) is kept but not shown.
  const shown = keys.filter((key) => !isClusterField([...spec.path, key]));
  const items = shown.map((key): GroupItem => {
    const entryPath = [...spec.path, key];
    const value = map[key];
    const name = field(ctx, {
      id: `${formatPath(entryPath)}#name`,
      label: spec.keyLabel(key),
      type: 'text',
      path: entryPath,
      value: key,
      required: true,
      commitOnBlur: true,
      validate: uniqueKey(keys, key, spec.keyValidate, spec.noun),
      write: (target, next) =>
        next === key || typeof next !== 'string'
          ? []
          : [setAt(target, [...spec.path, next], value ?? {}), deleteAt(target, entryPath)],
    });
    return {
      id: formatPath(entryPath),
      title: spec.itemTitle(key),
      entries: [
        name,
        ...spec.entries(key, entryPath, value).filter((e): e is FormEntry => e !== undefined),
      ],
      remove: deleteAt(ctx.target, keys.length === 1 ? clear : entryPath),
    };
  });
  const keyField = spec.addFields[0];
  return withHelp(
    {
      kind: 'group',
      id: `group:${formatPath(spec.path)}`,
      title: spec.title,
      noun: spec.noun,
      items,
      addFields: spec.addFields,
      add: adder(spec.addFields, (values) => {
        const key = keyField ? values[keyField.id] : undefined;
        if (typeof key !== 'string') return { ok: false, error: `${keyField?.label}: Required` };
        if (keys.includes(key))
          return { ok: false, error: `There is already a ${spec.noun} ${key}` };
        const problem = spec.addProblem?.(values);
        if (problem) return { ok: false, error: problem };
        return {
          ok: true,
          commands: [setAt(ctx.target, [...spec.path, key], spec.newValue(values))],
        };
      }),
    },
    spec.help,
  );
}

function uniqueKey(
  keys: readonly string[],
  own: string,
  validate: FieldValidator | undefined,
  noun: string,
): FieldValidator {
  return (value) => {
    if (typeof value === 'string' && value !== own && keys.includes(value))
      return `There is already a ${noun} ${value}`;
    return validate?.(value);
  };
}

function withNote(item: GroupItem, note: string | undefined): GroupItem {
  return note === undefined ? item : { ...item, note };
}

function withHelp(group: FormGroup, help: string | undefined): FormGroup {
  return help === undefined ? group : { ...group, help };
}
