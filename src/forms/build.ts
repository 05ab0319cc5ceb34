import { valueAt } from '../model/read.ts';
import type { FieldValidator } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { clearPath, type FormContext } from './context.ts';
import type {
  FieldOption,
  FieldType,
  FieldWriter,
  FormEntry,
  FormField,
  FormSection,
} from './types.ts';

/** What a form file says about a field; the rest (id, value, clear) is read from the document. */
export interface FieldSpec {
  readonly label: string;
  readonly type: FieldType;
  readonly path: Path;
  readonly id?: string;
  readonly options?: readonly FieldOption[];
  readonly placeholder?: string;
  readonly help?: string;
  readonly validate?: FieldValidator;
  readonly required?: boolean;
  readonly integer?: boolean;
  readonly commitOnBlur?: boolean;
  readonly readOnly?: boolean;
  readonly write?: FieldWriter;
  readonly nodeAfter?: (value: unknown) => string | undefined;
  /** The value shown when the document has none at `path` (a computed value). */
  readonly value?: unknown;
}

/** A field bound to the document: its value is read at its path. */
export function field(ctx: FormContext, spec: FieldSpec): FormField {
  const { id, value, options, ...rest } = spec;
  const current = value !== undefined ? value : valueAt(ctx.plain, spec.path);
  return stripUndefined<FormField>({
    ...rest,
    kind: 'field',
    id: id ?? formatPath(spec.path),
    target: ctx.target,
    value: current,
    options: options && withCurrent(options, current),
    clear: clearPath(ctx.plain, spec.path),
  });
}

/** A field of an add row: not bound to the document; `value` is its starting input. */
export function inputField(
  id: string,
  spec: Omit<FieldSpec, 'path' | 'id'> & { readonly value?: unknown },
): FormField {
  const { value, ...rest } = spec;
  return stripUndefined<FormField>({ ...rest, kind: 'field', id, path: [], value });
}

export function section(
  id: string,
  title: string,
  entries: readonly (FormEntry | undefined)[],
  help?: string,
): FormSection {
  return stripUndefined<FormSection>({
    kind: 'section',
    id,
    title,
    help,
    entries: entries.filter((e): e is FormEntry => e !== undefined),
  });
}

/** Options from plain values (label = value). */
export function choices(values: readonly string[]): FieldOption[] {
  return values.map((value) => ({ value, label: value }));
}

/**
 * A select always offers what is written, even a value the form does not know (a newer Istio
 * enum, a typo): the user sees it and can change it, and nothing is rewritten behind them.
 */
function withCurrent(options: readonly FieldOption[], current: unknown): readonly FieldOption[] {
  const values = Array.isArray(current) ? current : current === undefined ? [] : [current];
  const extra = values
    .filter((v) => (typeof v === 'string' || typeof v === 'number') && v !== '')
    .map(String)
    .filter((v) => !options.some((o) => o.value === v));
  return extra.length ? [...options, ...extra.map((v) => ({ value: v, label: v }))] : options;
}

/** Drops undefined properties, as `exactOptionalPropertyTypes` wants. */
function stripUndefined<T>(value: object): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}
