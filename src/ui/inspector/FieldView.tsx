import { useId, useState } from 'react';
import type { DocTarget } from '../../edit/command.ts';
import { problemOf } from '../../forms/fieldCommand.ts';
import { parseInput } from '../../forms/parse.ts';
import type { FormField } from '../../forms/types.ts';
import { chosen, fieldText, valueKey } from './fieldText.ts';
import { useFieldWriter } from './useFieldWriter.ts';

/** What the user typed that the document does not show (yet): invalid, or not committed. */
interface Draft {
  readonly text: string;
  /** The document value the draft goes with; when the document changes otherwise, it is dropped. */
  readonly base: string;
  readonly error: string | undefined;
}

/**
 * One field, labelled by its label. Text is applied as it is typed (or when left, for names);
 * what is wrong shows next to the field (aria-invalid, aria-describedby) and nothing is written.
 */
export function FieldView({ field, target }: { field: FormField; target: DocTarget }) {
  const id = useId();
  const write = useFieldWriter(field, target);
  const [draft, setDraft] = useState<Draft | null>(null);
  const base = valueKey(field.value);
  const live = draft !== null && draft.base === base ? draft : null;
  const error = live ? live.error : problemOf(field, field.value);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', field.help ? helpId : ''].filter(Boolean).join(' ');
  const described = describedBy ? { 'aria-describedby': describedBy } : {};

  /** Text typed: checked, and written at once unless the field commits when left. */
  const onText = (text: string) => {
    if (field.commitOnBlur) {
      const parsed = parseInput(field, text);
      const problem = parsed.ok ? problemOf(field, parsed.value) : parsed.error;
      setDraft({ text, base, error: problem });
      return;
    }
    const result = write(text, true);
    setDraft({
      text,
      base: result.ok ? valueKey(result.command ? result.value : field.value) : base,
      error: result.ok ? undefined : result.error,
    });
  };
  const onLeave = () => {
    if (live && field.commitOnBlur && !live.error) {
      const result = write(live.text, false);
      if (!result.ok) {
        setDraft({ ...live, error: result.error });
        return;
      }
    }
    // Once left, a valid field shows the document's value again; a wrong one keeps its text.
    if (!live?.error) setDraft(null);
  };
  const onChoice = (input: unknown) => {
    const result = write(input, false);
    setDraft(result.ok ? null : { text: '', base, error: result.error });
  };

  const invalid = error ? { 'aria-invalid': true as const } : {};
  return (
    <div className={`field field--${field.type}`}>
      {field.type === 'boolean' ? (
        <label className="field__check">
          <input
            type="checkbox"
            checked={field.value === true}
            disabled={field.readOnly}
            onChange={(e) => onChoice(e.currentTarget.checked)}
            {...invalid}
            {...described}
          />
          {field.label}
        </label>
      ) : field.type === 'multiselect' ? (
        <fieldset className="field__choices" {...described} {...invalid}>
          <legend>{field.label}</legend>
          {(field.options ?? []).map((option) => (
            <label key={option.value} className="field__check">
              <input
                type="checkbox"
                checked={chosen(field).includes(option.value)}
                disabled={field.readOnly}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const current = chosen(field);
                  const values = (field.options ?? [])
                    .map((o) => o.value)
                    .filter((v) => (v === option.value ? on : current.includes(v)));
                  onChoice(values);
                }}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <label htmlFor={id}>{field.label}</label>
          {field.type === 'select' ? (
            <select
              id={id}
              value={fieldText(field)}
              disabled={field.readOnly}
              onChange={(e) => onChoice(e.currentTarget.value)}
              {...invalid}
              {...described}
            >
              {(!field.required || field.value === undefined || field.value === '') && (
                <option value="">—</option>
              )}
              {(field.options ?? []).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : field.type === 'textarea' ? (
            <textarea
              id={id}
              value={live ? live.text : fieldText(field)}
              placeholder={field.placeholder}
              readOnly={field.readOnly}
              onChange={(e) => onText(e.currentTarget.value)}
              onBlur={onLeave}
              rows={3}
              {...invalid}
              {...described}
            />
          ) : (
            <input
              id={id}
              type="text"
              inputMode={
                field.type === 'number' || field.type === 'percentage' ? 'decimal' : undefined
              }
              spellCheck={false}
              autoComplete="off"
              value={live ? live.text : fieldText(field)}
              placeholder={field.placeholder}
              readOnly={field.readOnly}
              onChange={(e) => onText(e.currentTarget.value)}
              onBlur={onLeave}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
              }}
              {...invalid}
              {...described}
            />
          )}
        </>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {field.help && (
        <p id={helpId} className="field__help">
          {field.help}
        </p>
      )}
    </div>
  );
}
