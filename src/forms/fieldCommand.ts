import type { DocTarget } from '../edit/command.ts';
import { sameValue } from '../model/read.ts';
import { combine, deleteAt, listCommands, setAt } from './commands.ts';
import { parseInput } from './parse.ts';
import type { FieldResult, FormField } from './types.ts';

/**
 * The command for what the user entered in a field: the input is parsed and checked as Istio
 * checks it; a wrong value gives the message to show next to the field and no command. An
 * emptied field deletes its value (and the maps the form would have created for it); a value
 * that equals what is written gives no command.
 */
export function fieldCommand(target: DocTarget, field: FormField, input: unknown): FieldResult {
  if (field.readOnly) return { ok: false, error: 'This field is read-only' };
  const parsed = parseInput(field, input);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const error = problemOf(field, value);
  if (error) return { ok: false, error };
  const commands = field.write ? field.write(target, value) : defaultWrite(target, field, value);
  return { ok: true, command: combine(commands), value };
}

/** What is wrong with a parsed value, if anything: required, then the validator (per item). */
export function problemOf(field: FormField, value: unknown): string | undefined {
  if (value === undefined) return field.required ? 'Required' : undefined;
  if (!field.validate) return undefined;
  if (field.type === 'list' && Array.isArray(value)) {
    for (const item of value) {
      const problem = field.validate(item);
      if (problem) return problem;
    }
    return undefined;
  }
  return field.validate(value);
}

function defaultWrite(target: DocTarget, field: FormField, value: unknown) {
  const clear = field.clear ?? field.path;
  if (Array.isArray(value) || (value === undefined && Array.isArray(field.value))) {
    const items = (value as readonly unknown[] | undefined) ?? [];
    const after = field.type === 'multiselect' ? keepWrittenOrder(field.value, items) : items;
    return listCommands(target, field.path, field.value, after, clear);
  }
  if (value === undefined) return field.value === undefined ? [] : [deleteAt(target, clear)];
  if (sameValue(field.value, value)) return [];
  // An empty string is written `""`, and a value written over a quoted scalar keeps its quotes:
  // passing through null first gives the new value the plain style it would have had.
  if (field.value === '')
    return [setAt(target, field.path, null), setAt(target, field.path, value)];
  return [setAt(target, field.path, value)];
}

/**
 * A multi-select hands over its choices in option order; what was written keeps its order and
 * new choices go last, so choosing one more item adds one line.
 */
function keepWrittenOrder(written: unknown, chosen: readonly unknown[]): unknown[] {
  const before = Array.isArray(written) ? written : [];
  return [
    ...before.filter((item) => chosen.includes(item)),
    ...chosen.filter((item) => !before.includes(item)),
  ];
}
